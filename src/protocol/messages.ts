/**
 * Messages between the panel's webview and the extension host: two discriminated unions with
 * namespaced `type` literals. The host validates every inbound message with these schemas;
 * the webview is untrusted input.
 */
import { z } from 'zod';

const requestId = z.string().min(1).max(100);

/** The webview announces itself (on load and on "Check connection"). */
export const appHello = z.object({ type: z.literal('app/hello'), requestId }).strict();

export const webviewToHost = z.discriminatedUnion('type', [appHello]);
export type WebviewToHost = z.infer<typeof webviewToHost>;

/** The host's answer to `app/hello`. */
export const appWelcome = z
  .object({
    type: z.literal('app/welcome'),
    requestId,
    version: z.string(),
    /** The workspace's name, or null when no folder is open. */
    workspaceName: z.string().nullable(),
  })
  .strict();

export const hostToWebview = z.discriminatedUnion('type', [appWelcome]);
export type HostToWebview = z.infer<typeof hostToWebview>;

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

/** Validates an inbound message from the webview; never throws. */
export function parseWebviewMessage(data: unknown): ParseResult<WebviewToHost> {
  const result = webviewToHost.safeParse(data);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, error: z.prettifyError(result.error) };
}
