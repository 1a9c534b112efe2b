/** What the chat controller needs from the agent: a session it can run prompts in. */
import type { EndReason } from '../../core/agent/loop';
import type { EventSink } from '../../core/agent/types';

export interface AgentRunner {
  readonly sessionId: string;
  run(prompt: string, signal: AbortSignal): Promise<{ reason: EndReason; finalText: string; error?: Error }>;
  /** Flushes and closes the session's transcript. */
  close(): Promise<void>;
}

export interface SessionFactory {
  /** A new session, or an earlier one continued from its transcript. */
  create(sink: EventSink, resume?: { sessionId: string }): Promise<AgentRunner>;
}

/** The agent cannot start (no provider, bad settings); the message says what to do. */
export class AgentSetupError extends Error {
  override name = 'AgentSetupError';
}
