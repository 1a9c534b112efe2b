import { spawn } from 'node:child_process';
import { signalProcessGroup } from '../util/signalProcessGroup';
import { OutputCapture } from './outputCapture';
import type { ProcessResult } from './types';

export interface ProcessGroupOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal: AbortSignal;
  /** Output kept per stream: the first `headBytes` and the last `tailBytes`. */
  headBytes: number;
  tailBytes: number;
  /** Time between SIGTERM and SIGKILL. */
  killGraceMs: number;
  /** Receives a stop function while the group runs (for stopping everything on dispose). */
  running?: Set<() => void>;
  /** Windows only: pass arguments unquoted (for `cmd.exe /s /c "..."`). */
  windowsVerbatimArguments?: boolean;
}

export function abortError(): Error {
  return new DOMException('The operation was cancelled.', 'AbortError');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    signalProcessGroup(pid, signal);
  } catch {
    // EPERM and the like: nothing more can be done from here; the timeout still reports it.
  }
}

/**
 * Runs a program as the leader of its own process group, stdin closed, output capped. On
 * timeout or cancellation the whole group gets SIGTERM, then SIGKILL after a grace period;
 * processes the command left running in the background are stopped the same way when it
 * exits. Resolves when the output streams close; rejects with an AbortError when cancelled.
 */
export function runProcessGroup(file: string, args: string[], options: ProcessGroupOptions): Promise<ProcessResult> {
  if (options.signal.aborted) return Promise.reject(abortError());
  return new Promise<ProcessResult>((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
      windowsVerbatimArguments: options.windowsVerbatimArguments === true,
    });
    const stdout = new OutputCapture(options.headBytes, options.tailBytes);
    const stderr = new OutputCapture(options.headBytes, options.tailBytes);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    let timedOut = false;
    let aborted = false;
    let exitCode: number | null = null;
    let exitSignal: string | null = null;
    const timers: NodeJS.Timeout[] = [];
    let terminating = false;

    const terminate = (): void => {
      if (terminating || child.pid === undefined) return;
      terminating = true;
      const pid = child.pid;
      signalGroup(pid, 'SIGTERM');
      timers.push(
        setTimeout(() => {
          signalGroup(pid, 'SIGKILL');
          // A process outside the group may still hold the pipes open: stop waiting for it.
          timers.push(setTimeout(() => (child.stdout.destroy(), child.stderr.destroy()), options.killGraceMs));
        }, options.killGraceMs),
      );
    };
    const onAbort = (): void => {
      aborted = true;
      terminate();
    };
    const cleanup = (): void => {
      for (const timer of timers) clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      options.running?.delete(terminate);
    };

    options.signal.addEventListener('abort', onAbort, { once: true });
    options.running?.add(terminate);
    timers.push(
      setTimeout(() => {
        timedOut = true;
        terminate();
      }, options.timeoutMs),
    );

    child.on('error', (error) => {
      cleanup();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      exitCode = code;
      exitSignal = signal;
      terminate();
    });
    child.on('close', () => {
      cleanup();
      if (aborted) {
        reject(abortError());
        return;
      }
      resolve({
        exitCode,
        signal: exitSignal,
        stdout: stdout.text(),
        stderr: stderr.text(),
        timedOut,
        truncated: stdout.truncated || stderr.truncated,
      });
    });
  });
}
