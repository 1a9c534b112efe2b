/**
 * Edits in Default mode, in the real extension host: each proposal opens VS Code's diff editor
 * (read-only original, editable proposal); Accept and Reject from the editor-title commands;
 * the person's own changes to a proposal are applied and reported to the model; a file changed
 * since the model read it is never overwritten.
 */
import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import { reply, say, toolUse } from '../support/modelServers';
import { noProposalTabs, PanelDriver, proposalTab } from './panelDriver';

const ORIGINAL = "export const greeting = 'Hello';\nexport const farewell = 'Bye';\n";

describe('panel edits in Default mode (extension host)', () => {
  let driver: PanelDriver;
  let file: string;

  before(async () => {
    driver = await PanelDriver.start();
    file = await driver.scratchFile('scratch-edits.js', ORIGINAL);
  });

  beforeEach(async () => {
    await noProposalTabs();
    await writeFile(file, ORIGINAL);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await driver?.close();
  });

  /** The model reads the file, then proposes replacing `from` with `to`. */
  function proposeEdit(from: string, to: string): void {
    driver.server.push(reply(toolUse('Read', { file_path: file })), reply(toolUse('Edit', { file_path: file, old_string: from, new_string: to })), say('Done.'));
  }

  it('opens the diff (original left, proposal right) and Accept applies it', async () => {
    proposeEdit("'Hello'", "'Welcome'");
    const turn = driver.send('Say welcome');
    const diff = await proposalTab();
    assert.equal(diff.original.scheme, 'agentgate-original');
    assert.equal((await vscode.workspace.openTextDocument(diff.original)).getText(), ORIGINAL);
    assert.match((await vscode.workspace.openTextDocument(diff.modified)).getText(), /'Welcome'/);
    assert.equal(await readFile(file, 'utf8'), ORIGINAL, 'nothing changes before Accept');
    const pending = driver.edits().find((edit) => edit.status === 'pending');
    assert.ok(pending, 'the panel lists the pending edit');
    assert.deepEqual([pending.path, pending.added, pending.removed], ['scratch-edits.js', 1, 1]);

    await vscode.commands.executeCommand('agentgate.acceptEdit', diff.modified);
    assert.equal((await driver.done(turn)).reason, 'done');
    assert.equal(await readFile(file, 'utf8'), ORIGINAL.replace("'Hello'", "'Welcome'"));
    assert.equal(driver.edits()[0]?.status, 'applied');
  });

  it('Reject leaves the file unchanged and the model is told', async () => {
    proposeEdit("'Bye'", "'Ciao'");
    const turn = driver.send('Say ciao');
    const diff = await proposalTab();
    await vscode.commands.executeCommand('agentgate.rejectEdit', diff.modified);
    assert.equal((await driver.done(turn)).reason, 'done');
    assert.equal(await readFile(file, 'utf8'), ORIGINAL);
    assert.match(driver.lastRequest(), /The person denied this action/);
  });

  it('applies the person’s changes to the proposal and tells the model what they changed', async () => {
    proposeEdit("'Hello'", "'Welcome'");
    const turn = driver.send('Say welcome');
    const diff = await proposalTab();
    const proposal = await vscode.workspace.openTextDocument(diff.modified);
    const edit = new vscode.WorkspaceEdit();
    const start = proposal.getText().indexOf("'Welcome'");
    edit.replace(diff.modified, new vscode.Range(proposal.positionAt(start), proposal.positionAt(start + "'Welcome'".length)), "'Welcome back'");
    assert.ok(await vscode.workspace.applyEdit(edit));
    const since = driver.posted.length;
    driver.dispatch({ type: 'edit/accept', editId: driver.edits()[0]!.editId });
    assert.equal((await driver.done(turn)).reason, 'done');
    assert.equal(await readFile(file, 'utf8'), ORIGINAL.replace("'Hello'", "'Welcome back'"));
    const body = driver.lastRequest();
    assert.match(body, /after changing your proposal/);
    assert.match(body, /Welcome back/);
    const card = await driver.next('chat/tool', (m) => m.requestId === turn && m.card.tool === 'Edit' && m.card.status === 'done', since);
    assert.match(card.card.decision ?? '', /with your changes/);
  });

  it('does not overwrite a file that changed on disk since the model read it, and says so', async () => {
    proposeEdit("'Hello'", "'Welcome'");
    const turn = driver.send('Say welcome');
    const diff = await proposalTab();
    const changed = ORIGINAL.replace('Bye', 'See you');
    await writeFile(file, changed);
    await vscode.commands.executeCommand('agentgate.acceptEdit', diff.modified);
    assert.equal((await driver.done(turn)).reason, 'done');
    assert.equal(await readFile(file, 'utf8'), changed);
    const edit = driver.edits()[0]!;
    assert.equal(edit.status, 'conflict');
    assert.match(edit.note ?? '', /changed on disk since the model read it/);
    assert.match(driver.lastRequest(), /The edit was not applied/);
  });

  it('does not overwrite unsaved changes in an open editor', async () => {
    proposeEdit("'Hello'", "'Welcome'");
    const turn = driver.send('Say welcome');
    const diff = await proposalTab();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    while (doc.getText() !== ORIGINAL) await sleep(20);
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '// typed by the person\n')));
    assert.equal(doc.isDirty, true);
    await vscode.commands.executeCommand('agentgate.acceptEdit', diff.modified);
    assert.equal((await driver.done(turn)).reason, 'done');
    assert.equal(doc.getText(), `// typed by the person\n${ORIGINAL}`, 'the unsaved text is kept');
    assert.equal(await readFile(file, 'utf8'), ORIGINAL);
    assert.match(driver.edits()[0]!.note ?? '', /in an open editor \(unsaved changes\)/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(doc.isDirty, false);
  });
});
