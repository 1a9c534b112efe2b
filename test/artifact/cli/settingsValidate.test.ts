import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { CliSandbox } from './cliHarness';

describe('agentgate settings', () => {
  let box: CliSandbox;
  beforeEach(async () => {
    box = await CliSandbox.create();
  });
  afterEach(() => box.dispose());

  it('shows every rule with the file and level it came from', async () => {
    await box.write('.claude/settings.json', { permissions: { deny: ['Read(./.env)'], allow: ['Bash(npm test)'] } });
    await box.write(`${box.home}/.claude/settings.json`, { permissions: { ask: ['Bash(git push:*)'] } });
    const result = box.run(['settings', '--cwd', box.workspace, '--trusted']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Read\(\.\/\.env\) +← project settings \(.*\.claude\/settings\.json:\d+:\d+\)/);
    assert.match(result.stdout, /Bash\(git push:\*\) +← user settings/);
    assert.match(result.stdout, /Bash\(npm test\) +← project settings/);
  });

  it('never prints env values that look like secrets', async () => {
    await box.write(`${box.home}/.claude/settings.json`, { env: { ANTHROPIC_API_KEY: 'sk-ant-secret-value', ANTHROPIC_MODEL: 'claude-x' } });
    for (const args of [[], ['--json']]) {
      const result = box.run(['settings', '--cwd', box.workspace, ...args]);
      assert.equal(result.status, 0, result.stderr);
      assert.doesNotMatch(result.stdout, /sk-ant-secret-value/);
      assert.match(result.stdout, /claude-x/);
    }
  });
});

describe('agentgate validate', () => {
  let box: CliSandbox;
  beforeEach(async () => {
    box = await CliSandbox.create();
  });
  afterEach(() => box.dispose());

  it('passes valid files (exit 0)', async () => {
    await box.write('.claude/settings.json', { permissions: { allow: ['Bash(npm test)'] } });
    const result = box.run(['validate', '--cwd', box.workspace]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stderr, /0 error/);
  });

  it('reports a malformed settings file with file:line:column and exits 1', async () => {
    await box.write('.claude/settings.json', '{\n  "permissions": {\n    "allow": "Bash(npm test)"\n  }\n}\n');
    const result = box.run(['validate', '--cwd', box.workspace]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^\.claude\/settings\.json:3:\d+: error: .*permissions\.allow/m);
  });

  it('reports an invalid .mcp.json', async () => {
    await box.write('.mcp.json', { mcpServers: { broken: { type: 'stdio' } } });
    const result = box.run(['validate', '--cwd', box.workspace]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^\.mcp\.json:\d+:\d+: error: /m);
  });

  it('validates an explicitly named --settings file, and a missing one is an error', async () => {
    const result = box.run(['validate', '--cwd', box.workspace, '--settings', 'nope.json']);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /nope\.json: error: .*does not exist/);
  });
});
