/**
 * Messages from the webview to the host, as zod schemas. The webview is untrusted input: the host
 * parses every message with `webviewToHost` before acting on it, and unknown fields are refused.
 */
import { z } from 'zod';
import { PANEL_MODES } from './modes';

export const requestId = z.string().min(1).max(100);
const id = z.string().min(1).max(200);
const relativePath = z.string().min(1).max(4096);

const message = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), requestId, ...shape }).strict();

/** Semantic answers to an approval prompt: never the name of a button. */
export const approvalReply = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('allowOnce') }).strict(),
  z
    .object({
      kind: z.literal('allowAlways'),
      rule: z.string().trim().min(1).max(2000),
      scope: z.enum(['local', 'project']),
    })
    .strict(),
  z.object({ kind: z.literal('deny'), feedback: z.string().max(20_000).optional() }).strict(),
]);
export type ApprovalReplyMessage = z.infer<typeof approvalReply>;

/** The webview announces itself (on load and after being re-created). */
export const appHello = message('app/hello', {});

/** A prompt from the person, with the workspace files and the editor selection as context. */
export const chatSend = message('chat/send', {
  text: z.string().trim().min(1).max(200_000),
  context: z
    .object({
      files: z.array(relativePath).max(50),
      selection: z.boolean(),
    })
    .strict(),
});
/** Stops the turn started by the `chat/send` with this requestId (or whatever runs). */
export const chatStop = message('chat/stop', { turnId: requestId.optional() });

export const sessionNew = message('session/new', {});
export const sessionList = message('session/list', {});
export const sessionResume = message('session/resume', { sessionId: id });

/** The answer to the `permission/request` with this requestId. */
export const permissionReply = message('permission/reply', { reply: approvalReply });

export const modeSet = message('mode/set', { mode: z.enum(PANEL_MODES) });

export const editAccept = message('edit/accept', { editId: id });
export const editReject = message('edit/reject', { editId: id, feedback: z.string().max(20_000).optional() });
export const editAcceptAll = message('edit/acceptAll', {});
export const editRejectAll = message('edit/rejectAll', {});
/** Opens the edit's diff in the editor. */
export const editReview = message('edit/review', { editId: id });
/** Restores the file as it was before an applied edit. */
export const editUndo = message('edit/undo', { editId: id });

/** Workspace files whose path contains `query`, for @-mentions. */
export const mentionSearch = message('mention/search', { query: z.string().max(500) });

export const SETUP_ACTIONS = ['setApiKey', 'manageTrust', 'trustFolder', 'showLog'] as const;
export type SetupAction = (typeof SETUP_ACTIONS)[number];
export const setupRun = message('setup/run', { action: z.enum(SETUP_ACTIONS) });

export const clipboardWrite = message('clipboard/write', { text: z.string().max(2_000_000) });
/** A link in the model's output: the host opens only http(s) and mailto. */
export const linkOpen = message('link/open', { href: z.string().min(1).max(8192) });
/** Opens a workspace file (from a tool card or mention chip). */
export const fileOpen = message('file/open', { path: relativePath });

export const webviewToHost = z.discriminatedUnion('type', [
  appHello,
  chatSend,
  chatStop,
  sessionNew,
  sessionList,
  sessionResume,
  permissionReply,
  modeSet,
  editAccept,
  editReject,
  editAcceptAll,
  editRejectAll,
  editReview,
  editUndo,
  mentionSearch,
  setupRun,
  clipboardWrite,
  linkOpen,
  fileOpen,
]);
export type WebviewToHost = z.infer<typeof webviewToHost>;
