import type { ModelMessage } from '../providers/types';
import type { AgentEvent } from './types';

/**
 * Follows a session beyond its events: the prompts and each turn's complete assistant message.
 * The transcript writer is one; the CLI's stream-json printer is another.
 */
export interface SessionRecorder {
  prompt(text: string): void;
  assistant(turn: number, message: ModelMessage): void;
  event(event: AgentEvent): void;
}
