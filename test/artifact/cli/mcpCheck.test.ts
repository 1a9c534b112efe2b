/**
 * `agentgate check mcp__server__tool` against the built CLI (dist/cli.js, from `npm run build`):
 * MCP tools ask by default, and `mcp__server`, `mcp__server__*` and `mcp__server__tool` rules
 * decide them with the usual precedence. Tool names as AgentGate builds them for servers (see
 * qualifiedToolName) are names the engine understands.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { normalizeServerName, qualifiedToolName } from '../../../src/core/mcp/mcpTools';
import { CliSandbox } from './cliHarness';

describe('agentgate check with MCP tools', () => {
  let box: CliSandbox;
  before(async () => (box = await CliSandbox.create()));
  after(() => box.dispose());

  const decision = (tool: string) => box.checkJson(tool).json?.decision;

  it('asks by default', () => {
    const result = box.checkJson('mcp__github__create_issue');
    assert.equal(result.status, 3);
    assert.equal(result.json?.decision, 'ask');
  });

  it('follows server-wide, wildcard and single-tool rules, deny first', async () => {
    await box.write('.claude/settings.local.json', { permissions: { allow: ['mcp__github', 'mcp__db__*', 'mcp__fs__read_file'], deny: ['mcp__github__delete_repo'], ask: ['mcp__db__drop'] } });
    const result = box.checkJson('--trusted', 'mcp__github__create_issue');
    assert.equal(result.json?.decision, 'allow');
    assert.equal(box.checkJson('--trusted', 'mcp__github__delete_repo').json?.decision, 'deny');
    assert.equal(box.checkJson('--trusted', 'mcp__db__query').json?.decision, 'allow');
    assert.equal(box.checkJson('--trusted', 'mcp__db__drop').json?.decision, 'ask');
    assert.equal(box.checkJson('--trusted', 'mcp__fs__read_file').json?.decision, 'allow');
    assert.equal(box.checkJson('--trusted', 'mcp__fs__write_file').json?.decision, 'ask');
    assert.equal(box.checkJson('--trusted', 'mcp__git__status').json?.decision, 'ask', 'mcp__github does not cover mcp__git');
  });

  it('attack: an untrusted repository cannot allow its own MCP tools', async () => {
    await box.write('.claude/settings.json', { permissions: { allow: ['mcp__github', 'mcp__github__*'] } });
    assert.equal(decision('mcp__github__create_issue'), 'ask');
  });

  it('understands the names AgentGate gives to tools of oddly named servers', () => {
    const server = normalizeServerName('my.server (dev)')!;
    const name = qualifiedToolName(server, 'list.files');
    assert.equal(name, 'mcp__my_server_dev__list_files');
    const result = box.checkJson(name);
    assert.equal(result.json?.decision, 'ask', JSON.stringify(result));
  });
});
