import type { Decision } from '../permissions/types';
import type { ProviderName, StreamEvent, Usage } from '../providers/types';
import type { FileChangePreview } from '../tools/types';

/** What the person is asked about when the engine says "ask". */
export interface ApprovalRequest {
  toolUseId: string;
  tool: string;
  input: Record<string, unknown>;
  decision: Decision;
  /** For file-writing tools: the proposed change. */
  changes?: FileChangePreview[];
}

/** Semantic replies, never button names. */
export type ApprovalReply =
  | { kind: 'allowOnce' }
  | { kind: 'allowAlways'; rule: string; scope: 'local' | 'project' }
  | { kind: 'deny'; feedback?: string };

/** Implemented by the panel (VS Code) and the CLI (headless: always deny with a reason). */
export interface ApprovalPrompter {
  ask(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalReply>;
}

export interface TurnCost {
  usage: Usage;
  /** Null when the model's price is unknown (never a guessed number). */
  costUsd: number | null;
}

/** Everything the loop reports, in order. The panel renders these; the CLI prints them. */
export type AgentEvent =
  | { type: 'session/start'; sessionId: string; provider: ProviderName; model: string; cwd: string }
  | { type: 'model/stream'; turn: number; event: StreamEvent }
  | { type: 'model/retry'; turn: number; reason: string }
  | { type: 'tool/start'; toolUseId: string; tool: string; input: Record<string, unknown> }
  | { type: 'tool/decision'; toolUseId: string; tool: string; decision: Decision }
  | { type: 'tool/result'; toolUseId: string; tool: string; content: string; isError: boolean }
  | { type: 'turn/end'; turn: number; cost: TurnCost; sessionCostUsd: number | null }
  | { type: 'session/end'; reason: 'done' | 'maxTurns' | 'cancelled' | 'error'; error?: string };

export interface EventSink {
  emit(event: AgentEvent): void;
}
