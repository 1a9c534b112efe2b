import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWebviewMessage, type WebviewToHost } from '../../../src/protocol/messages';

describe('protocol: webview → host validation', () => {
  it('accepts a well-formed hello', () => {
    const result = parseWebviewMessage({ type: 'app/hello', requestId: 'hello-1' });
    assert.deepEqual(result, { ok: true, message: { type: 'app/hello', requestId: 'hello-1' } });
  });

  const accepted: WebviewToHost[] = [
    { type: 'chat/send', requestId: 'r1', text: 'Fix the bug', context: { files: ['src/a.ts'], selection: true } },
    { type: 'chat/stop', requestId: 'r2', turnId: 'r1' },
    { type: 'chat/stop', requestId: 'r3' },
    { type: 'session/new', requestId: 'r4' },
    { type: 'session/list', requestId: 'r5' },
    { type: 'session/resume', requestId: 'r6', sessionId: '0b6c1e2a-1111-4e0e-9f0e-123456789abc' },
    { type: 'permission/reply', requestId: 'permission-1', reply: { kind: 'allowOnce' } },
    { type: 'permission/reply', requestId: 'permission-2', reply: { kind: 'allowAlways', rule: 'Bash(npm run test:*)', scope: 'local' } },
    { type: 'permission/reply', requestId: 'permission-3', reply: { kind: 'allowAlways', rule: 'WebFetch(domain:example.com)', scope: 'project' } },
    { type: 'permission/reply', requestId: 'permission-4', reply: { kind: 'deny', feedback: 'Use pnpm instead' } },
    { type: 'permission/reply', requestId: 'permission-5', reply: { kind: 'deny' } },
    { type: 'mode/set', requestId: 'r7', mode: 'acceptEdits' },
    { type: 'edit/accept', requestId: 'r8', editId: 'edit-1' },
    { type: 'edit/reject', requestId: 'r9', editId: 'edit-1', feedback: 'Keep the old name' },
    { type: 'edit/acceptAll', requestId: 'r10' },
    { type: 'edit/rejectAll', requestId: 'r11' },
    { type: 'edit/review', requestId: 'r12', editId: 'edit-2' },
    { type: 'edit/undo', requestId: 'r13', editId: 'edit-2' },
    { type: 'mention/search', requestId: 'r14', query: 'read' },
    { type: 'setup/run', requestId: 'r15', action: 'setApiKey' },
    { type: 'clipboard/write', requestId: 'r16', text: 'npm test' },
    { type: 'link/open', requestId: 'r17', href: 'https://example.com' },
    { type: 'file/open', requestId: 'r18', path: 'src/a.ts' },
  ];
  for (const message of accepted) {
    it(`accepts ${message.type} ${JSON.stringify(message).slice(0, 60)}`, () => {
      assert.deepEqual(parseWebviewMessage(message), { ok: true, message });
    });
  }

  it('trims the rule of an "always allow" reply', () => {
    const result = parseWebviewMessage({ type: 'permission/reply', requestId: 'p', reply: { kind: 'allowAlways', rule: '  Bash(ls:*) ', scope: 'local' } });
    assert.ok(result.ok);
    assert.deepEqual(result.ok && result.message.type === 'permission/reply' && result.message.reply, { kind: 'allowAlways', rule: 'Bash(ls:*)', scope: 'local' });
  });

  const rejected: [string, unknown][] = [
    ['an unknown type', { type: 'app/shell', requestId: 'x', command: 'rm -rf /' }],
    ['a missing requestId', { type: 'app/hello' }],
    ['an empty requestId', { type: 'app/hello', requestId: '' }],
    ['an overlong requestId', { type: 'app/hello', requestId: 'x'.repeat(101) }],
    ['extra fields smuggled into a known message', { type: 'app/hello', requestId: 'x', approve: true }],
    ['a non-object', 'app/hello'],
    ['null', null],
    ['a type that is not a string', { type: 42, requestId: 'x' }],
    ['an empty prompt', { type: 'chat/send', requestId: 'x', text: '   ', context: { files: [], selection: false } }],
    ['a prompt without context', { type: 'chat/send', requestId: 'x', text: 'hi' }],
    ['a reply named after a button', { type: 'permission/reply', requestId: 'x', reply: { kind: 'Allow once' } }],
    ['an allowAlways without a rule', { type: 'permission/reply', requestId: 'x', reply: { kind: 'allowAlways', scope: 'local' } }],
    ['an allowAlways with an empty rule', { type: 'permission/reply', requestId: 'x', reply: { kind: 'allowAlways', rule: ' ', scope: 'local' } }],
    ['an allowAlways with an unknown scope', { type: 'permission/reply', requestId: 'x', reply: { kind: 'allowAlways', rule: 'Bash', scope: 'managed' } }],
    ['a reply with extra fields', { type: 'permission/reply', requestId: 'x', reply: { kind: 'allowOnce', rule: 'Bash' } }],
    ['an unknown mode', { type: 'mode/set', requestId: 'x', mode: 'yolo' }],
    ['an unknown set-up action', { type: 'setup/run', requestId: 'x', action: 'runShell' }],
    ['too many attached files', { type: 'chat/send', requestId: 'x', text: 'hi', context: { files: Array.from({ length: 51 }, (_, i) => `f${i}`), selection: false } }],
  ];
  for (const [name, data] of rejected) {
    it(`rejects ${name} with a message`, () => {
      const result = parseWebviewMessage(data);
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.error.length > 0);
    });
  }
});
