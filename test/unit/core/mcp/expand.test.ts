import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandServer, McpVariableError, redact, secretValues } from '../../../../src/core/mcp/expand';

describe('expandServer', () => {
  const env = { HOME: '/home/me', TOKEN: 'secret-token-123', EMPTY: '' };

  it('fills in ${VAR} and ${VAR:-default} in command, args, env, url and headers', () => {
    const stdio = expandServer('s', { command: '${HOME}/bin/server', args: ['--port', '${PORT:-8080}', 'x${EMPTY:-fallback}y'], env: { T: '${TOKEN}' } }, env);
    assert.deepEqual(stdio, { type: 'stdio', command: '/home/me/bin/server', args: ['--port', '8080', 'xfallbacky'], env: { T: 'secret-token-123' }, headers: {} });
    const http = expandServer('h', { type: 'http', url: 'https://${HOST:-api.example.com}/mcp', headers: { Authorization: 'Bearer ${TOKEN}' } }, env);
    assert.equal(http.url, 'https://api.example.com/mcp');
    assert.deepEqual(http.headers, { Authorization: 'Bearer secret-token-123' });
  });

  it('keeps a set variable over its default, and an empty one without default stays empty', () => {
    assert.deepEqual(expandServer('s', { command: 'c', args: ['${HOME:-/x}', '[${EMPTY}]'] }, env).args, ['/home/me', '[]']);
  });

  it('names every missing variable and how to fix it', () => {
    assert.throws(
      () => expandServer('github', { command: '${BIN}', args: ['${ONE}', '${ONE}'], env: { K: '${TWO}' } }, env),
      (error: unknown) => {
        assert.ok(error instanceof McpVariableError);
        assert.deepEqual(error.missing, ['BIN', 'ONE', 'TWO']);
        assert.match(error.message, /MCP server "github" uses \$\{BIN\}, \$\{ONE\}, \$\{TWO\}/);
        assert.match(error.message, /\$\{BIN:-value\}/);
        return true;
      },
    );
  });

  it('leaves text that is not a reference alone', () => {
    assert.deepEqual(expandServer('s', { command: 'c', args: ['$HOME', '${}', '${1X}', 'a}b'] }, env).args, ['$HOME', '${}', '${1X}', 'a}b']);
  });
});

describe('redact', () => {
  it('removes env and header values, and the token of a "Bearer" header', () => {
    const server = expandServer('h', { type: 'http', url: 'https://x', headers: { Authorization: 'Bearer abcdefgh12345' } }, {});
    const secrets = secretValues(server);
    assert.equal(redact('sent Bearer abcdefgh12345; token abcdefgh12345', secrets), 'sent ***; token ***');
  });
});
