import { WebFetchError } from './toolErrors';
import type { FetchTextResult, ToolContext } from './types';

export interface NodeFetchTextOptions {
  /** Default 30 s. */
  timeoutMs?: number;
  /** Bytes of body read at most; the rest is cut. Default 5 MB. */
  maxBytes?: number;
  userAgent?: string;
}

const TEXT_APPLICATION_TYPES = new Set([
  'application/json',
  'application/xml',
  'application/xhtml+xml',
  'application/javascript',
  'application/ecmascript',
  'application/x-javascript',
  'application/x-yaml',
  'application/yaml',
  'application/toml',
  'application/x-sh',
]);

/** Media type without parameters, lower case ("text/html; charset=utf-8" -> "text/html"). */
export function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Text formats WebFetch reads: text/*, JSON, XML, JavaScript, YAML and their +json/+xml kinds. */
export function isTextContentType(contentType: string): boolean {
  const type = mediaType(contentType);
  return type.startsWith('text/') || TEXT_APPLICATION_TYPES.has(type) || type.endsWith('+json') || type.endsWith('+xml');
}

function charsetOf(contentType: string): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1] ?? 'utf-8';
}

function decode(bytes: Uint8Array, contentType: string): string {
  try {
    return new TextDecoder(charsetOf(contentType)).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function readCapped(response: Response, maxBytes: number, contentType: string): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let cut = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - size;
    if (value.length > room) {
      chunks.push(value.subarray(0, room));
      cut = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.length;
  }
  const text = decode(Buffer.concat(chunks), contentType);
  return cut ? `${text}\n[content cut at ${maxBytes} bytes]` : text;
}

function describeNetworkError(url: string, error: unknown, timeoutMs: number): WebFetchError {
  if (error instanceof Error && error.name === 'TimeoutError') return new WebFetchError(`Fetching ${url} timed out after ${timeoutMs / 1000} s.`);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
  return new WebFetchError(`Could not fetch ${url}: ${cause}`);
}

/**
 * ToolContext.fetchText with Node's fetch: one request, redirects not followed (a 3xx comes back
 * with its absolute `location`), a timeout, a cap on the body, and only text content types:
 * anything else is refused before its body is read.
 */
export function createNodeFetchText(options: NodeFetchTextOptions = {}): ToolContext['fetchText'] {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const userAgent = options.userAgent ?? 'AgentGate-WebFetch';
  return async (url: string, signal: AbortSignal): Promise<FetchTextResult> => {
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'manual',
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
        headers: { accept: 'text/markdown, text/html;q=0.9, text/plain;q=0.8, */*;q=0.1', 'user-agent': userAgent },
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw describeNetworkError(url, error, timeoutMs);
    }
    const status = response.status;
    const contentType = response.headers.get('content-type') ?? '';
    if (status >= 300 && status < 400) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      return { status, contentType, body: '', finalUrl: url, location: location === null ? undefined : new URL(location, url).href };
    }
    if (!isTextContentType(contentType)) {
      await response.body?.cancel();
      if (status >= 400) return { status, contentType, body: '', finalUrl: url };
      throw new WebFetchError(
        `${url} returned ${contentType === '' ? 'no content type' : `"${mediaType(contentType)}"`}, which is not text. WebFetch reads HTML, plain text, JSON, XML and similar text formats only.`,
      );
    }
    try {
      return { status, contentType, body: await readCapped(response, maxBytes, contentType), finalUrl: url };
    } catch (error) {
      if (signal.aborted) throw error;
      throw describeNetworkError(url, error, timeoutMs);
    }
  };
}

export const nodeFetchText = createNodeFetchText();
