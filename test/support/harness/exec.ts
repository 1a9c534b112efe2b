/** Small child-process helpers for the harness: run to completion, with output to a log or the console. */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Append stdout and stderr here instead of showing them. */
  logFile?: string;
}

/** Runs a command to completion; rejects with its exit status (and the log's path) on failure. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
    log?.write(`\n$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: log ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    });
    if (log) {
      child.stdout?.pipe(log, { end: false });
      child.stderr?.pipe(log, { end: false });
    }
    child.on('error', (error) => {
      log?.end();
      reject(error);
    });
    child.on('close', (code, signal) => {
      log?.end();
      if (code === 0) resolve();
      else {
        const where = options.logFile ? ` (output in ${options.logFile})` : '';
        reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}${where}`));
      }
    });
  });
}

/** Runs a command and returns its trimmed stdout. */
export function capture(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}
