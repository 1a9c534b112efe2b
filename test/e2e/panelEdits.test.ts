/**
 * Scenario (a): the model proposes an edit in Default mode. The diff opens in VS Code's diff
 * editor; "Accept" (editor title) changes the file. A second proposal is rejected from the
 * panel: the file stays as it was and the model is told.
 */
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../support/harness/expect';
import { reply, say, toolUse } from '../support/modelServers';
import { editorTitleButton, lastRequestText, startPanelScenario, type PanelScenario } from './panelScenario';

describe('panel: edits in Default mode open the diff editor', () => {
  let scenario: PanelScenario;
  let file: string;

  before(async () => {
    scenario = await startPanelScenario('e2e-panel-edits', []);
    file = path.join(scenario.workspace, 'index.js');
    scenario.server.push(
      reply('I will read the file first.', toolUse('Read', { file_path: file })),
      reply(toolUse('Edit', { file_path: file, old_string: 'Hello, ${name}!', new_string: 'Welcome, ${name}!' })),
      say('The greeting now says Welcome.'),
      reply(toolUse('Edit', { file_path: file, old_string: 'function greet', new_string: 'function salute' })),
      say('Understood, I left the name alone.'),
    );
  });

  after(async () => {
    await scenario?.close();
  });

  it('Accept in the diff editor applies the proposal to the file', async () => {
    await scenario.send('Make the greeting say Welcome');
    const panel = scenario.panel();
    await panel.getByRole('button', { name: 'Accept', exact: true }).waitFor();
    const diffTab = scenario.page.getByRole('tab', { name: /index\.js: current ↔ AgentGate’s proposal/ });
    await diffTab.waitFor();
    await scenario.screenshot('a1-diff-open');
    assert.match(await readFile(file, 'utf8'), /Hello, \$\{name\}!/, 'nothing changes before Accept');
    await diffTab.click();
    await editorTitleButton(scenario.page, /^Accept/).click();
    await scenario.idle();
    assert.match(await readFile(file, 'utf8'), /Welcome, \$\{name\}!/);
    await panel.getByText('The greeting now says Welcome.').waitFor();
    await diffTab.waitFor({ state: 'detached' });
    await scenario.screenshot('a2-accepted');
  });

  it('Reject in the panel leaves the file unchanged and the model is told', async () => {
    const before = await readFile(file, 'utf8');
    await scenario.send('Rename greet to salute');
    const panel = scenario.panel();
    await panel.getByRole('button', { name: 'Reject', exact: true }).click();
    await scenario.idle();
    assert.equal(await readFile(file, 'utf8'), before);
    await scenario.requests(5);
    assert.match(lastRequestText(scenario.server), /The person denied this action/);
    await eventually(async () => (await panel.getByText('rejected').count()) > 0, Boolean, 'the edit listed as rejected');
    await scenario.screenshot('a3-rejected');
  });
});
