/** Classifies errors of the Anthropic SDK (also used by the Vertex client, which extends it). */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { errorText, findProviderError, type AttemptFailure } from './failure';
import { parseRetryAfter } from './retry';
import type { ProviderErrorKind } from './types';

/** The kind for an HTTP status (the same table serves every provider). */
export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rateLimited';
  if (status === 529) return 'overloaded';
  if (status === 408 || status === 409) return 'network';
  if (status >= 500) return 'server';
  return 'request';
}

/** The kind for an in-stream `event: error` type. */
function kindForErrorType(type: string | null): ProviderErrorKind {
  switch (type) {
    case 'overloaded_error':
      return 'overloaded';
    case 'rate_limit_error':
      return 'rateLimited';
    case 'authentication_error':
    case 'permission_error':
      return 'auth';
    case 'invalid_request_error':
    case 'not_found_error':
    case 'request_too_large':
      return 'request';
    default:
      return 'server';
  }
}

function apiDetail(error: APIError): string | undefined {
  if (error.apiMessage) return error.apiMessage;
  const body = error.error as { error?: { message?: unknown } } | undefined;
  return typeof body?.error?.message === 'string' ? body.error.message : undefined;
}

export function classifyAnthropicError(error: unknown): AttemptFailure {
  const known = findProviderError(error);
  if (known) return { kind: known.kind, error: known };
  if (error instanceof APIUserAbortError) return { kind: 'cancelled' };
  if (error instanceof APIConnectionTimeoutError) return { kind: 'network', detail: 'the request timed out' };
  if (error instanceof APIConnectionError) {
    const cause = (error as { cause?: unknown }).cause;
    return { kind: 'network', detail: cause ? errorText(cause) : error.message };
  }
  if (error instanceof APIError) {
    const detail = apiDetail(error) ?? error.message;
    if (error.status === undefined) {
      // An `event: error` inside a 200 stream.
      return { kind: kindForErrorType(error.type), detail };
    }
    const failure: AttemptFailure = { kind: kindForStatus(error.status), status: error.status, detail };
    const retryAfterMs = error.headers ? parseRetryAfter((name) => error.headers?.get(name)) : undefined;
    if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
    return failure;
  }
  // Anything else (a body cut short, an unreadable chunk) is a transport problem.
  return { kind: 'network', detail: errorText(error) };
}
