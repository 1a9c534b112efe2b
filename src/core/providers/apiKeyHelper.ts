/**
 * `apiKeyHelper`: a settings command whose standard output is the API key. Run through
 * `/bin/sh -c` in its own process group, its trimmed stdout is cached for a TTL (5 minutes, or
 * CLAUDE_CODE_API_KEY_HELPER_TTL_MS) and dropped on demand (after a 401).
 *
 * The output is a secret: no error, log or message built here contains it, nor the command line
 * (which may embed a key), nor stderr (which may echo one).
 */
import { spawn } from 'node:child_process';
import { ProviderError } from './types';

export interface ApiKeyHelperOptions {
  command: string;
  ttlMs: number;
  cwd: string;
  /** The merged environment the helper runs with. */
  env: Readonly<Record<string, string | undefined>>;
  /** Default 30 s. */
  timeoutMs?: number;
  /** Injectable clock for the TTL. */
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_OUTPUT_BYTES = 64 * 1024;

function helperError(reason: string): ProviderError {
  return new ProviderError(
    'auth',
    `The apiKeyHelper command ${reason} Run the command from your settings in a terminal to see why (its output is not shown here because it may contain a key).`,
  );
}

function stringEnv(env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) result[name] = value;
  return result;
}

/** Runs the helper once and returns the key (trimmed stdout). */
export function runApiKeyHelper(options: Pick<ApiKeyHelperOptions, 'command' | 'cwd' | 'env' | 'timeoutMs'>): Promise<string> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<string>((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', options.command], {
      cwd: options.cwd,
      env: stringEnv(options.env),
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    let tooLarge = false;
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    child.stdout.on('data', (data: Buffer) => {
      size += data.length;
      if (size > MAX_OUTPUT_BYTES) {
        tooLarge = true;
        killGroup();
        return;
      }
      chunks.push(data);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(helperError(`could not be started (${error.code ?? 'spawn error'}).`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return reject(helperError(`did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.`));
      if (tooLarge) return reject(helperError(`printed more than ${MAX_OUTPUT_BYTES / 1024} KiB; it must print only the API key.`));
      if (code !== 0) return reject(helperError(signal ? `was stopped by ${signal}.` : `exited with code ${String(code)}.`));
      const key = Buffer.concat(chunks).toString('utf8').trim();
      if (key === '') return reject(helperError('printed nothing: it must print the API key on standard output.'));
      resolve(key);
    });
  });
}

/** The helper's key, cached for the TTL; concurrent callers share one run. */
export class ApiKeyHelper {
  private cached: { key: string; expiresAt: number } | undefined;
  private running: Promise<string> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ApiKeyHelperOptions) {
    this.now = options.now ?? Date.now;
  }

  async get(): Promise<string> {
    if (this.cached && this.now() < this.cached.expiresAt) return this.cached.key;
    if (!this.running) {
      const run = runApiKeyHelper(this.options).then(
        (key) => {
          if (this.running === run) this.cached = { key, expiresAt: this.now() + this.options.ttlMs };
          return key;
        },
      );
      this.running = run;
      void run.then(
        () => this.clearRunning(run),
        () => this.clearRunning(run),
      );
    }
    return this.running;
  }

  /** Drops the cached key so the next `get()` runs the helper again. */
  invalidate(): void {
    this.cached = undefined;
    this.running = undefined;
  }

  private clearRunning(run: Promise<string>): void {
    if (this.running === run) this.running = undefined;
  }
}
