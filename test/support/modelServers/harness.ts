/**
 * The HTTP part shared by the three model servers: listens on 127.0.0.1 (ephemeral port),
 * records every request, hands each one the next script step, plays replies and faults through
 * a wire-specific writer, and closes every open connection on `close()`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { replyEvents, type WireEvent } from './events';
import { credentialOf, type RecordedRequest, type RequestEnd } from './recorder';
import type { Fault, Reply, ScriptStep, StatusFault } from './script';

/** How one wire protocol frames a streamed answer. */
export interface StreamWriter {
  /** Writes the success status line and headers. */
  head(): void;
  event(event: WireEvent): string | Uint8Array;
  /** The in-stream error frame (`event: error` / exception frame) for an Anthropic error type. */
  error(type: string): string | Uint8Array;
}

export interface RouteMatch {
  model: string | undefined;
  project?: string;
  region?: string;
}

export interface Wire {
  /** Validates method, path and body; returns the route, or writes an error answer and returns undefined. */
  route(request: RecordedRequest, res: ServerResponse): RouteMatch | undefined;
  /** Writes the wire's answer for an HTTP-level fault. */
  statusFault(fault: StatusFault, res: ServerResponse): void;
  /** Writes the wire's answer for a request whose credential is not accepted. */
  rejectCredential(res: ServerResponse): void;
  writer(res: ServerResponse): StreamWriter;
}

export interface HarnessOptions {
  /** When set, only these API keys / bearer tokens are accepted; others get 401/403 and consume no step. */
  acceptKeys?: readonly string[];
}

export interface Harness {
  url: string;
  requests: RecordedRequest[];
  push(...steps: ScriptStep[]): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (data: Buffer) => chunks.push(data));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function write(res: ServerResponse, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    res.write(data, () => resolve());
  });
}

async function play(step: Reply | Fault, model: string, wire: Wire, res: ServerResponse, markDropped: () => void): Promise<void> {
  if (step.kind === 'status') {
    wire.statusFault(step, res);
    return;
  }
  const events = replyEvents(step.kind === 'reply' ? step : step.reply, model);
  const count = step.kind === 'reply' ? events.length : Math.min(step.afterEvents, events.length);
  const writer = wire.writer(res);
  writer.head();
  res.flushHeaders();
  for (const event of events.slice(0, count)) {
    if (res.destroyed) return;
    await write(res, writer.event(event));
    // Separate writes so the client sees the events arrive one by one.
    await new Promise((resolve) => setImmediate(resolve));
  }
  switch (step.kind) {
    case 'reply':
      res.end();
      return;
    case 'midStreamError':
      await write(res, writer.error(step.errorType));
      res.end();
      return;
    case 'drop':
      markDropped();
      res.socket?.destroy();
      return;
    case 'stall':
      // Nothing more: the client must give up (abort or timeout), or the server closes.
      return;
  }
}

export async function startHarness(wire: Wire, script: readonly ScriptStep[], options: HarnessOptions = {}): Promise<Harness> {
  const queue: ScriptStep[] = [...script];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void (async () => {
      const rawBody = await readBody(req);
      let settle: (end: RequestEnd) => void = () => {};
      const ended = new Promise<RequestEnd>((resolve) => (settle = resolve));
      let dropped = false;
      res.on('close', () => settle(dropped ? 'dropped' : res.writableFinished ? 'completed' : 'clientClosed'));
      const body = parseJson(rawBody);
      const recorded: RecordedRequest = {
        index: requests.length,
        method: req.method ?? 'GET',
        path: (req.url ?? '/').split('?')[0] ?? '/',
        headers: req.headers,
        rawBody,
        body,
        model: undefined,
        credential: credentialOf(req.headers),
        ended,
      };
      requests.push(recorded);
      const route = wire.route(recorded, res);
      if (!route) return;
      recorded.model = route.model;
      if (route.project !== undefined) recorded.project = route.project;
      if (route.region !== undefined) recorded.region = route.region;
      if (options.acceptKeys && !options.acceptKeys.includes(recorded.credential ?? '')) {
        wire.rejectCredential(res);
        return;
      }
      const next = queue.shift();
      if (next === undefined) {
        // Not retryable, so a test with too short a script fails at once with this message.
        wire.statusFault({ kind: 'status', status: 400, message: `The model server script is exhausted (request #${recorded.index + 1}).` }, res);
        return;
      }
      const step = typeof next === 'function' ? next(recorded) : next;
      await play(step, route.model ?? 'unknown-model', wire, res, () => (dropped = true));
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`model server failure: ${String(error)}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    push: (...steps) => void queue.push(...steps),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** JSON error answer helper for the wires. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** `retry-after` / `retry-after-ms` headers of a status fault. */
export function retryHeaders(fault: StatusFault): Record<string, string> {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  return headers;
}
