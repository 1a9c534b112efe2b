/**
 * A child started detached, in its own process group, so stopping it stops everything it started
 * (code-server's tree includes extension hosts and a pty host).
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { trackGroup } from './cleanup';

export interface ProcessGroup {
  readonly pid: number;
  /** Whether the group leader has exited. */
  readonly exited: boolean;
  /** Resolves with the leader's exit code (or signal name). */
  readonly exit: Promise<number | string | null>;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves when no process of the group is left. */
  stop(graceMs?: number): Promise<void>;
}

export function spawnGroup(
  command: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; logFile: string },
): ProcessGroup {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  const untrack = trackGroup(pid);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = false;
  const exit = new Promise<number | string | null>((resolve) => {
    child.once('error', (error) => {
      exited = true;
      log.write(`\n${String(error)}\n`);
      resolve(null);
    });
    child.once('exit', (code, signal) => {
      exited = true;
      resolve(code ?? signal);
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    pid,
    get exited() {
      return exited;
    },
    exit,
    stop(graceMs = 5_000) {
      stopping ??= (async () => {
        signalGroup(pid, 'SIGTERM');
        const deadline = performance.now() + graceMs;
        while (groupAlive(pid) && performance.now() < deadline) await sleep(100);
        if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
        while (groupAlive(pid)) await sleep(50);
        untrack();
        log.end();
      })();
      return stopping;
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
