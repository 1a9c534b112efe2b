/**
 * Streams one model response through a provider's MessageStream, with the behaviour every
 * provider shares: each event goes to `onEvent` as it arrives; an idle timeout; cancellation by
 * the caller's signal; retries (429, 529, 5xx, network) only while no event has been delivered;
 * one credential refresh after a 401; after the first delivered event any failure is
 * `interrupted` (the loop restarts the turn, so nothing is retried here).
 */
import type { MessageStream } from '@anthropic-ai/sdk/lib/MessageStream';
import { scrub } from './credentials';
import { failureMessage, RETRYABLE_KINDS, type AttemptFailure, type ProviderProfile } from './failure';
import { retryDelay, sleep, type RetryOptions } from './retry';
import { ProviderError, type ModelMessage, type StreamOptions } from './types';

export interface RunStreamOptions {
  profile: ProviderProfile;
  /** Starts one attempt; `signal` aborts it (caller cancel or timeout). */
  open(signal: AbortSignal): Promise<MessageStream> | MessageStream;
  stream: StreamOptions;
  retry: RetryOptions;
  /** Longest wait for the response to start, and between two events. */
  timeoutMs: number;
  credentials?: { refresh(): boolean; secrets(): readonly string[] };
}

/** One attempt failed: why, and how far it had got. */
class AttemptFailed extends Error {
  constructor(
    readonly reason: unknown,
    readonly delivered: number,
    readonly timedOut: boolean,
  ) {
    super('attempt failed');
  }
}

/** An exception thrown by the caller's own `onEvent`: passed on untouched. */
class CallbackFailed extends Error {
  constructor(readonly original: unknown) {
    super('onEvent threw');
  }
}

class Truncated extends Error {
  constructor() {
    super('the stream ended before message_stop');
  }
}

async function runAttempt(options: RunStreamOptions): Promise<ModelMessage> {
  const { signal, onEvent } = options.stream;
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
  };
  let delivered = 0;
  let stream: MessageStream | undefined;
  const consume = async (): Promise<ModelMessage> => {
    stream = await options.open(controller.signal);
    let stopped = false;
    for await (const event of stream) {
      // Nothing more reaches the caller once it cancelled (events may already be buffered).
      if (controller.signal.aborted) throw new Error('aborted');
      arm();
      delivered += 1;
      if (event.type === 'message_stop') stopped = true;
      try {
        onEvent(event);
      } catch (error) {
        throw new CallbackFailed(error);
      }
    }
    const message = await stream.finalMessage();
    if (!stopped) throw new Truncated();
    return message;
  };
  // Settles as soon as the attempt is aborted, even while the SDK still awaits something that
  // ignores the signal (a slow apiKeyHelper, a credential lookup).
  let onAborted = (): void => {};
  const aborted = new Promise<never>((_resolve, reject) => {
    onAborted = () => reject(new Error('aborted'));
    controller.signal.addEventListener('abort', onAborted, { once: true });
  });
  try {
    arm();
    const work = consume();
    work.catch(() => undefined);
    aborted.catch(() => undefined);
    return await Promise.race([work, aborted]);
  } catch (error) {
    (stream as MessageStream | undefined)?.abort();
    controller.abort();
    if (error instanceof CallbackFailed) throw error.original;
    throw new AttemptFailed(error, delivered, timedOut);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
    controller.signal.removeEventListener('abort', onAborted);
  }
}

function cancelled(): ProviderError {
  return new ProviderError('cancelled', 'The model request was cancelled.');
}

interface Verdict {
  failure: AttemptFailure;
  retryable: boolean;
}

function judge(options: RunStreamOptions, failed: AttemptFailed): Verdict {
  const { profile, timeoutMs } = options;
  const seconds = Math.round(timeoutMs / 100) / 10;
  if (failed.timedOut) {
    const detail = failed.delivered > 0 ? `no data for ${seconds} s` : `no response within ${seconds} s (request timeout)`;
    return failed.delivered > 0 ? { failure: { kind: 'interrupted', detail }, retryable: false } : { failure: { kind: 'network', detail }, retryable: true };
  }
  const failure = failed.reason instanceof Truncated ? { kind: 'network' as const, detail: failed.reason.message } : profile.classify(failed.reason);
  if (failure.error) return { failure, retryable: false };
  if (failed.delivered > 0) return { failure: { ...failure, kind: 'interrupted' }, retryable: false };
  return { failure, retryable: RETRYABLE_KINDS.has(failure.kind) };
}

export async function runStream(options: RunStreamOptions): Promise<ModelMessage> {
  const { signal } = options.stream;
  const { retry, profile, credentials } = options;
  const secrets = (): readonly string[] => credentials?.secrets() ?? [];
  let refreshed = false;
  let retries = 0;
  for (let attempt = 1; ; attempt += 1) {
    if (signal.aborted) throw cancelled();
    try {
      return await runAttempt(options);
    } catch (error) {
      if (!(error instanceof AttemptFailed)) throw error;
      if (signal.aborted) throw cancelled();
      const { failure, retryable } = judge(options, error);
      if (failure.error) throw failure.error;
      if (failure.kind === 'auth' && failure.status === 401 && !refreshed && credentials?.refresh()) {
        refreshed = true;
        continue;
      }
      const final = new ProviderError(failure.kind, scrub(failureMessage(profile, failure, attempt), secrets()), failure.status);
      if (!retryable || retries >= retry.maxRetries) throw final;
      const delayMs = retryDelay(retries, failure.retryAfterMs, retry);
      retries += 1;
      retry.onRetry?.({ attempt, maxRetries: retry.maxRetries, delayMs, error: final });
      try {
        await sleep(delayMs, signal);
      } catch {
        throw cancelled();
      }
    }
  }
}
