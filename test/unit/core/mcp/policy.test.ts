/**
 * Policy before anything starts, through the real settings loader (managed policy, project and
 * user settings files), the real sources and the real approvals store. Nothing is spawned here:
 * see lifecycle.test.ts for the servers themselves.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { definitionHash } from '../../../../src/core/mcp/definitionHash';
import { evaluateMcpServers } from '../../../../src/core/mcp/evaluate';
import { urlPatternMatches } from '../../../../src/core/mcp/serverMatchers';
import type { PolicyState } from '../../../../src/core/mcp/types';
import { mcpSandbox, type McpSandbox } from './mcpSandbox';

describe('MCP policy', () => {
  let box: McpSandbox;
  beforeEach(async () => (box = await mcpSandbox()));
  afterEach(() => box.cleanup());

  async function verdicts(trusted: boolean, env: NodeJS.ProcessEnv = {}): Promise<Record<string, { state: PolicyState; reason: string }>> {
    const settings = await box.settings(trusted);
    const { servers } = await evaluateMcpServers({ cwd: box.cwd, home: box.home, settings, trusted, approvals: box.approvals, env });
    return Object.fromEntries(servers.map((s) => [s.entry.name, { state: s.policy.state, reason: s.policy.reason }]));
  }

  const repo = { command: 'node', args: ['server.js'] };

  it('a new .mcp.json server in a trusted folder awaits approval', async () => {
    await box.writeMcpJson({ repo });
    const { repo: verdict } = await verdicts(true);
    assert.equal(verdict!.state, 'awaitingApproval');
    assert.match(verdict!.reason, /New in \.mcp\.json/);
  });

  it('attack: a repository cannot start its own server in an untrusted folder, even when its settings enable it', async () => {
    await box.writeMcpJson({ repo });
    await box.writeProjectSettings({ enableAllProjectMcpServers: true, enabledMcpjsonServers: ['repo'] });
    await box.approvals.approve(box.cwd, [{ name: 'repo', sha256: definitionHash(repo) }]);
    const { repo: verdict } = await verdicts(false);
    assert.equal(verdict!.state, 'untrustedWorkspace');
    assert.match(verdict!.reason, /agentgate trust/);
  });

  it('an approval pinned to the current definition makes it ready', async () => {
    await box.writeMcpJson({ repo });
    await box.approvals.approve(box.cwd, [{ name: 'repo', sha256: definitionHash(repo) }]);
    const { repo: verdict } = await verdicts(true);
    assert.equal(verdict!.state, 'ready');
    assert.match(verdict!.reason, /Approved on .*pinned to this exact definition/);
  });

  it('attack: a definition changed after approval (an added argument) asks again', async () => {
    await box.approvals.approve(box.cwd, [{ name: 'repo', sha256: definitionHash(repo) }]);
    await box.writeMcpJson({ repo: { ...repo, args: [...repo.args, '--exfiltrate'] } });
    const { repo: verdict } = await verdicts(true);
    assert.equal(verdict!.state, 'awaitingApproval');
    assert.match(verdict!.reason, /changed since you approved it/);
  });

  it('attack: an approval for another workspace does not count here', async () => {
    await box.writeMcpJson({ repo });
    await box.approvals.approve(box.home, [{ name: 'repo', sha256: definitionHash(repo) }]);
    assert.equal((await verdicts(true)).repo!.state, 'awaitingApproval');
  });

  it('trusted project settings may enable servers (enableAllProjectMcpServers, enabledMcpjsonServers)', async () => {
    await box.writeMcpJson({ a: repo, b: { command: 'b' } });
    await box.writeProjectSettings({ enabledMcpjsonServers: ['a'] });
    let v = await verdicts(true);
    assert.equal(v.a!.state, 'ready');
    assert.match(v.a!.reason, /enabledMcpjsonServers in project settings/);
    assert.equal(v.b!.state, 'awaitingApproval');
    await box.writeProjectSettings({ enableAllProjectMcpServers: true });
    v = await verdicts(true);
    assert.equal(v.b!.state, 'ready');
  });

  it('disabledMcpjsonServers wins over enabling and approval', async () => {
    await box.writeMcpJson({ repo });
    await box.writeProjectSettings({ enableAllProjectMcpServers: true });
    await box.write(`${box.home}/.claude/settings.json`, { disabledMcpjsonServers: ['repo'] });
    await box.approvals.approve(box.cwd, [{ name: 'repo', sha256: definitionHash(repo) }]);
    const { repo: verdict } = await verdicts(true);
    assert.equal(verdict!.state, 'disabled');
    assert.match(verdict!.reason, /disabledMcpjsonServers in user settings/);
  });

  it('attack: a managed deny wins over a project enable and an approval', async () => {
    await box.writeMcpJson({ repo });
    await box.writeProjectSettings({ enableAllProjectMcpServers: true });
    await box.approvals.approve(box.cwd, [{ name: 'repo', sha256: definitionHash(repo) }]);
    await box.writeManaged({ deniedMcpServers: [{ serverName: 'repo' }] });
    const { repo: verdict } = await verdicts(true);
    assert.equal(verdict!.state, 'blockedByPolicy');
    assert.match(verdict!.reason, /deniedMcpServers entry \{ "serverName": "repo" \} in managed policy/);
  });

  it('managed deny by exact command array, by URL wildcard, and for the person\'s own servers too', async () => {
    await box.writeMcpJson({ exact: { command: 'npx', args: ['-y', 'bad-server'] }, longer: { command: 'npx', args: ['-y', 'bad-server', '--x'] }, remote: { type: 'http', url: 'https://mcp.evil.example/v1' } });
    await box.writeUserServers({ mine: { type: 'sse', url: 'https://api.evil.example/sse' } });
    await box.writeManaged({ deniedMcpServers: [{ serverCommand: ['npx', '-y', 'bad-server'] }, { serverUrl: 'https://*.evil.example/*' }] });
    const v = await verdicts(true);
    assert.equal(v.exact!.state, 'blockedByPolicy');
    assert.equal(v.longer!.state, 'awaitingApproval', 'serverCommand is an exact match of command and arguments');
    assert.equal(v.remote!.state, 'blockedByPolicy');
    assert.equal(v.mine!.state, 'blockedByPolicy');
  });

  it('attack: a ${VAR} cannot hide a denied command or URL', async () => {
    await box.writeMcpJson({ hidden: { command: '${CMD:-npx}', args: ['-y', 'bad-server'] }, url: { type: 'http', url: 'https://${HOST:-mcp.evil.example}/v1' } });
    await box.writeManaged({ deniedMcpServers: [{ serverCommand: ['npx', '-y', 'bad-server'] }, { serverUrl: 'https://mcp.evil.example/*' }] });
    const v = await verdicts(true);
    assert.equal(v.hidden!.state, 'blockedByPolicy');
    assert.equal(v.url!.state, 'blockedByPolicy');
  });

  it('managed allowedMcpServers: unset allows all, [] allows none', async () => {
    await box.writeUserServers({ mine: { command: 'mine' } });
    assert.equal((await verdicts(true)).mine!.state, 'ready');
    await box.writeManaged({ allowedMcpServers: [] });
    const { mine } = await verdicts(true);
    assert.equal(mine!.state, 'blockedByPolicy');
    assert.match(mine!.reason, /which is empty/);
  });

  it('managed allowedMcpServers by name, and commands must match when command entries exist', async () => {
    await box.writeUserServers({ named: { command: 'named' }, cmd: { command: 'npx', args: ['-y', 'good'] }, other: { command: 'other' }, web: { type: 'http', url: 'https://mcp.good.example/x' } });
    await box.writeManaged({ allowedMcpServers: [{ serverName: 'named' }, { serverName: 'web' }] });
    let v = await verdicts(true);
    assert.deepEqual([v.named!.state, v.cmd!.state, v.other!.state, v.web!.state], ['ready', 'blockedByPolicy', 'blockedByPolicy', 'ready']);
    await box.writeManaged({ allowedMcpServers: [{ serverName: 'named' }, { serverCommand: ['npx', '-y', 'good'] }, { serverUrl: 'https://*.good.example/*' }] });
    v = await verdicts(true);
    assert.equal(v.cmd!.state, 'ready');
    assert.equal(v.web!.state, 'ready');
    assert.equal(v.named!.state, 'blockedByPolicy', 'with serverCommand entries, a stdio server must match one of them');
  });

  it('attack: only the managed policy can set allowedMcpServers', async () => {
    await box.writeUserServers({ mine: { command: 'mine' } });
    await box.writeMcpJson({ repo });
    await box.writeProjectSettings({ allowedMcpServers: [] });
    assert.equal((await verdicts(true)).mine!.state, 'ready');
  });

  it('attack: while the managed policy cannot be loaded, no server starts (fail closed)', async () => {
    await box.writeUserServers({ mine: { command: 'mine' } });
    await box.write(box.managedPath, '{ "deniedMcpServers": [ ');
    const { mine } = await verdicts(true);
    assert.equal(mine!.state, 'blockedByPolicy');
    assert.match(mine!.reason, /could not be loaded/);
  });

  it('the person\'s own servers start as configured, trusted folder or not', async () => {
    await box.writeUserServers({ mine: { command: 'mine' } }, { [box.cwd]: { mcpServers: { here: { command: 'here' } } } });
    const v = await verdicts(false);
    assert.equal(v.mine!.state, 'ready');
    assert.equal(v.here!.state, 'ready');
    assert.match(v.mine!.reason, /Configured by you/);
  });

  it('an unreadable approvals file approves nothing and says why', async () => {
    await box.writeMcpJson({ repo });
    await box.write(box.approvals.file, 'garbage');
    const { repo: verdict } = await verdicts(true);
    assert.equal(verdict!.state, 'awaitingApproval');
    assert.match(verdict!.reason, /could not be read/);
  });
});

describe('urlPatternMatches', () => {
  it('matches the whole URL with * as any characters and nothing else special', () => {
    assert.ok(urlPatternMatches('https://*.example.com/*', 'https://a.example.com/mcp'));
    assert.ok(!urlPatternMatches('https://*.example.com/*', 'https://example.com.evil.net/mcp'));
    assert.ok(!urlPatternMatches('https://api.example.com/mcp', 'https://apiXexample.com/mcp'));
    assert.ok(!urlPatternMatches('https://api.example.com', 'https://api.example.com/extra'));
  });
});
