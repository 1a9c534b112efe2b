import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, definitionHash } from '../../../../src/core/mcp/definitionHash';

describe('definitionHash', () => {
  const base = { command: 'npx', args: ['-y', 'server'], env: { A: '1', B: '2' } };

  it('is a SHA-256 hex digest that ignores key order', () => {
    const hash = definitionHash(base);
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(definitionHash({ env: { B: '2', A: '1' }, args: ['-y', 'server'], command: 'npx' }), hash);
  });

  it('treats an absent type as stdio', () => {
    assert.equal(definitionHash({ ...base, type: 'stdio' }), definitionHash(base));
  });

  it('attack: an added argument changes the hash', () => {
    assert.notEqual(definitionHash({ ...base, args: ['-y', 'server', '--evil'] }), definitionHash(base));
  });

  it('attack: reordered arguments, a changed command, env value, URL or header change the hash', () => {
    const hash = definitionHash(base);
    assert.notEqual(definitionHash({ ...base, args: ['server', '-y'] }), hash);
    assert.notEqual(definitionHash({ ...base, command: 'npx2' }), hash);
    assert.notEqual(definitionHash({ ...base, env: { A: '1', B: '3' } }), hash);
    assert.notEqual(definitionHash({ ...base, env: { A: '1', B: '2', NODE_OPTIONS: '--require evil' } }), hash);
    const remote = { type: 'http' as const, url: 'https://a.example.com/mcp', headers: { X: '1' } };
    assert.notEqual(definitionHash({ ...remote, url: 'https://b.example.com/mcp' }), definitionHash(remote));
    assert.notEqual(definitionHash({ ...remote, headers: { X: '2' } }), definitionHash(remote));
    assert.notEqual(definitionHash({ ...remote, type: 'sse' }), definitionHash(remote));
  });

  it('is taken before variable expansion', () => {
    assert.notEqual(definitionHash({ command: 'x', args: ['${A}'] }), definitionHash({ command: 'x', args: ['${B}'] }));
  });

  it('writes canonical JSON with sorted keys at every depth', () => {
    assert.equal(canonicalJson({ b: [{ z: 1, a: 2 }], a: 'x' }), '{"a":"x","b":[{"a":2,"z":1}]}');
  });
});
