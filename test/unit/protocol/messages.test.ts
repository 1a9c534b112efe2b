import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWebviewMessage } from '../../../src/protocol/messages';

describe('protocol: webview → host validation', () => {
  it('accepts a well-formed hello', () => {
    const result = parseWebviewMessage({ type: 'app/hello', requestId: 'hello-1' });
    assert.deepEqual(result, { ok: true, message: { type: 'app/hello', requestId: 'hello-1' } });
  });

  const rejected: [string, unknown][] = [
    ['an unknown type', { type: 'app/shell', requestId: 'x', command: 'rm -rf /' }],
    ['a missing requestId', { type: 'app/hello' }],
    ['an empty requestId', { type: 'app/hello', requestId: '' }],
    ['extra fields smuggled into a known message', { type: 'app/hello', requestId: 'x', approve: true }],
    ['a non-object', 'app/hello'],
    ['null', null],
    ['a type that is not a string', { type: 42, requestId: 'x' }],
  ];
  for (const [name, data] of rejected) {
    it(`rejects ${name} with a message`, () => {
      const result = parseWebviewMessage(data);
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.error.length > 0);
    });
  }
});
