/**
 * What the panel has been told, kept so a webview that is re-created (moved, reloaded, hidden
 * without retained context) shows the same conversation, pending prompts and state. Text chunks
 * of one block are merged and a tool card keeps one entry, so replay stays short.
 */
import type { HostToWebview } from '../protocol/messages';

type StateType = 'setup/status' | 'mode/changed' | 'session/started' | 'edit/list' | 'pending/count' | 'chat/busy' | 'chat/usage';
const STATE_TYPES: ReadonlySet<HostToWebview['type']> = new Set<StateType>(['setup/status', 'mode/changed', 'session/started', 'edit/list', 'pending/count', 'chat/busy', 'chat/usage']);
/** Answers to one request (and the reset marker): never replayed. */
const TRANSIENT: ReadonlySet<HostToWebview['type']> = new Set(['app/welcome', 'session/list', 'mention/results', 'permission/error', 'transcript/reset']);

export class PanelLog {
  private transcript: HostToWebview[] = [];
  private readonly state = new Map<HostToWebview['type'], HostToWebview>();
  private readonly toolIndex = new Map<string, number>();

  record(message: HostToWebview): void {
    if (message.type === 'transcript/reset') {
      this.transcript = [];
      this.toolIndex.clear();
      return;
    }
    if (TRANSIENT.has(message.type)) return;
    if (STATE_TYPES.has(message.type)) {
      this.state.set(message.type, message);
      return;
    }
    const last = this.transcript.at(-1);
    if (message.type === 'chat/text' && last?.type === 'chat/text' && last.requestId === message.requestId && last.blockId === message.blockId) {
      this.transcript[this.transcript.length - 1] = { ...last, delta: last.delta + message.delta };
      return;
    }
    if (message.type === 'chat/tool') {
      const index = this.toolIndex.get(message.card.toolUseId);
      if (index !== undefined) {
        this.transcript[index] = message;
        return;
      }
      this.toolIndex.set(message.card.toolUseId, this.transcript.length);
    }
    this.transcript.push(message);
  }

  /** Everything needed to rebuild the view, in order: reset, transcript, then current state. */
  replay(): HostToWebview[] {
    return [{ type: 'transcript/reset' }, ...this.transcript, ...this.state.values()];
  }
}
