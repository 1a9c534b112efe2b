/**
 * The retry policy shared by the three providers (the SDKs' own retries are off, so one policy
 * applies everywhere): exponential backoff with jitter, `retry-after-ms` / `retry-after` honoured
 * but capped, so one header cannot stall the agent for an hour.
 */
import type { ProviderError } from './types';

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff step. */
  baseDelayMs: number;
  /** Largest backoff step (without a retry-after header). */
  maxDelayMs: number;
  /** Largest wait a retry-after header can ask for. */
  retryAfterCapMs: number;
  /** Told before each wait, e.g. to show "rate limited, retrying in 4 s". */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  /** The attempt that failed, from 1. */
  attempt: number;
  maxRetries: number;
  delayMs: number;
  error: ProviderError;
}

export const DEFAULT_RETRY: RetryOptions = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 16_000,
  retryAfterCapMs: 60_000,
};

/** Milliseconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date); undefined when absent or unusable. */
export function parseRetryAfter(header: (name: string) => string | null | undefined, now = Date.now()): number | undefined {
  const ms = header('retry-after-ms');
  if (ms) {
    const parsed = Number.parseFloat(ms);
    if (Number.isFinite(parsed) && parsed >= 0) return parsed;
  }
  const after = header('retry-after');
  if (after) {
    const seconds = Number(after.trim());
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  return undefined;
}

/**
 * The wait before retry number `retry` (0 for the first retry): the server's retry-after capped at
 * `retryAfterCapMs`, else `baseDelayMs * 2^retry` capped at `maxDelayMs`, minus up to 25% jitter.
 */
export function retryDelay(retry: number, retryAfterMs: number | undefined, options: RetryOptions, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.retryAfterCapMs);
  const backoff = Math.min(options.baseDelayMs * 2 ** retry, options.maxDelayMs);
  return Math.round(backoff * (1 - random() * 0.25));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
