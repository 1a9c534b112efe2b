import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PanelLog } from '../../../src/panel/panelLog';
import type { HostToWebview, ToolCard } from '../../../src/protocol/messages';

const card = (status: ToolCard['status']): ToolCard => ({ toolUseId: 'u1', tool: 'Bash', title: 'Run', detail: 'npm test', status });

describe('panel: PanelLog (what a re-created webview is shown)', () => {
  it('replays the transcript in order, merging text chunks and keeping one entry per tool card', () => {
    const log = new PanelLog();
    const messages: HostToWebview[] = [
      { type: 'chat/user', requestId: 't1', text: 'hi', context: [] },
      { type: 'chat/text', requestId: 't1', blockId: 'b', delta: 'Hel' },
      { type: 'chat/text', requestId: 't1', blockId: 'b', delta: 'lo' },
      { type: 'chat/tool', requestId: 't1', card: card('waiting') },
      { type: 'permission/request', requestId: 'p1', turnId: 't1', prompt: { kind: 'bash', tool: 'Bash', title: 'Run a shell command', subject: 'npm test', description: null, reason: 'r', subcommands: [], suggestions: [], scopeFiles: { local: 'l', project: 'p' } } },
      { type: 'chat/tool', requestId: 't1', card: card('done') },
      { type: 'chat/text', requestId: 't1', blockId: 'c', delta: 'Done' },
    ];
    for (const message of messages) log.record(message);
    const replay = log.replay();
    assert.deepEqual(replay.map((m) => m.type), ['transcript/reset', 'chat/user', 'chat/text', 'chat/tool', 'permission/request', 'chat/text']);
    assert.equal((replay[2] as { delta: string }).delta, 'Hello');
    assert.equal((replay[3] as { card: ToolCard }).card.status, 'done', 'the card shows its latest state where it first appeared');
  });

  it('keeps only the latest of each state message, after the transcript', () => {
    const log = new PanelLog();
    log.record({ type: 'pending/count', count: 1 });
    log.record({ type: 'chat/user', requestId: 't1', text: 'hi', context: [] });
    log.record({ type: 'pending/count', count: 0 });
    log.record({ type: 'chat/busy', turnId: null });
    assert.deepEqual(log.replay().slice(1), [{ type: 'chat/user', requestId: 't1', text: 'hi', context: [] }, { type: 'pending/count', count: 0 }, { type: 'chat/busy', turnId: null }]);
  });

  it('forgets the transcript on reset and never replays answers to single requests', () => {
    const log = new PanelLog();
    log.record({ type: 'chat/user', requestId: 't1', text: 'old', context: [] });
    log.record({ type: 'transcript/reset' });
    log.record({ type: 'mention/results', requestId: 'm', files: [], selection: null });
    log.record({ type: 'session/list', requestId: 's', sessions: [] });
    assert.deepEqual(log.replay(), [{ type: 'transcript/reset' }]);
  });
});
