import { ProviderError, type ModelMessage, type ModelProvider, type ModelRequest, type StreamEvent, type Usage } from '../providers/types';
import { StreamUsageMeter } from './usage';

export interface StreamTurnOptions {
  signal: AbortSignal;
  /** Attempts in all, counting the first (a stream that breaks mid-way restarts the turn). */
  maxAttempts: number;
  /** Delay before restart number `attempt` (1 for the first restart). */
  retryDelayMs(attempt: number): number;
  onEvent(event: StreamEvent): void;
  onRestart(reason: string): void;
}

export interface StreamedTurn {
  message: ModelMessage;
  /** Usage of every request of the turn, broken ones included, in order. */
  requests: Usage[];
}

/** Thrown by streamTurn; carries the usage of the requests made before the failure. */
export class TurnFailedError extends Error {
  override name = 'TurnFailedError';
  constructor(
    override readonly cause: unknown,
    readonly requests: Usage[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ProviderError('cancelled', 'The request was cancelled.'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Streams one model turn. When the stream breaks after events were delivered (ProviderError
 * `interrupted`), the whole turn is requested again, up to `maxAttempts` in all. Nothing the
 * model asked for in a broken attempt is acted on: tools run only after a complete message.
 */
export async function streamTurn(provider: ModelProvider, request: ModelRequest, options: StreamTurnOptions): Promise<StreamedTurn> {
  const requests: Usage[] = [];
  for (let attempt = 1; ; attempt++) {
    const meter = new StreamUsageMeter();
    try {
      const message = await provider.stream(request, {
        signal: options.signal,
        onEvent: (event) => {
          meter.observe(event);
          options.onEvent(event);
        },
      });
      requests.push(message.usage);
      return { message, requests };
    } catch (error) {
      requests.push(meter.usage());
      const restartable = error instanceof ProviderError && error.kind === 'interrupted' && !options.signal.aborted;
      if (!restartable || attempt >= options.maxAttempts) throw new TurnFailedError(error, requests);
      options.onRestart(`The response stream broke (${error.message}); requesting the turn again (attempt ${attempt + 1} of ${options.maxAttempts}).`);
      try {
        await abortableSleep(options.retryDelayMs(attempt), options.signal);
      } catch (cancelled) {
        throw new TurnFailedError(cancelled, requests);
      }
    }
  }
}
