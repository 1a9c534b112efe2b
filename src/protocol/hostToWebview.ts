/**
 * Messages from the host to the webview. The host builds them from typed values, so they are plain
 * TypeScript types (no schemas: the webview bundle stays small and never loads zod).
 */
import type { PanelMode } from './modes';

/** The host's answer to `app/hello`. */
export interface AppWelcome {
  type: 'app/welcome';
  requestId: string;
  version: string;
  /** The workspace's name, or null when no folder is open. */
  workspaceName: string | null;
}

/** Whether the agent can run, and if not, what the person can do about it. */
export interface SetupStatus {
  type: 'setup/status';
  provider:
    | { configured: true; label: string }
    | { configured: false; problem: string };
  /** False in Restricted Mode: the agent then runs no tools. */
  trusted: boolean;
  /**
   * Whether the person trusts this folder's code in AgentGate (~/.agentgate/trust.json). Until
   * then its project allow rules, env, apiKeyHelper and .mcp.json servers are ignored.
   */
  folderTrusted: boolean;
}

export interface ModeOption {
  mode: PanelMode;
  available: boolean;
  /** Why a mode cannot be chosen (e.g. bypass disabled by managed policy). */
  unavailableReason?: string;
}

export interface ModeChanged {
  type: 'mode/changed';
  mode: PanelMode;
  options: ModeOption[];
}

export interface SessionStarted {
  type: 'session/started';
  /** Null until the first prompt starts a session. */
  sessionId: string | null;
  title: string | null;
  /** True when an earlier session was loaded from its transcript. */
  resumed: boolean;
}

/** Clears the transcript view; the host then replays the session's messages. */
export interface TranscriptReset {
  type: 'transcript/reset';
}

export interface SessionSummary {
  sessionId: string;
  title: string;
  /** ISO 8601. */
  updatedAt: string;
  messageCount: number;
}

export interface SessionListResult {
  type: 'session/list';
  requestId: string;
  sessions: SessionSummary[];
  error?: string;
}

/** The person's prompt, echoed so the transcript can be replayed. `requestId` names the turn. */
export interface ChatUser {
  type: 'chat/user';
  requestId: string;
  text: string;
  /** Context attached to the prompt, as shown to the person (paths, "selection in x.ts:3-9"). */
  context: string[];
}

/** A chunk of the model's text for one content block of the turn. */
export interface ChatText {
  type: 'chat/text';
  requestId: string;
  blockId: string;
  delta: string;
}

export type ToolStatus = 'waiting' | 'running' | 'done' | 'error' | 'denied';

export interface ToolCard {
  toolUseId: string;
  tool: string;
  /** What: "Run command", "Read file", "Fetch". */
  title: string;
  /** Where: the command, path or URL, exactly. */
  detail: string;
  status: ToolStatus;
  /** The result, cut to a few lines (full text goes to the model). */
  result?: string;
  /** Why it was allowed or denied, when a rule or the mode decided. */
  decision?: string;
}

/** Adds or updates a tool card. */
export interface ChatTool {
  type: 'chat/tool';
  requestId: string;
  card: ToolCard;
}

export interface UsageTotals {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export interface ChatUsage {
  type: 'chat/usage';
  requestId: string;
  session: UsageTotals;
  /** Null when the model's price is unknown. */
  sessionCostUsd: number | null;
}

export interface ChatNotice {
  type: 'chat/notice';
  requestId: string;
  level: 'info' | 'warning' | 'error';
  text: string;
}

export type TurnEndReason = 'done' | 'maxTurns' | 'cancelled' | 'error';

export interface ChatDone {
  type: 'chat/done';
  requestId: string;
  reason: TurnEndReason;
  error?: string;
}

/** Tells the webview a turn is running (Stop is offered) or none is. */
export interface ChatBusy {
  type: 'chat/busy';
  turnId: string | null;
}

export type PromptKind = 'bash' | 'webFetch' | 'mcp' | 'plan' | 'other';

export interface SubcommandView {
  command: string;
  decision: 'allow' | 'ask' | 'deny';
  reason: string;
}

/** Everything the person needs to answer an approval prompt. */
export interface PermissionPrompt {
  kind: PromptKind;
  tool: string;
  /** What is about to happen, as a short heading: "Run a shell command". */
  title: string;
  /** The exact command, URL or tool call. */
  subject: string;
  /** The engine's one-line description of what it does (null when it has none). */
  description: string | null;
  /** Why it asks: the engine's reason. */
  reason: string;
  subcommands: SubcommandView[];
  /** Rules "Always allow" would save, most specific first; empty when none is safe to offer. */
  suggestions: string[];
  /** Where each scope saves its rule, relative to the workspace. */
  scopeFiles: { local: string; project: string };
  /** Plan mode: the plan the agent proposes (Markdown). */
  plan?: string;
}

export interface PermissionRequest {
  type: 'permission/request';
  /** Answer with `permission/reply` carrying this requestId. */
  requestId: string;
  turnId: string;
  prompt: PermissionPrompt;
}

export type PermissionOutcome = 'allowOnce' | 'allowAlways' | 'deny' | 'cancelled';

export interface PermissionResolved {
  type: 'permission/resolved';
  requestId: string;
  outcome: PermissionOutcome;
  /** One line shown in place of the prompt: "Allowed once", "Saved Bash(npm test:*) to …". */
  summary: string;
}

/** The reply could not be used (e.g. the rule does not parse); the prompt stays open. */
export interface PermissionError {
  type: 'permission/error';
  requestId: string;
  error: string;
}

export type EditStatus = 'pending' | 'applied' | 'rejected' | 'conflict' | 'undone' | 'cancelled';

export interface EditCard {
  editId: string;
  /** Workspace-relative path (absolute outside the workspace). */
  path: string;
  status: EditStatus;
  /** Whether the file is new. */
  created: boolean;
  added: number;
  removed: number;
  /** Applied by Accept Edits mode without a prompt. */
  automatic: boolean;
  /** A sentence for the person: conflicts, "you changed the proposal", undo failures. */
  note?: string;
}

/** The session's edits, pending first: replaces the list the webview shows. */
export interface EditList {
  type: 'edit/list';
  edits: EditCard[];
}

export interface MentionResults {
  type: 'mention/results';
  requestId: string;
  files: string[];
  /** The active editor's selection, offered as context, when there is one. */
  selection: string | null;
}

/** The number of pending approvals and edits (the view's badge shows the same number). */
export interface PendingCount {
  type: 'pending/count';
  count: number;
}

export type HostToWebview =
  | AppWelcome
  | SetupStatus
  | ModeChanged
  | SessionStarted
  | TranscriptReset
  | SessionListResult
  | ChatUser
  | ChatText
  | ChatTool
  | ChatUsage
  | ChatNotice
  | ChatDone
  | ChatBusy
  | PermissionRequest
  | PermissionResolved
  | PermissionError
  | EditList
  | MentionResults
  | PendingCount;
