/**
 * A model that streams one long answer as fast as the socket takes it: one text_delta event per
 * token, framed by the test servers' Anthropic SSE writer. For the rendering benchmark only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicWire } from '../../test/support/modelServers/sseWires';
import { benchMessage, streamEvents } from '../agent/instantModel';

const EVENTS_PER_WRITE = 10;

export interface TokenServer {
  url: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Serves `words` (one token each) to every request on POST /v1/messages. */
export async function startTokenServer(words: readonly string[]): Promise<TokenServer> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const message = benchMessage([{ type: 'text', text: words.join(' ') }], 'msg_bench', 'claude-bench');
      const writer = anthropicWire.writer(res);
      writer.head();
      const frames = streamEvents(message).map((event) => writer.event(event));
      void (async () => {
        // A few events per write, as fast as the socket takes them: a stream, not one blob.
        for (let start = 0; start < frames.length && !res.destroyed; start += EVENTS_PER_WRITE) {
          const piece = frames.slice(start, start + EVENTS_PER_WRITE).map((frame) => (typeof frame === 'string' ? frame : Buffer.from(frame).toString('utf8')));
          await new Promise<void>((resolve) => res.write(piece.join(''), () => resolve()));
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        res.end();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    env: { ANTHROPIC_BASE_URL: url, ANTHROPIC_API_KEY: 'sk-ant-bench-key' },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Markdown of `count` words the way a model writes: headings, paragraphs, lists, code blocks. */
export function benchWords(count: number): string[] {
  const words: string[] = [];
  const prose = 'the agent reads each file before it changes anything and explains why a command needs approval'.split(' ');
  let section = 0;
  while (words.length < count) {
    section++;
    words.push(`\n\n##`, 'Step', `${section}\n\n`);
    for (let i = 0; i < 40; i++) words.push(prose[i % prose.length]!);
    words.push('`npm', 'test`', 'and', '**bold**', `words.\n\n-`, 'first', 'item', `here\n-`, 'second', 'item', `there\n\n\`\`\`ts\nconst`, 'value', '=', 'compute(input,', 'options);\nif', '(value)', `return;\n\`\`\`\n\n`);
    for (let i = 0; i < 30; i++) words.push(prose[(i * 7) % prose.length]!);
  }
  return words.slice(0, count);
}
