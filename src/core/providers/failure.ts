/**
 * What went wrong in one attempt, as the retry loop needs it (kind, status, retry-after), and the
 * message a person sees once retries are over: what happened and what to do about it.
 */
import { ProviderError, type ProviderErrorKind } from './types';

export interface AttemptFailure {
  kind: ProviderErrorKind;
  status?: number;
  retryAfterMs?: number;
  /** The server's or the network's own words. */
  detail?: string;
  /** A finished error to pass on unchanged (credential problems found before the request). */
  error?: ProviderError;
}

/** How a provider names itself and classifies its SDK's errors. */
export interface ProviderProfile {
  /** E.g. "the Anthropic API", "Amazon Bedrock". */
  label: string;
  /** What to check when credentials are refused. */
  authHint: string;
  classify(error: unknown): AttemptFailure;
}

export const RETRYABLE_KINDS: ReadonlySet<ProviderErrorKind> = new Set(['rateLimited', 'overloaded', 'server', 'network']);

/** The first ProviderError in `error`'s cause chain (e.g. a helper failure wrapped by an SDK). */
export function findProviderError(error: unknown): ProviderError | undefined {
  const seen = new Set<unknown>();
  let current = error;
  while (current !== null && typeof current === 'object' && !seen.has(current)) {
    if (current instanceof ProviderError) return current;
    seen.add(current);
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const cause = (error as { cause?: unknown }).cause;
    const causeText = cause instanceof Error && cause.message && !error.message.includes(cause.message) ? ` (${cause.message})` : '';
    return `${error.message}${causeText}${code && !error.message.includes(code) ? ` [${code}]` : ''}`;
  }
  return String(error);
}

function withDetail(sentence: string, detail: string | undefined): string {
  return detail ? `${sentence}: ${detail.replace(/\.$/, '')}.` : `${sentence}.`;
}

function httpStatus(failure: AttemptFailure): string {
  return failure.status !== undefined ? ` (HTTP ${failure.status})` : '';
}

/** The final message for a failure after `attempts` attempts. */
export function failureMessage(profile: ProviderProfile, failure: AttemptFailure, attempts: number): string {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const { label } = profile;
  switch (failure.kind) {
    case 'rateLimited':
      return `${withDetail(`${capitalize(label)} rate limit reached${httpStatus(failure)}${tries}`, failure.detail)} Wait a minute and try again, or ask your administrator to raise the limit.`;
    case 'overloaded':
      return `${withDetail(`${capitalize(label)} is overloaded${httpStatus(failure)}${tries}`, failure.detail)} Try again in a few minutes.`;
    case 'server':
      return `${withDetail(`${capitalize(label)} had a server error${httpStatus(failure)}${tries}`, failure.detail)} Try again; if it keeps happening, check the provider's status page.`;
    case 'network':
      return `${withDetail(`Could not get a response from ${label}${tries}`, failure.detail)} Check the network connection, the proxy settings (HTTPS_PROXY, NO_PROXY) and the base URL.`;
    case 'auth':
      return `${withDetail(`${capitalize(label)} refused the credentials${httpStatus(failure)}`, failure.detail)} ${profile.authHint}`;
    case 'request':
      return withDetail(`${capitalize(label)} rejected the request${httpStatus(failure)}`, failure.detail);
    case 'interrupted':
      return `${withDetail(`The response from ${label} broke off after it had started`, failure.detail)} The turn can be retried.`;
    case 'cancelled':
      return 'The model request was cancelled.';
    case 'config':
      return failure.detail ?? 'The provider is not configured.';
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
