import { existsSync } from 'node:fs';
import { runProcessGroup } from './processGroup';
import type { ProcessResult, ProcessRunner } from './types';

/** bash when the machine has it (as Claude Code uses), else the POSIX shell. */
export function defaultShell(): { file: string; args: (command: string) => string[] } {
  if (process.platform === 'win32') {
    return { file: process.env.ComSpec ?? 'cmd.exe', args: (command) => ['/d', '/s', '/c', `"${command}"`] };
  }
  const bash = ['/bin/bash', '/usr/bin/bash'].find((candidate) => existsSync(candidate));
  return { file: bash ?? '/bin/sh', args: (command) => ['-c', command] };
}

export interface NodeProcessRunnerOptions {
  /** Time between SIGTERM and SIGKILL when a command is stopped. Default 2000 ms. */
  killGraceMs?: number;
}

/**
 * Runs shell commands as their own process group (see runProcessGroup): timeout and
 * cancellation stop the command and everything it started. `maxOutputBytes` applies to stdout
 * and stderr each; half is kept from the start, half from the end.
 */
export class NodeProcessRunner implements ProcessRunner {
  private readonly shell = defaultShell();
  private readonly killGraceMs: number;
  private readonly running = new Set<() => void>();

  constructor(options: NodeProcessRunnerOptions = {}) {
    this.killGraceMs = options.killGraceMs ?? 2000;
  }

  run(
    command: string,
    options: { cwd: string; timeoutMs: number; maxOutputBytes: number; signal: AbortSignal; env?: NodeJS.ProcessEnv },
  ): Promise<ProcessResult> {
    const headBytes = Math.ceil(options.maxOutputBytes / 2);
    return runProcessGroup(this.shell.file, this.shell.args(command), {
      cwd: options.cwd,
      env: options.env,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      headBytes,
      tailBytes: options.maxOutputBytes - headBytes,
      killGraceMs: this.killGraceMs,
      running: this.running,
      windowsVerbatimArguments: process.platform === 'win32',
    });
  }

  /** Stops every command still running (on deactivate or exit). */
  dispose(): void {
    for (const stop of [...this.running]) stop();
  }
}
