/**
 * Real MCP servers (test/support/mcpServers) started, or not, through startMcpForRun and
 * McpWorkspace with the real settings, trust decisions and approvals. A marker file written by
 * the server as soon as its process starts proves whether it ran at all.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { definitionHash } from '../../../../src/core/mcp/definitionHash';
import { startMcpForRun, type McpForRun } from '../../../../src/core/mcp/startForRun';
import type { ServerStatus } from '../../../../src/core/mcp/types';
import { McpWorkspace } from '../../../../src/core/mcp/workspace';
import { makeContext } from '../tools/toolTestContext';
import { isAlive, starts, stdioServer } from '../../../support/mcpServers';
import { mcpSandbox, type McpSandbox } from './mcpSandbox';

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent' };

describe('MCP servers: what starts and what does not', () => {
  let box: McpSandbox;
  const running: McpForRun[] = [];
  beforeEach(async () => (box = await mcpSandbox()));
  afterEach(async () => {
    for (const run of running.splice(0)) await run.dispose();
    await box.cleanup();
  });

  async function start(trusted: boolean, extraEnv: NodeJS.ProcessEnv = {}, mcpConfigFiles: string[] = []): Promise<McpForRun> {
    const run = await startMcpForRun({ cwd: box.cwd, home: box.home, settings: await box.settings(trusted), trusted, mcpConfigFiles, env: { ...env, ...extraEnv }, approvals: box.approvals });
    running.push(run);
    return run;
  }
  const status = (run: McpForRun, name: string): ServerStatus => run.report.find((s) => s.name === name)!;

  it('attack: a repository server is not started before approval', async () => {
    const marker = box.file('marker');
    await box.writeMcpJson({ repo: stdioServer(['--marker', marker]) });
    const run = await start(true);
    assert.equal(status(run, 'repo').state, 'awaitingApproval');
    assert.deepEqual(run.tools, []);
    assert.deepEqual(starts(marker), [], 'the server process never ran');
  });

  it('an approved server starts once and offers its tools as mcp__<server>__<tool>', async () => {
    const marker = box.file('marker');
    const definition = stdioServer(['--marker', marker]);
    await box.writeMcpJson({ repo: definition });
    await box.approvals.approve(box.cwd, [{ name: 'repo', sha256: definitionHash(definition) }]);
    const run = await start(true);
    assert.equal(status(run, 'repo').state, 'running', status(run, 'repo').reason);
    assert.deepEqual(run.tools.map((t) => t.name).sort(), ['mcp__repo__add', 'mcp__repo__argv', 'mcp__repo__crash', 'mcp__repo__echo', 'mcp__repo__env', 'mcp__repo__fail', 'mcp__repo__grow']);
    assert.equal(starts(marker).length, 1);
    const echo = run.tools.find((t) => t.name === 'mcp__repo__echo')!;
    const result = await echo.run({ text: 'hi' }, makeContext(box.cwd));
    assert.deepEqual(result, { content: 'echo: hi' });
    const failing = await run.tools.find((t) => t.name === 'mcp__repo__fail')!.run({}, makeContext(box.cwd));
    assert.deepEqual(failing, { content: 'this tool failed on purpose', isError: true });
  });

  it('attack: an approved server is not started in an untrusted folder', async () => {
    const marker = box.file('marker');
    const definition = stdioServer(['--marker', marker]);
    await box.writeMcpJson({ repo: definition });
    await box.approvals.approve(box.cwd, [{ name: 'repo', sha256: definitionHash(definition) }]);
    const run = await start(false);
    assert.equal(status(run, 'repo').state, 'untrustedWorkspace');
    assert.deepEqual(starts(marker), []);
  });

  it('attack: a managed deny keeps a server from starting even when a project setting enables it', async () => {
    const marker = box.file('marker');
    await box.writeMcpJson({ repo: stdioServer(['--marker', marker]) });
    await box.writeProjectSettings({ enableAllProjectMcpServers: true, enabledMcpjsonServers: ['repo'] });
    await box.writeManaged({ deniedMcpServers: [{ serverName: 'repo' }] });
    const run = await start(true);
    assert.equal(status(run, 'repo').state, 'blockedByPolicy');
    assert.deepEqual(starts(marker), []);
  });

  it('attack: a definition changed after approval (an added argument) is not started', async () => {
    const marker = box.file('marker');
    const approved = stdioServer(['--marker', marker]);
    await box.approvals.approve(box.cwd, [{ name: 'repo', sha256: definitionHash(approved) }]);
    await box.writeMcpJson({ repo: stdioServer(['--marker', marker, '--name', 'changed']) });
    const run = await start(true);
    assert.equal(status(run, 'repo').state, 'awaitingApproval');
    assert.match(status(run, 'repo').reason, /changed since you approved it/);
    assert.deepEqual(starts(marker), []);
  });

  it('fills in ${VAR} and ${VAR:-default} in arguments and env from the environment', async () => {
    await box.writeUserServers({ mine: stdioServer(['--name', '${SERVER_NAME:-fallback-name}', '${FLAG}'], { env: { GREETING: 'hello ${WHO}' } }) });
    const run = await start(false, { FLAG: '--flag', WHO: 'world', SECRET_NOT_PASSED: 'x' });
    const ctx = makeContext(box.cwd);
    const tool = (name: string) => run.tools.find((t) => t.name === `mcp__mine__${name}`)!;
    const argv = JSON.parse((await tool('argv').run({}, ctx)).content) as string[];
    assert.deepEqual(argv, ['--name', 'fallback-name', '--flag']);
    assert.equal((await tool('env').run({ name: 'GREETING' }, ctx)).content, 'hello world');
    assert.equal((await tool('env').run({ name: 'SECRET_NOT_PASSED' }, ctx)).content, '(unset)', 'only listed variables are inherited');
  });

  it('a server whose variable is unset fails with the variable named and is not started', async () => {
    const marker = box.file('marker');
    await box.writeUserServers({ mine: stdioServer(['--marker', marker, '${MISSING_TOKEN}']) });
    const run = await start(false);
    assert.equal(status(run, 'mine').state, 'failed');
    assert.match(status(run, 'mine').reason, /\$\{MISSING_TOKEN\}/);
    assert.deepEqual(starts(marker), []);
  });

  it('a server that crashes at start is reported with the last 20 lines of its stderr and not restarted', async () => {
    const marker = box.file('marker');
    await box.writeUserServers({ broken: stdioServer(['--marker', marker, '--stderr-lines', '30', '--exit-before-handshake', '3']) });
    const workspace = new McpWorkspace({ folder: box.cwd, home: box.home, env, approvals: box.approvals, clientVersion: 'test' });
    try {
      const inputs = { settings: await box.settings(false), trusted: false };
      await workspace.refresh(inputs);
      const [broken] = workspace.statuses();
      assert.equal(broken!.state, 'failed');
      assert.match(broken!.reason, /exited with code 3/);
      assert.deepEqual(broken!.stderrTail, Array.from({ length: 20 }, (_, i) => `stderr line ${i + 11}`));
      await workspace.refresh(inputs);
      assert.equal(workspace.statuses()[0]!.state, 'failed');
      assert.equal(starts(marker).length, 1, 'refreshing does not restart a failed server');
      await workspace.restart('broken');
      assert.equal(starts(marker).length, 2, 'restart on request starts it again');
    } finally {
      await workspace.dispose();
    }
  });

  it('a server that crashes while running becomes failed with its stderr tail, and its tools answer with an error', async () => {
    const marker = box.file('marker');
    await box.writeUserServers({ crashy: stdioServer(['--marker', marker]) });
    const workspace = new McpWorkspace({ folder: box.cwd, home: box.home, env, approvals: box.approvals, clientVersion: 'test' });
    try {
      await workspace.refresh({ settings: await box.settings(false), trusted: false });
      const failed = new Promise<void>((resolve) => {
        workspace.manager.onDidChange(() => {
          if (workspace.statuses()[0]?.state === 'failed') resolve();
        });
      });
      const ctx = makeContext(box.cwd);
      const crash = workspace.tools().find((t) => t.name === 'mcp__crashy__crash')!;
      const echo = workspace.tools().find((t) => t.name === 'mcp__crashy__echo')!;
      const result = await crash.run({ code: 7 }, ctx);
      assert.equal(result.isError, true);
      await failed;
      const [crashy] = workspace.statuses();
      assert.match(crashy!.reason, /stopped unexpectedly.*exited with code 7.*not restarted automatically/s);
      assert.equal(crashy!.stderrTail.at(-1), 'crash line 30');
      assert.equal(crashy!.stderrTail.length, 20);
      const after = await echo.run({ text: 'x' }, ctx);
      assert.equal(after.isError, true);
      assert.match(after.content, /is not running/);
      assert.deepEqual(workspace.tools(), []);
      assert.equal(starts(marker).length, 1, 'not restarted in a loop');
    } finally {
      await workspace.dispose();
    }
  });

  it('stopping a server kills its whole process group (the grandchild too)', async () => {
    const marker = box.file('marker');
    const grandchildFile = box.file('grandchild');
    await box.writeUserServers({ parent: stdioServer(['--marker', marker, '--grandchild', grandchildFile]) });
    const run = await start(false);
    assert.equal(status(run, 'parent').state, 'running');
    const [serverPid] = starts(marker);
    const grandchild = Number(await readFile(grandchildFile, 'utf8'));
    assert.ok(isAlive(serverPid!) && isAlive(grandchild));
    await run.dispose();
    assert.equal(isAlive(serverPid!), false, 'the server is gone');
    assert.equal(isAlive(grandchild), false, 'the grandchild is gone');
  });

  it('a definition edited while the server runs stops it until the new one is approved', async () => {
    const marker = box.file('marker');
    const definition = stdioServer(['--marker', marker]);
    await box.writeMcpJson({ repo: definition });
    await box.approvals.approve(box.cwd, [{ name: 'repo', sha256: definitionHash(definition) }]);
    const workspace = new McpWorkspace({ folder: box.cwd, home: box.home, env, approvals: box.approvals, clientVersion: 'test' });
    try {
      const inputs = { settings: await box.settings(true), trusted: true };
      await workspace.refresh(inputs);
      assert.equal(workspace.statuses()[0]!.state, 'running');
      const [pid] = starts(marker);
      await box.writeMcpJson({ repo: stdioServer(['--marker', marker, '--name', 'edited']) });
      await workspace.refresh(inputs);
      assert.equal(workspace.statuses()[0]!.state, 'awaitingApproval');
      assert.equal(isAlive(pid!), false);
      assert.equal(starts(marker).length, 1);
      await workspace.approve(workspace.evaluated);
      assert.equal(workspace.statuses()[0]!.state, 'running');
      assert.equal(starts(marker).length, 2);
      assert.deepEqual(await workspace.revoke(['repo']), ['repo']);
      assert.equal(workspace.statuses()[0]!.state, 'awaitingApproval');
      assert.equal(isAlive(starts(marker)[1]!), false, 'revoking stops it');
    } finally {
      await workspace.dispose();
    }
  });

  it('with startOnApply false (the editor), nothing starts until start(); later approvals start at once', async () => {
    const mine = box.file('mine');
    const repo = box.file('repo');
    await box.writeUserServers({ mine: stdioServer(['--marker', mine]) });
    await box.writeMcpJson({ repo: stdioServer(['--marker', repo]) });
    const workspace = new McpWorkspace({ folder: box.cwd, home: box.home, env, approvals: box.approvals, clientVersion: 'test', startOnApply: false });
    try {
      await workspace.refresh({ settings: await box.settings(true), trusted: true });
      const byName = () => Object.fromEntries(workspace.statuses().map((s) => [s.name, s]));
      assert.equal(byName().mine!.state, 'ready');
      assert.match(byName().mine!.reason, /starts when the agent first works here/);
      assert.deepEqual(starts(mine), []);
      await workspace.start();
      assert.equal(byName().mine!.state, 'running');
      assert.equal(byName().repo!.state, 'awaitingApproval');
      assert.deepEqual(starts(repo), []);
      await workspace.approve(workspace.evaluated.filter((s) => s.entry.name === 'repo'));
      assert.equal(byName().repo!.state, 'running');
      assert.equal(starts(repo).length, 1);
      assert.equal(starts(mine).length, 1, 'the running server was left alone');
    } finally {
      await workspace.dispose();
    }
  });

  it('attack: approving a user-level server through the workspace is refused (only .mcp.json servers take approvals)', async () => {
    await box.writeUserServers({ mine: stdioServer() });
    const workspace = new McpWorkspace({ folder: box.cwd, home: box.home, env, approvals: box.approvals, clientVersion: 'test', startOnApply: false });
    try {
      await workspace.refresh({ settings: await box.settings(true), trusted: true });
      await assert.rejects(workspace.approve(workspace.evaluated), /not from \.mcp\.json/);
    } finally {
      await workspace.dispose();
    }
  });

  it('follows a server that announces a changed tool list', async () => {
    await box.writeUserServers({ mine: stdioServer() });
    const workspace = new McpWorkspace({ folder: box.cwd, home: box.home, env, approvals: box.approvals, clientVersion: 'test' });
    try {
      await workspace.refresh({ settings: await box.settings(false), trusted: false });
      const has = () => workspace.tools().some((t) => t.name === 'mcp__mine__late');
      assert.equal(has(), false);
      const changed = new Promise<void>((resolve) => workspace.manager.onDidChange(() => has() && resolve()));
      await workspace.tools().find((t) => t.name === 'mcp__mine__grow')!.run({}, makeContext(box.cwd));
      await changed;
      assert.deepEqual(await workspace.tools().find((t) => t.name === 'mcp__mine__late')!.run({}, makeContext(box.cwd)), { content: 'late' });
    } finally {
      await workspace.dispose();
    }
  });
});
