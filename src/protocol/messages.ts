/**
 * Messages between the panel's webview and the extension host: two discriminated unions with
 * namespaced `type` literals (`webviewToHost.ts`, `hostToWebview.ts`). The host validates every
 * inbound message here; the webview is untrusted input.
 */
import { z } from 'zod';
import { webviewToHost, type WebviewToHost } from './webviewToHost';

export * from './hostToWebview';
export * from './modes';
export * from './webviewToHost';

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

/** Validates an inbound message from the webview; never throws. */
export function parseWebviewMessage(data: unknown): ParseResult<WebviewToHost> {
  const result = webviewToHost.safeParse(data);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, error: z.prettifyError(result.error) };
}
