/** The agent loop's measurements. Each returns plain numbers; run.ts compares them with the budgets. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AgentSession, type AgentSessionOptions } from '../../src/core/agent/loop';
import { transcriptPath, TranscriptWriter } from '../../src/core/agent/transcript';
import { loadTranscript } from '../../src/core/agent/transcriptReader';
import type { AgentEvent } from '../../src/core/agent/types';
import { AnthropicProvider } from '../../src/core/providers/anthropic';
import { apiKeySource } from '../../src/core/providers/credentials';
import { bashTool, editTool, readTool } from '../../src/core/tools/index';
import type { AgentTool, ToolContext } from '../../src/core/tools/types';
import { benchMessage, InstantModel, streamEvents, type BenchBlock } from './instantModel';

const MODEL = 'claude-sonnet-4-6';

/**
 * The real tools' names and schemas, with the tools' own work removed: they answer at once,
 * each time with a distinct string of realistic size (so memory holds what a session would).
 */
let calls = 0;
function instant(tool: AgentTool, output: string): AgentTool {
  return { ...tool, preview: undefined, run: async () => ({ content: Buffer.from(`${output}\n(call ${++calls})`).toString('utf8') }) };
}
const FILE_TEXT = Array.from({ length: 40 }, (_, i) => `${String(i + 1).padStart(6)}\texport const value${i} = compute(${i}); // a line of source`).join('\n');
const TOOLS = [instant(readTool, FILE_TEXT), instant(editTool, 'The file /w/src/app.ts has been updated.'), instant(bashTool, 'ok 42 tests passed')];

function unused(): never {
  throw new Error('not used by the benchmark');
}
const TOOL_CONTEXT: Omit<ToolContext, 'signal'> = {
  cwd: '/w',
  workspaceFolders: ['/w'],
  fs: { readFile: unused, writeFile: unused, stat: unused, readdir: unused, realpath: unused },
  processes: { run: unused },
  reads: { recordRead: () => undefined, lastRead: () => undefined },
  web: { digest: unused },
  fetchText: unused,
};

/** Turn n of a session mixing Read (two in parallel), Edit and Bash; the last turn answers. */
function mixedTurn(turns: number) {
  return (n: number): BenchBlock[] => {
    if (n >= turns - 1) return [{ type: 'text', text: 'All done: the change is in and the tests pass.' }];
    const id = (k: number) => `toolu_${n}_${k}`;
    switch (n % 3) {
      case 0:
        return [
          { type: 'text', text: 'Let me look at the two files involved.' },
          { type: 'tool_use', id: id(0), name: 'Read', input: { file_path: '/w/src/app.ts' } },
          { type: 'tool_use', id: id(1), name: 'Read', input: { file_path: '/w/src/util.ts' } },
        ];
      case 1:
        return [{ type: 'tool_use', id: id(0), name: 'Edit', input: { file_path: '/w/src/app.ts', old_string: `value${n}`, new_string: `renamed${n}` } }];
      default:
        return [{ type: 'tool_use', id: id(0), name: 'Bash', input: { command: 'npm test', description: 'Run the tests' } }];
    }
  };
}

function sessionOptions(model: AgentSessionOptions['provider'], recorders: AgentSessionOptions['recorders'], sink: (event: AgentEvent) => void, maxTurns: number): AgentSessionOptions {
  return {
    sessionId: 'bench',
    provider: model,
    model: MODEL,
    system: [{ type: 'text', text: 'You are a coding agent.'.repeat(200) }],
    tools: TOOLS,
    toolContext: TOOL_CONTEXT,
    decide: () => ({ decision: 'allow', reason: 'benchmark', rule: null, source: null }),
    sink: { emit: sink },
    recorders,
    maxTurns,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'agentgate-bench-'));
}

/** Milliseconds of the loop's own work per turn (with or without the transcript and its fsync), median of `runs` sessions. */
export async function overheadPerTurn(options: { turns?: number; runs?: number; transcript: boolean }): Promise<{ msPerTurn: number; samples: number[] }> {
  const { turns = 50, runs = 9 } = options;
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const home = tempDir();
    const writer = options.transcript ? await TranscriptWriter.open(transcriptPath(home, '/w', `bench-${run}`)) : undefined;
    const session = new AgentSession(sessionOptions(new InstantModel(mixedTurn(turns)), writer ? [writer] : [], () => undefined, turns + 5));
    const start = performance.now();
    const result = await session.run('Rename value to renamed across the app and run the tests.');
    const elapsed = performance.now() - start;
    await writer?.close();
    rmSync(home, { recursive: true, force: true });
    if (result.reason !== 'done' || result.turns !== turns) throw new Error(`benchmark session ended ${result.reason} after ${result.turns} turns`);
    samples.push(elapsed / turns);
  }
  return { msPerTurn: median(samples.slice(1)), samples };
}

/** Milliseconds from the first byte of a streamed response (local SSE server, real Anthropic provider) to the first text token event. */
export async function firstTokenLatency(samples = 30): Promise<{ medianMs: number; p95Ms: number }> {
  let firstByteAt = 0;
  const message = benchMessage([{ type: 'text', text: 'Hello from the benchmark model with a few words.' }], 'msg_bench', MODEL);
  const body = streamEvents(message)
    .map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
    .join('');
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      firstByteAt = performance.now();
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const provider = new AnthropicProvider({ apiKey: apiKeySource({ envKey: 'bench-key-0000' }), baseURL: `http://127.0.0.1:${port}`, requestTimeoutMs: 60_000 });
  const latencies: number[] = [];
  try {
    for (let i = 0; i < samples + 3; i++) {
      let firstTokenAt = 0;
      const sink = (event: AgentEvent) => {
        if (firstTokenAt === 0 && event.type === 'model/stream' && event.event.type === 'content_block_delta') firstTokenAt = performance.now();
      };
      const session = new AgentSession(sessionOptions(provider, [], sink, 1));
      const result = await session.run('Say hello.');
      if (result.reason !== 'done') throw new Error(`first-token session ended ${result.reason}: ${result.error?.message}`);
      if (i >= 3) latencies.push(firstTokenAt - firstByteAt);
    }
  } finally {
    server.close();
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return { medianMs: median(latencies), p95Ms: sorted[Math.floor(sorted.length * 0.95)]! };
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Heap and resident memory after one session of `turns` turns (each with a tool call), transcript on. */
export async function memoryAfterSession(turns = 1000): Promise<{ heapUsedMb: number; heapGrowthMb: number; rssMb: number; gcAvailable: boolean }> {
  collect();
  const before = process.memoryUsage();
  const home = tempDir();
  const writer = await TranscriptWriter.open(transcriptPath(home, '/w', 'bench-memory'));
  const session = new AgentSession(sessionOptions(new InstantModel(mixedTurn(turns)), [writer], () => undefined, turns + 5));
  const result = await session.run('A long session.');
  await writer.close();
  if (result.turns !== turns) throw new Error(`memory session ended ${result.reason} after ${result.turns} turns`);
  collect();
  const after = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  rmSync(home, { recursive: true, force: true });
  // Keep the session alive until measured: its conversation is what a live session holds.
  if (session.messages.length === 0) throw new Error('unreachable');
  return { heapUsedMb: mb(after.heapUsed), heapGrowthMb: mb(after.heapUsed - before.heapUsed), rssMb: mb(after.rss), gcAvailable: typeof (globalThis as { gc?: unknown }).gc === 'function' };
}

/** Writes a transcript of about `events` records, like a long real session. */
function writeLongTranscript(file: string, events: number): void {
  const lines: string[] = [];
  const time = new Date().toISOString();
  const push = (record: unknown) => lines.push(JSON.stringify(record));
  push({ v: 1, type: 'event', time, event: { type: 'session/start', sessionId: 'resume', provider: 'anthropic', model: MODEL, cwd: '/w' } });
  push({ v: 1, type: 'prompt', time, text: 'Refactor the app.' });
  const turn = mixedTurn(Number.MAX_SAFE_INTEGER);
  for (let n = 0; lines.length < events; n++) {
    const message = benchMessage(turn(n), `msg_${n}`, MODEL);
    push({ v: 1, type: 'assistant', time, turn: n + 1, message });
    for (const block of message.content) {
      if (block.type !== 'tool_use') continue;
      const decision = { decision: 'allow', reason: 'Reading files inside the working directories is allowed.', rule: null, source: null };
      push({ v: 1, type: 'event', time, event: { type: 'tool/decision', toolUseId: block.id, tool: block.name, decision } });
      push({ v: 1, type: 'event', time, event: { type: 'tool/start', toolUseId: block.id, tool: block.name, input: block.input } });
      push({ v: 1, type: 'event', time, event: { type: 'tool/result', toolUseId: block.id, tool: block.name, content: FILE_TEXT, isError: false } });
    }
    push({ v: 1, type: 'event', time, event: { type: 'turn/end', turn: n + 1, cost: { usage: message.usage, costUsd: 0.01 }, sessionCostUsd: 0.01 * (n + 1) } });
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Milliseconds to load a transcript of `events` records and rebuild the conversation (median of `runs`). */
export async function resumeTime(events = 10_000, runs = 7): Promise<{ medianMs: number; fileMb: number; messages: number }> {
  const home = tempDir();
  const file = path.join(home, 'resume.jsonl');
  writeLongTranscript(file, events);
  const samples: number[] = [];
  let messages = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const resumed = await loadTranscript(file, 'resume');
    samples.push(performance.now() - start);
    messages = resumed.messages.length;
  }
  const { size } = await import('node:fs/promises').then((fs) => fs.stat(file));
  rmSync(home, { recursive: true, force: true });
  return { medianMs: median(samples), fileMb: Math.round((size / 1024 / 1024) * 10) / 10, messages };
}
