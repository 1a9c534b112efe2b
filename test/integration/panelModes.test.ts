/**
 * Permission modes in the real extension host: agentgate.cycleMode and the panel's mode control;
 * Bypass refused when a settings file sets disableBypassPermissionsMode; Accept Edits applies
 * edits without a diff, lists them with Undo, and still asks before a command; Plan asks to
 * proceed with the plan before anything changes.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import { reply, say, toolUse } from '../support/modelServers';
import { PanelDriver, workspaceFolder } from './panelDriver';

describe('panel modes (extension host)', () => {
  let driver: PanelDriver;

  before(async () => {
    driver = await PanelDriver.start();
    const claude = path.join(workspaceFolder(), '.claude');
    if (!existsSync(claude)) driver.cleanUpLater(claude);
    await mkdir(claude, { recursive: true });
    const since = driver.posted.length;
    await writeFile(path.join(claude, 'settings.json'), JSON.stringify({ permissions: { disableBypassPermissionsMode: 'disable' } }));
    await driver.next('mode/changed', (m) => m.options.some((o) => o.mode === 'bypassPermissions' && !o.available), since);
  });

  after(async () => {
    driver?.dispatch({ type: 'mode/set', mode: 'default' });
    await driver?.close();
  });

  it('Bypass is not offered when settings disable it, and cannot be set', async () => {
    const modes = driver.posted.filter((m) => m.type === 'mode/changed').at(-1);
    assert.ok(modes?.type === 'mode/changed');
    const bypass = modes.options.find((o) => o.mode === 'bypassPermissions');
    assert.equal(bypass?.available, false);
    assert.match(bypass?.unavailableReason ?? '', /disableBypassPermissionsMode/);
    driver.dispatch({ type: 'mode/set', mode: 'bypassPermissions' });
    await sleep(200);
    assert.equal(await driver.mode(), 'default');
  });

  it('agentgate.cycleMode goes Default → Accept Edits → Plan → Default, skipping Bypass', async () => {
    assert.equal(await driver.mode(), 'default');
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await vscode.commands.executeCommand('agentgate.cycleMode');
      seen.push(await driver.mode());
    }
    assert.deepEqual(seen, ['acceptEdits', 'plan', 'default']);
  });

  it('Accept Edits applies edits without a diff, lists them with Undo, and still asks before a command', async () => {
    driver.dispatch({ type: 'mode/set', mode: 'acceptEdits' });
    await driver.next('mode/changed', (m) => m.mode === 'acceptEdits');
    const file = path.join(workspaceFolder(), 'scratch-modes.md');
    driver.cleanUpLater(file);
    driver.server.push(reply(toolUse('Write', { file_path: file, content: '# Notes\n' })), reply(toolUse('Bash', { command: 'touch scratch-modes.txt' })), say('Done.'));
    driver.cleanUpLater(path.join(workspaceFolder(), 'scratch-modes.txt'));
    const turn = driver.send('Write notes, then touch a file');
    const { requestId, prompt } = await driver.prompt(turn);
    assert.equal(prompt.kind, 'bash', 'the command still asks');
    assert.equal(await readFile(file, 'utf8'), '# Notes\n', 'the edit was applied without a prompt');
    const applied = driver.edits().find((edit) => edit.path === 'scratch-modes.md');
    assert.ok(applied);
    assert.equal(applied.status, 'applied');
    assert.equal(applied.automatic, true);
    driver.dispatch({ type: 'permission/reply', requestId, reply: { kind: 'deny' } });
    assert.equal((await driver.done(turn)).reason, 'done');

    driver.dispatch({ type: 'edit/undo', editId: applied.editId });
    await driver.next('edit/list', (m) => m.edits.some((e) => e.editId === applied.editId && e.status === 'undone'));
    assert.equal(existsSync(file), false, 'undoing a created file removes it');
  });

  it('Plan asks to proceed with the plan; approving leaves Plan mode and tells the model', async () => {
    driver.dispatch({ type: 'mode/set', mode: 'plan' });
    await driver.next('mode/changed', (m) => m.mode === 'plan');
    driver.server.push(say('1. Read index.js\n2. Rename greet'), say('Carrying it out.'));
    const turn = driver.send('Plan a rename');
    assert.equal((await driver.done(turn)).reason, 'done');
    assert.match(driver.lastRequest(), /Plan mode is on/);
    const { requestId, prompt } = await driver.next('permission/request', (m) => m.prompt.kind === 'plan');
    assert.match(prompt.plan ?? '', /Rename greet/);
    const requests = driver.server.requests.length;
    await sleep(200);
    assert.equal(driver.server.requests.length, requests, 'nothing proceeds before the person approves');
    const since = driver.posted.length;
    driver.dispatch({ type: 'mode/set', mode: 'default' });
    driver.dispatch({ type: 'permission/reply', requestId, reply: { kind: 'allowOnce' } });
    await driver.next('chat/done', () => true, since);
    assert.match(driver.lastRequest(), /The plan is approved/);
    assert.equal(await driver.mode(), 'default');
  });
});
