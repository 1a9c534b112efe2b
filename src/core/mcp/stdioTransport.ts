/**
 * The MCP stdio transport (the SDK's framing) for a server that runs as the leader of its own
 * process group, so that stopping it stops everything it started: the SDK's own stdio transport
 * signals only the process it spawned, and a server's children (an `npx` wrapper's node process,
 * a grandchild) would outlive it. Stopping closes stdin, sends SIGTERM to the group, then
 * SIGKILL after a grace period. When the server exits by itself, what it left behind in its
 * group is stopped too. stderr is kept as a tail of lines for failure reports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { LineTail } from './lineTail';
import { signalProcessGroup } from '../util/signalProcessGroup';

export interface StdioServerParams {
  command: string;
  args: readonly string[];
  /** The complete environment of the server (nothing else is inherited). */
  env: Record<string, string>;
  cwd: string;
  /** Time between SIGTERM and SIGKILL (default 2 s). */
  killGraceMs?: number;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class McpSpawnError extends Error {
  override name = 'McpSpawnError';
}


function groupAlive(pid: number): boolean {
  if (process.platform === 'win32') return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export class ProcessGroupStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  readonly stderr = new LineTail();
  private child: ChildProcess | undefined;
  private readonly readBuffer = new ReadBuffer();
  private exitInfo: ProcessExit | undefined;
  private closed: Promise<void> | undefined;
  private streamsClosed = false;

  constructor(private readonly params: StdioServerParams) {}

  /** The server's process id (also its process group id) once started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** How the server process ended, once it has. */
  get exit(): ProcessExit | undefined {
    return this.exitInfo;
  }

  start(): Promise<void> {
    if (this.child) throw new Error('This stdio transport was already started.');
    return new Promise((resolve, reject) => {
      const child = spawn(this.params.command, [...this.params.args], {
        cwd: this.params.cwd,
        env: this.params.env,
        detached: process.platform !== 'win32',
        stdio: ['pipe', 'pipe', 'pipe'],
        shell: false,
        windowsHide: true,
      });
      this.child = child;
      let spawned = false;
      child.once('spawn', () => {
        spawned = true;
        resolve();
      });
      child.once('error', (error: NodeJS.ErrnoException) => {
        const message =
          error.code === 'ENOENT'
            ? `Cannot start "${this.params.command}": no such program (check the command and PATH).`
            : `Cannot start "${this.params.command}": ${error.message}`;
        const failure = new McpSpawnError(message, { cause: error });
        if (!spawned) reject(failure);
        else this.onerror?.(failure);
      });
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        // Whatever the server left running in its group goes with it.
        if (child.pid !== undefined && this.closed === undefined) this.sweepGroup(child.pid);
      });
      child.once('close', () => {
        this.streamsClosed = true;
        this.onclose?.();
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        this.readBuffer.append(chunk);
        this.drain();
      });
      child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk));
      child.stdin?.on('error', (error) => this.onerror?.(error));
      child.stdout?.on('error', (error) => this.onerror?.(error));
    });
  }

  private drain(): void {
    for (;;) {
      let message: JSONRPCMessage | null;
      try {
        message = this.readBuffer.readMessage();
      } catch (error) {
        this.onerror?.(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (message === null) return;
      this.onmessage?.(message);
    }
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.child?.stdin;
    if (!stdin || stdin.destroyed || this.exitInfo) return Promise.reject(new Error('The MCP server is not running.'));
    return new Promise((resolve, reject) => {
      stdin.write(serializeMessage(message), (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Stops the server's whole process group; resolves once the group is gone (or was killed). */
  close(): Promise<void> {
    this.closed ??= this.stop();
    return this.closed;
  }

  private get grace(): number {
    return this.params.killGraceMs ?? 2000;
  }

  /** After the server exited by itself: stop what it left in its group, SIGKILL after the grace period. */
  private sweepGroup(pid: number): void {
    signalProcessGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (groupAlive(pid)) signalProcessGroup(pid, 'SIGKILL');
    }, this.grace);
    timer.unref();
  }

  private async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.pid === undefined) return;
    const pid = child.pid;
    child.stdin?.end();
    signalProcessGroup(pid, 'SIGTERM');
    if (!(await waitFor(() => this.streamsClosed, this.grace))) {
      signalProcessGroup(pid, 'SIGKILL');
      // A process that left the group may still hold the pipes open: stop waiting for it.
      if (!(await waitFor(() => this.streamsClosed, this.grace))) {
        child.stdout?.destroy();
        child.stderr?.destroy();
      }
    }
    if (!(await waitFor(() => !groupAlive(pid), this.grace))) {
      signalProcessGroup(pid, 'SIGKILL');
      await waitFor(() => !groupAlive(pid), this.grace);
    }
    this.readBuffer.clear();
  }
}

/** Polls `done` until it holds or `timeoutMs` passes; says whether it held. */
async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
