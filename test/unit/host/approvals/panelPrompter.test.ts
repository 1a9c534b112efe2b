import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApprovalReply, ApprovalRequest } from '../../../../src/core/agent/types';
import { ApprovalCancelledError, PanelPrompter } from '../../../../src/host/approvals/panelPrompter';
import { PendingCount } from '../../../../src/host/approvals/pendingCount';
import type { PanelChannel } from '../../../../src/host/panelChannel';
import type { HostToWebview } from '../../../../src/protocol/messages';

function setup(options: { visible?: boolean } = {}) {
  const posted: HostToWebview[] = [];
  const notified: string[] = [];
  const answered: ApprovalReply[] = [];
  const reviewed: ApprovalRequest[] = [];
  const panel: PanelChannel = { post: (message) => posted.push(message), visible: options.visible ?? true, reveal: async () => undefined };
  const prompter = new PanelPrompter({
    panel,
    pending: new PendingCount(panel),
    currentTurn: () => 'turn-1',
    reviewEdits: async (request) => {
      reviewed.push(request);
      return { kind: 'allowOnce' };
    },
    validateRule: (rule) => (rule.endsWith(')') || !rule.includes('(') ? undefined : 'bad rule'),
    onAsked: () => undefined,
    onAnswered: (_request, reply) => answered.push(reply),
    notifyHidden: (title, subject) => notified.push(`${title}: ${subject}`),
  });
  const request: ApprovalRequest = { toolUseId: 'toolu_1', tool: 'Bash', input: { command: 'npm test' }, decision: { decision: 'ask', reason: 'No rule allows `npm test`.', rule: null, source: null } };
  const promptId = () => {
    const message = posted.find((m): m is Extract<HostToWebview, { type: 'permission/request' }> => m.type === 'permission/request');
    assert.ok(message, 'a prompt was posted');
    return message.requestId;
  };
  return { posted, notified, answered, reviewed, prompter, request, promptId };
}

describe('host: PanelPrompter', () => {
  it('posts the prompt in the running turn, waits, and resolves with the semantic reply', async () => {
    const { prompter, request, posted, promptId, answered } = setup();
    let settled = false;
    const reply = prompter.ask(request, new AbortController().signal).then((value) => {
      settled = true;
      return value;
    });
    await Promise.resolve();
    assert.equal(settled, false, 'the loop waits');
    assert.ok(posted.some((m) => m.type === 'permission/request' && m.turnId === 'turn-1' && m.prompt.subject === 'npm test'));
    assert.ok(posted.some((m) => m.type === 'pending/count' && m.count === 1));
    await prompter.reply(promptId(), { kind: 'deny', feedback: 'use pnpm' });
    assert.deepEqual(await reply, { kind: 'deny', feedback: 'use pnpm' });
    assert.deepEqual(answered, [{ kind: 'deny', feedback: 'use pnpm' }]);
    assert.ok(posted.some((m) => m.type === 'permission/resolved' && m.outcome === 'deny' && /use pnpm/.test(m.summary)));
    assert.ok(posted.some((m) => m.type === 'pending/count' && m.count === 0));
  });

  it('keeps the prompt open when an "Always allow" rule is invalid, then accepts a valid one', async () => {
    const { prompter, request, posted, promptId } = setup();
    const reply = prompter.ask(request, new AbortController().signal);
    await prompter.reply(promptId(), { kind: 'allowAlways', rule: 'Bash(npm', scope: 'local' });
    assert.ok(posted.some((m) => m.type === 'permission/error' && m.error === 'bad rule'));
    assert.equal(prompter.pendingCount, 1);
    await prompter.reply(promptId(), { kind: 'allowAlways', rule: 'Bash(npm test:*)', scope: 'project' });
    assert.deepEqual(await reply, { kind: 'allowAlways', rule: 'Bash(npm test:*)', scope: 'project' });
    assert.ok(posted.some((m) => m.type === 'permission/resolved' && m.summary.includes('.claude/settings.json')));
  });

  it('ignores a second answer to the same prompt', async () => {
    const { prompter, request, promptId } = setup();
    const reply = prompter.ask(request, new AbortController().signal);
    const id = promptId();
    await prompter.reply(id, { kind: 'allowOnce' });
    await prompter.reply(id, { kind: 'deny' });
    assert.deepEqual(await reply, { kind: 'allowOnce' });
  });

  it('rejects when the turn is stopped, and tells the panel the prompt is gone', async () => {
    const { prompter, request, posted } = setup();
    const stop = new AbortController();
    const reply = prompter.ask(request, stop.signal);
    stop.abort();
    await assert.rejects(reply, ApprovalCancelledError);
    assert.ok(posted.some((m) => m.type === 'permission/resolved' && m.outcome === 'cancelled'));
    assert.equal(prompter.pendingCount, 0);
  });

  it('notifies when the view is hidden', async () => {
    const { prompter, request, notified } = setup({ visible: false });
    void prompter.ask(request, new AbortController().signal);
    assert.deepEqual(notified, ['Run a shell command: npm test']);
  });

  it('sends file changes to the edit review instead of an inline prompt', async () => {
    const { prompter, request, posted, reviewed, answered } = setup();
    const edit = { ...request, tool: 'Edit', changes: [{ path: '/w/a.ts', before: 'a', after: 'b' }] };
    assert.deepEqual(await prompter.ask(edit, new AbortController().signal), { kind: 'allowOnce' });
    assert.equal(reviewed.length, 1);
    assert.equal(posted.filter((m) => m.type === 'permission/request').length, 0);
    assert.deepEqual(answered, [{ kind: 'allowOnce' }]);
  });

  it('asks to proceed with a plan', async () => {
    const { prompter, posted, promptId } = setup();
    const reply = prompter.askPlan('turn-1', '1. Do it', new AbortController().signal);
    const message = posted.find((m) => m.type === 'permission/request');
    assert.ok(message?.type === 'permission/request' && message.prompt.kind === 'plan' && message.prompt.plan === '1. Do it');
    await prompter.reply(promptId(), { kind: 'allowOnce' });
    assert.deepEqual(await reply, { kind: 'allowOnce' });
    assert.ok(posted.some((m) => m.type === 'permission/resolved' && m.summary === 'Plan approved.'));
  });
});
