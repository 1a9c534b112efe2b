/**
 * Scenario (d): in Accept Edits mode three file edits apply without a prompt and are listed with
 * Review and Undo; a shell command still asks.
 */
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../support/harness/expect';
import { reply, say, toolUse } from '../support/modelServers';
import { startPanelScenario, type PanelScenario } from './panelScenario';

describe('panel: Accept Edits mode', () => {
  let scenario: PanelScenario;
  const files = ['notes/one.md', 'notes/two.md', 'notes/three.md'];

  before(async () => {
    scenario = await startPanelScenario('e2e-panel-accept-edits', []);
    scenario.server.push(
      reply(...files.map((file, index) => toolUse('Write', { file_path: path.join(scenario.workspace, file), content: `# Note ${index + 1}\n` }))),
      reply(toolUse('Bash', { command: 'node index.js' })),
      say('Wrote three notes and ran the sample.'),
    );
  });

  after(async () => {
    await scenario?.close();
  });

  it('applies three edits without prompts, lists them, and still asks before a command', async () => {
    const panel = scenario.panel();
    await panel.getByRole('combobox', { name: 'Permission mode' }).selectOption('acceptEdits');
    await eventually(() => scenario.page.getByText('AgentGate: Accept Edits').count(), (n) => n > 0, 'the status bar to show Accept Edits');
    await scenario.send('Write three notes, then run the sample');
    const prompt = panel.getByRole('group', { name: 'Run a shell command' });
    await prompt.waitFor();
    for (const [index, file] of files.entries()) assert.equal(await readFile(path.join(scenario.workspace, file), 'utf8'), `# Note ${index + 1}\n`);
    assert.equal(await panel.getByRole('button', { name: 'Accept', exact: true }).count(), 0, 'no edit waited for review');
    const edits = panel.getByRole('button', { name: 'Edits this session (3)' });
    assert.equal(await edits.getAttribute('aria-expanded'), 'false', 'applied edits are listed folded');
    await edits.click();
    assert.equal(await panel.getByRole('button', { name: 'Undo', exact: true }).count(), 3);
    assert.equal(await panel.getByRole('button', { name: 'Review', exact: true }).count(), 3);
    await scenario.screenshot('d1-edits-applied-command-asks');
    await edits.click();
    await prompt.getByRole('button', { name: 'Allow once', exact: true }).click();
    await panel.getByText('Wrote three notes and ran the sample.').waitFor();
    await scenario.idle();
    await scenario.screenshot('d2-done');
  });
});
