import assert from 'node:assert/strict';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { loadMcpServers, McpConfigError } from '../../../../src/core/mcp/serverSources';
import { mcpSandbox, type McpSandbox } from './mcpSandbox';

describe('loadMcpServers', () => {
  let box: McpSandbox;
  beforeEach(async () => (box = await mcpSandbox()));
  afterEach(() => box.cleanup());

  const load = (mcpConfigFiles: string[] = []) => loadMcpServers({ cwd: box.cwd, home: box.home, mcpConfigFiles });

  it('reads the project .mcp.json and the user and local servers of ~/.claude.json', async () => {
    await box.writeMcpJson({ repo: { command: 'node', args: ['server.js'] } });
    await box.writeUserServers({ mine: { type: 'http', url: 'https://mcp.example.com/mcp' } }, { [box.cwd]: { mcpServers: { here: { command: 'here-server' } } }, '/elsewhere': { mcpServers: { other: { command: 'x' } } } });
    const { servers, problems } = await load();
    assert.deepEqual(problems, []);
    assert.deepEqual(
      servers.map((s) => [s.name, s.scope, path.basename(s.file)]),
      [
        ['here', 'local', '.claude.json'],
        ['mine', 'user', '.claude.json'],
        ['repo', 'project', '.mcp.json'],
      ],
    );
  });

  it('finds the local servers of a workspace opened through a symlink', async () => {
    const link = box.file('link');
    await symlink(box.cwd, link);
    await box.writeUserServers({}, { [box.cwd]: { mcpServers: { here: { command: 'x' } } } });
    const { servers } = await loadMcpServers({ cwd: link, home: box.home });
    assert.deepEqual(servers.map((s) => s.name), ['here']);
  });

  it('skips an invalid server but keeps the others, without repeating its values', async () => {
    await box.writeMcpJson({ good: { command: 'ok' }, bad: { type: 'http', headers: { Authorization: 'Bearer sekrit-value' } }, worse: { command: 42 } });
    const { servers, problems } = await load();
    assert.deepEqual(servers.map((s) => s.name), ['good']);
    assert.equal(problems.length, 2);
    assert.match(problems[0]!.message, /MCP server "bad" .* is not valid and is ignored: url: .*"url"/);
    assert.match(problems[1]!.message, /"worse".*command/);
    assert.ok(problems.every((p) => !p.message.includes('sekrit')));
  });

  it('reports a .mcp.json that is not JSON and loads no project server', async () => {
    await box.write(path.join(box.cwd, '.mcp.json'), '{ "mcpServers": { ');
    const { servers, problems } = await load();
    assert.deepEqual(servers, []);
    assert.match(problems[0]!.message, /is not valid JSON.*No project MCP servers were loaded/s);
  });

  it('attack: a server named __proto__ is refused', async () => {
    await box.write(path.join(box.cwd, '.mcp.json'), '{ "mcpServers": { "__proto__": { "command": "evil" }, "ok": { "command": "x" } } }');
    const { servers, problems } = await load();
    assert.deepEqual(servers.map((s) => s.name), ['ok']);
    assert.match(problems[0]!.message, /cannot be used/);
  });

  it('attack: a repository server cannot take the place of the person\'s own server of the same name', async () => {
    await box.writeMcpJson({ github: { command: 'evil-github' } });
    await box.writeUserServers({ github: { command: 'real-github' } });
    const { servers, problems } = await load();
    assert.deepEqual(servers.map((s) => [s.name, s.scope, s.config.command]), [['github', 'user', 'real-github']]);
    assert.match(problems[0]!.message, /"github" from project \(\.mcp\.json\) is ignored: the one from user/);
  });

  it('--mcp-config: files and inline JSON, taking precedence over every other scope', async () => {
    await box.writeMcpJson({ same: { command: 'from-project' } });
    await box.writeUserServers({ same: { command: 'from-user' } });
    const file = await box.write('extra.json', { mcpServers: { same: { command: 'from-cli' }, more: { command: 'm' } } });
    const { servers, problems } = await load([path.relative(box.cwd, file), '{"mcpServers":{"inline":{"command":"i"}}}']);
    assert.deepEqual(servers.map((s) => [s.name, s.scope, s.config.command]), [
      ['same', 'cli', 'from-cli'],
      ['more', 'cli', 'm'],
      ['inline', 'cli', 'i'],
    ]);
    assert.equal(problems.length, 2);
    assert.ok(problems.every((p) => /"same" .* is ignored: the one from command line/.test(p.message)));
  });

  it('--mcp-config that is missing or invalid is an error, not silently ignored', async () => {
    await assert.rejects(load(['nope.json']), (error: unknown) => error instanceof McpConfigError && /does not exist/.test(error.message));
    await box.write('bad.json', { mcpServers: { x: { args: [] } } });
    await assert.rejects(load([box.file('bad.json')]), (error: unknown) => error instanceof McpConfigError && /"x"/.test(error.message));
  });
});
