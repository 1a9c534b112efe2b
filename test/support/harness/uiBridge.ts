/**
 * Lets integration tests (running in the extension host) act on AgentGate's real webview: a small
 * HTTP endpoint on 127.0.0.1 served by the runner, which drives the page with Playwright. The
 * extension host finds it through AGENTGATE_UI_BRIDGE (test/integration/helpers/ui.ts).
 *
 *   POST /webview/click {"role":"button","name":"Check connection"}  →  {"ok":true}
 *   POST /webview/text  {"role":"status"}                            →  {"ok":true,"text":"…"}
 */
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Page } from 'playwright-core';
import { stripAnsi } from './progress';
import { agentGateWebview } from './workbench';

export const UI_BRIDGE_ENV = 'AGENTGATE_UI_BRIDGE';

type Role = Parameters<Page['getByRole']>[0];
interface Request {
  role: Role;
  name?: string;
}

export interface UiBridge {
  readonly url: string;
  /** The page to drive (set once the browser is up). */
  attach(page: Page): void;
  stop(): Promise<void>;
}

const ACTION_TIMEOUT_MS = 15_000;

export async function startUiBridge(): Promise<UiBridge> {
  let page: Page | undefined;
  const act = async (action: string, request: Request): Promise<Record<string, unknown>> => {
    if (!page) throw new Error('the browser is not up yet');
    const target = agentGateWebview(page)
      .getByRole(request.role, request.name === undefined ? {} : { name: request.name, exact: true })
      .first();
    switch (action) {
      case 'click':
        await target.click({ timeout: ACTION_TIMEOUT_MS });
        return {};
      case 'text':
        return { text: await target.innerText({ timeout: ACTION_TIMEOUT_MS }) };
      default:
        throw new Error(`unknown action ${action}`);
    }
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const action = /^\/webview\/(\w+)$/.exec(req.url ?? '')?.[1] ?? '';
      void (async () => {
        try {
          const result = await act(action, JSON.parse(body) as Request);
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ...result }));
        } catch (error) {
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: stripAnsi(String(error)) }));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    attach(p) {
      page = p;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
