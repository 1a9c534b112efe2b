import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AgentEvent } from '../../../../src/core/agent/types';
import type { Decision } from '../../../../src/core/permissions/types';
import { EventMapper } from '../../../../src/host/chat/eventMapper';
import type { HostToWebview } from '../../../../src/protocol/messages';

const allow: Decision = { decision: 'allow', reason: 'Reading inside the workspace is allowed.', rule: null, source: null };
const text = (turn: number, index: number, value: string): AgentEvent => ({
  type: 'model/stream',
  turn,
  event: { type: 'content_block_delta', index, delta: { type: 'text_delta', text: value } },
});

function cards(messages: HostToWebview[]) {
  return messages.filter((m): m is Extract<HostToWebview, { type: 'chat/tool' }> => m.type === 'chat/tool').map((m) => m.card);
}

describe('host: EventMapper (agent events → panel messages)', () => {
  it('streams text per content block, tagged with the turn', () => {
    const mapper = new EventMapper('/w');
    assert.deepEqual(mapper.map('t1', text(1, 0, 'Hel')), [{ type: 'chat/text', requestId: 't1', blockId: '1.0.0', delta: 'Hel' }]);
    assert.equal((mapper.map('t1', text(2, 1, 'x'))[0] as { blockId: string }).blockId, '2.0.1');
    assert.deepEqual(mapper.map('t1', { type: 'model/stream', turn: 1, event: { type: 'message_stop' } }), []);
  });

  it('starts new blocks after a restarted stream and says why', () => {
    const mapper = new EventMapper('/w');
    const [notice] = mapper.map('t1', { type: 'model/retry', turn: 1, reason: 'overloaded' });
    assert.equal(notice?.type, 'chat/notice');
    assert.equal((mapper.map('t1', text(1, 0, 'again'))[0] as { blockId: string }).blockId, '1.1.0');
  });

  it('follows a tool call from start to result, with what and where', () => {
    const mapper = new EventMapper('/w');
    const started = cards(mapper.map('t1', { type: 'tool/start', toolUseId: 'u1', tool: 'Read', input: { file_path: '/w/src/a.ts' } }));
    assert.deepEqual(started.map((c) => [c.title, c.detail, c.status]), [['Read', 'src/a.ts', 'running']]);
    cards(mapper.map('t1', { type: 'tool/decision', toolUseId: 'u1', tool: 'Read', decision: allow }));
    const [done] = cards(mapper.map('t1', { type: 'tool/result', toolUseId: 'u1', tool: 'Read', content: '1\tline', isError: false }));
    assert.equal(done?.status, 'done');
    assert.equal(done?.result, '1\tline');
    assert.equal(done?.decision, allow.reason);
  });

  it('marks calls denied by a rule or by the person as denied, not failed', () => {
    const mapper = new EventMapper('/w');
    const deny: Decision = { decision: 'deny', reason: 'Denied by a rule.', rule: 'Bash(rm:*)', source: null };
    mapper.map('t1', { type: 'tool/decision', toolUseId: 'u1', tool: 'Bash', decision: deny });
    const [byRule] = cards(mapper.map('t1', { type: 'tool/result', toolUseId: 'u1', tool: 'Bash', content: 'Permission denied', isError: true }));
    assert.equal(byRule?.status, 'denied');
    assert.match(byRule?.decision ?? '', /rule Bash\(rm:\*\)/);

    const request = { toolUseId: 'u2', tool: 'Bash', input: { command: 'make' }, decision: { ...deny, decision: 'ask' as const } };
    assert.equal(cards(mapper.asked('t1', request))[0]?.status, 'waiting');
    mapper.answered('u2', { kind: 'deny', feedback: 'no' });
    mapper.map('t1', { type: 'tool/decision', toolUseId: 'u2', tool: 'Bash', decision: request.decision });
    const [byPerson] = cards(mapper.map('t1', { type: 'tool/result', toolUseId: 'u2', tool: 'Bash', content: 'The person denied', isError: true }));
    assert.equal(byPerson?.status, 'denied');
    assert.equal(byPerson?.detail, 'make');
  });

  it('lets the edit review settle a card (applied with the person’s changes)', () => {
    const mapper = new EventMapper('/w');
    mapper.asked('t1', { toolUseId: 'u1', tool: 'Edit', input: { file_path: '/w/a.ts' }, decision: { decision: 'ask', reason: 'Edits ask.', rule: null, source: null } });
    mapper.settle('t1', 'u1', 'done', 'Applied with your changes.');
    mapper.answered('u1', { kind: 'deny', feedback: 'changed' });
    const [card] = cards(mapper.map('t1', { type: 'tool/result', toolUseId: 'u1', tool: 'Edit', content: 'The person denied', isError: true }));
    assert.equal(card?.status, 'done');
    assert.equal(card?.decision, 'Applied with your changes.');
  });

  it('adds up usage across turns and ends the turn', () => {
    const mapper = new EventMapper('/w');
    const usage = { input_tokens: 100, output_tokens: 20, cache_read_input_tokens: 1000, cache_creation_input_tokens: 50 } as never;
    mapper.map('t1', { type: 'turn/end', turn: 1, cost: { usage, costUsd: 0.01 }, sessionCostUsd: 0.01 });
    const [second] = mapper.map('t1', { type: 'turn/end', turn: 2, cost: { usage, costUsd: 0.01 }, sessionCostUsd: 0.02 });
    assert.deepEqual(second, { type: 'chat/usage', requestId: 't1', session: { inputTokens: 200, outputTokens: 40, cacheReadTokens: 2000, cacheWriteTokens: 100 }, sessionCostUsd: 0.02 });
    assert.deepEqual(mapper.map('t1', { type: 'session/end', reason: 'error', error: 'boom' }), [{ type: 'chat/done', requestId: 't1', reason: 'error', error: 'boom' }]);
  });
});
