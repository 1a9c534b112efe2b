/**
 * Approval prompts in the real extension host: the prompt carries the exact command, the
 * engine's description, reason and suggestion; the agent waits for the answer; "Allow once",
 * "Always allow" (saved to .claude/settings.local.json, then no prompt) and "Deny" with feedback
 * (the model's next request carries it); a pending prompt survives the webview being re-created.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { reply, say, toolUse } from '../support/modelServers';
import { PanelDriver, workspaceFolder } from './panelDriver';

describe('panel approvals (extension host)', () => {
  let driver: PanelDriver;
  const command = 'node scratch-approvals.js';

  before(async () => {
    driver = await PanelDriver.start();
    await driver.scratchFile('scratch-approvals.js', "console.log('the sample ran');\n");
    for (const name of ['.claude', '.gitignore']) {
      const file = path.join(workspaceFolder(), name);
      if (!existsSync(file)) driver.cleanUpLater(file);
    }
  });

  afterEach(async () => {
    await driver.newSession();
  });

  after(async () => {
    await driver?.close();
  });

  it('asks with the command, description, reason and suggestion; the agent waits; "Allow once" runs it', async () => {
    driver.server.push(reply(toolUse('Bash', { command })), say('It ran.'));
    const turn = driver.send('Run the sample');
    const { requestId, prompt } = await driver.prompt(turn);
    assert.equal(prompt.kind, 'bash');
    assert.equal(prompt.title, 'Run a shell command');
    assert.equal(prompt.subject, command);
    assert.equal(prompt.description, `Runs \`${command}\`.`);
    assert.match(prompt.reason, /No rule allows/);
    assert.deepEqual(prompt.suggestions, [`Bash(${command}:*)`]);
    assert.deepEqual(prompt.scopeFiles, { local: '.claude/settings.local.json', project: '.claude/settings.json' });
    assert.equal((await driver.next('pending/count', (m) => m.count === 1)).count, 1);
    const requests = driver.server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(driver.server.requests.length, requests, 'the agent waits for the answer');

    driver.dispatch({ type: 'permission/reply', requestId, reply: { kind: 'allowOnce' } });
    assert.equal((await driver.done(turn)).reason, 'done');
    assert.match(driver.lastRequest(), /the sample ran/);
    const resolved = await driver.next('permission/resolved', (m) => m.requestId === requestId);
    assert.equal(resolved.outcome, 'allowOnce');
  });

  it('refuses an invalid "Always allow" rule and keeps the prompt; a valid one is saved and the next identical command runs without asking', async () => {
    driver.server.push(reply(toolUse('Bash', { command })), say('Saved and ran.'), reply(toolUse('Bash', { command })), say('Ran without asking.'));
    const turn = driver.send('Run it and remember');
    const { requestId } = await driver.prompt(turn);
    const requests = driver.server.requests.length;
    driver.dispatch({ type: 'permission/reply', requestId, reply: { kind: 'allowAlways', rule: 'Bash(node', scope: 'local' } });
    const error = await driver.next('permission/error', (m) => m.requestId === requestId);
    assert.match(error.error, /does not end with "\)"/);
    assert.equal(driver.server.requests.length, requests, 'still waiting after the invalid rule');

    driver.dispatch({ type: 'permission/reply', requestId, reply: { kind: 'allowAlways', rule: `Bash(${command}:*)`, scope: 'local' } });
    assert.equal((await driver.done(turn)).reason, 'done');
    const saved = JSON.parse(await readFile(path.join(workspaceFolder(), '.claude', 'settings.local.json'), 'utf8')) as { permissions: { allow: string[] } };
    assert.deepEqual(saved.permissions.allow, [`Bash(${command}:*)`]);

    const second = driver.send('Run it again');
    assert.equal((await driver.done(second)).reason, 'done');
    assert.equal(driver.posted.filter((m) => m.type === 'permission/request' && m.turnId === second).length, 0, 'no prompt the second time');
    assert.match(driver.lastRequest(), /the sample ran/);
  });

  it('"Deny" with feedback: the model is told, with the feedback, in its next request', async () => {
    driver.server.push(reply(toolUse('Bash', { command: 'touch scratch-notes.txt' })), say('I will not.'));
    const turn = driver.send('Create notes');
    const { requestId } = await driver.prompt(turn);
    driver.dispatch({ type: 'permission/reply', requestId, reply: { kind: 'deny', feedback: 'Keep notes in the README instead' } });
    assert.equal((await driver.done(turn)).reason, 'done');
    const body = driver.lastRequest();
    assert.match(body, /The person denied this action/);
    assert.match(body, /Keep notes in the README instead/);
    assert.equal(existsSync(path.join(workspaceFolder(), 'scratch-notes.txt')), false);
    const card = await driver.next('chat/tool', (m) => m.requestId === turn && m.card.status === 'denied');
    assert.equal(card.card.detail, 'touch scratch-notes.txt');
  });

  it('a pending prompt survives the webview being re-created and can still be answered', async () => {
    driver.server.push(reply(toolUse('Bash', { command: 'touch scratch-later.txt' })), say('Fine.'));
    driver.cleanUpLater(path.join(workspaceFolder(), 'scratch-later.txt'));
    const turn = driver.send('Create a file later');
    const { requestId } = await driver.prompt(turn);
    await vscode.commands.executeCommand('workbench.view.explorer');
    const since = driver.posted.length;
    await vscode.commands.executeCommand('agentgate.openChat');
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    await driver.next('transcript/reset', () => true, since);
    const replayed = await driver.next('permission/request', (m) => m.requestId === requestId, since);
    assert.equal(replayed.prompt.subject, 'touch scratch-later.txt');
    driver.dispatch({ type: 'permission/reply', requestId, reply: { kind: 'allowOnce' } });
    assert.equal((await driver.done(turn)).reason, 'done');
    assert.equal(existsSync(path.join(workspaceFolder(), 'scratch-later.txt')), true);
  });
});
