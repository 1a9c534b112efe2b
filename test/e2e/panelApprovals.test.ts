/**
 * Scenarios (b) and (c): a shell command asks in the panel. "Always allow" saves the suggested
 * rule to .claude/settings.local.json and the same command then runs without asking; "Deny"
 * with feedback sends that feedback to the model in its next request.
 */
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../support/harness/expect';
import { reply, say, toolUse } from '../support/modelServers';
import { lastRequestText, startPanelScenario, type PanelScenario } from './panelScenario';

const COMMAND = 'node index.js';

describe('panel: approval prompts for shell commands', () => {
  let scenario: PanelScenario;

  before(async () => {
    scenario = await startPanelScenario('e2e-panel-approvals', [
      reply(toolUse('Bash', { command: COMMAND, description: 'Run the sample' })),
      say('It ran.'),
      reply(toolUse('Bash', { command: COMMAND })),
      say('It ran again, without asking.'),
      reply(toolUse('Bash', { command: 'touch notes.txt' })),
      say('All right, I will not create it.'),
    ]);
  });

  after(async () => {
    await scenario?.close();
  });

  it('shows the exact command, what it does and why it asks', async () => {
    await scenario.send('Run the sample');
    const prompt = scenario.panel().getByRole('group', { name: 'Run a shell command' });
    await prompt.waitFor();
    assert.equal(await prompt.getByLabel('Command').innerText(), COMMAND);
    assert.match(await prompt.innerText(), /What it does\s+Runs node index\.js\./);
    assert.match(await prompt.innerText(), /Why AgentGate asks\s+No rule allows node index\.js\./);
    for (const name of ['Allow once', 'Always allow', 'Deny']) await prompt.getByRole('button', { name, exact: true }).waitFor();
    await scenario.screenshot('b1-prompt');
  });

  it('"Always allow" writes the rule to .claude/settings.local.json; the same command then runs without a prompt', async () => {
    const panel = scenario.panel();
    const prompt = panel.getByRole('group', { name: 'Run a shell command' });
    await prompt.getByRole('button', { name: 'Always allow', exact: true }).click();
    const rule = prompt.getByRole('textbox', { name: 'Rule to save (you can edit it)' });
    assert.equal(await rule.inputValue(), 'Bash(node index.js:*)');
    await prompt.getByRole('radio', { name: /Only me, in this workspace/ }).waitFor();
    await scenario.screenshot('b2-always-allow');
    await prompt.getByRole('button', { name: 'Save rule and allow', exact: true }).click();
    await scenario.idle();
    const settings = JSON.parse(await readFile(path.join(scenario.workspace, '.claude', 'settings.local.json'), 'utf8')) as { permissions: { allow: string[] } };
    assert.deepEqual(settings.permissions.allow, ['Bash(node index.js:*)']);

    await scenario.send('Run it again');
    await panel.getByText('It ran again, without asking.').waitFor();
    assert.equal(await panel.getByRole('group', { name: 'Run a shell command' }).count(), 0, 'no prompt the second time');
    assert.match(lastRequestText(scenario.server), /Hello, World!|tool_result/);
    await scenario.screenshot('b3-ran-without-prompt');
  });

  it('"Deny" with feedback: the feedback reaches the model’s next request', async () => {
    const panel = scenario.panel();
    await scenario.send('Create a notes file');
    const prompt = panel.getByRole('group', { name: 'Run a shell command' });
    await prompt.getByRole('textbox', { name: 'Feedback if you deny (sent to the model)' }).fill('Keep notes in the README instead');
    await scenario.screenshot('c1-deny-feedback');
    await prompt.getByRole('button', { name: 'Deny', exact: true }).click();
    await scenario.idle();
    await scenario.requests(6);
    assert.match(lastRequestText(scenario.server), /Keep notes in the README instead/);
    await eventually(() => panel.getByText(/Denied, with your feedback/).count(), (n) => n > 0, 'the denial recorded in the panel');
    await scenario.screenshot('c2-denied');
  });
});
