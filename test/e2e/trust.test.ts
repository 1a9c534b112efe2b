/**
 * Trust before action, in the packaged extension: a repository's own allow rule does nothing
 * until the person trusts the folder. The first time the agent acts, a modal dialog asks; "Don't
 * Trust" keeps the rule ignored (the command asks in the panel), and trusting the folder later
 * from the panel's banner makes the same rule apply.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../support/harness/expect';
import { reply, say, toolUse } from '../support/modelServers';
import { startPanelScenario, type PanelScenario } from './panelScenario';

const COMMAND = 'touch made-by-agent.txt';

describe('trust: the folder trust dialog gates the repository\'s own rules', () => {
  let scenario: PanelScenario;

  before(async () => {
    scenario = await startPanelScenario(
      'e2e-trust',
      [reply(toolUse('Bash', { command: COMMAND })), say('I could not run it.'), reply(toolUse('Bash', { command: COMMAND })), say('Created it.')],
      { trustedFolders: [], files: { '.claude/settings.json': JSON.stringify({ permissions: { allow: [`Bash(${COMMAND})`] } }, null, 2) } },
    );
  });

  after(async () => {
    await scenario?.close();
  });

  const dialog = () => scenario.page.getByRole('dialog').filter({ hasText: 'Do you trust the code in' });
  const trustFile = () => path.join(scenario.workbench.sandbox.home, '.agentgate', 'trust.json');

  it('says in the panel that the folder is not trusted yet', async () => {
    await scenario.panel().getByRole('region', { name: 'Folder not trusted' }).waitFor();
    await scenario.screenshot('untrusted-banner');
  });

  it('attack: the repository\'s allow rule is ignored when the person does not trust the folder', async () => {
    await scenario.send('Create the file');
    await dialog().waitFor({ timeout: 60_000 });
    assert.match(await dialog().innerText(), /MCP servers in its \.mcp\.json/);
    await scenario.screenshot('trust-dialog');
    await dialog().getByRole('button', { name: "Don't Trust" }).click();
    const prompt = scenario.panel().getByRole('group', { name: 'Run a shell command' });
    await prompt.waitFor({ timeout: 60_000 });
    await prompt.getByRole('button', { name: 'Deny', exact: true }).click();
    await scenario.idle();
    assert.equal(existsSync(path.join(scenario.workspace, 'made-by-agent.txt')), false);
    const folders = (JSON.parse(await readFile(trustFile(), 'utf8')) as { folders: Record<string, { trusted: boolean }> }).folders;
    assert.equal(folders[await realpath(scenario.workspace)]?.trusted, false);
  });

  it('trusting the folder later from the panel makes the repository\'s rule apply', async () => {
    await scenario.panel().getByRole('button', { name: 'Trust Folder…' }).click();
    await dialog().getByRole('button', { name: 'Trust Folder' }).click();
    await eventually(() => scenario.panel().getByRole('region', { name: 'Folder not trusted' }).count(), (n) => n === 0, 'the banner to go');
    await scenario.send('Try again');
    await scenario.requests(4);
    await scenario.idle();
    assert.equal(existsSync(path.join(scenario.workspace, 'made-by-agent.txt')), true);
    await scenario.screenshot('trusted');
  });
});
