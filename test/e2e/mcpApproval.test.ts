/**
 * MCP approval in the packaged extension: a repository's .mcp.json server does not start until
 * the person approves it in the modal dialog that shows its full command; once approved, its
 * tool reaches the model as mcp__<server>__<tool>, asks before it runs, and its result goes
 * back to the model.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../support/harness/expect';
import { stdioServer } from '../support/mcpServers';
import { reply, say, toolUse } from '../support/modelServers';
import { lastRequestText, startPanelScenario, type PanelScenario } from './panelScenario';

describe('MCP: a repository server starts only after approval', () => {
  let scenario: PanelScenario;
  let marker: string;

  before(async () => {
    marker = path.join(process.env.TMPDIR ?? '/tmp', `agentgate-e2e-mcp-${process.pid}-${Date.now()}`);
    const definition = stdioServer(['--marker', marker, '--name', 'helper']);
    scenario = await startPanelScenario(
      'e2e-mcp-approval',
      [reply(toolUse('mcp__helper__echo', { text: 'ping' })), say('The helper echoed ping.')],
      { files: { '.mcp.json': JSON.stringify({ mcpServers: { helper: definition } }, null, 2) } },
    );
  });

  after(async () => {
    await scenario?.close();
    await rm(marker, { force: true });
  });

  const dialog = () => scenario.page.getByRole('dialog').filter({ hasText: 'Start the MCP server "helper"' });

  it('asks before starting the server, showing its full command, and has not started it yet', async () => {
    await scenario.send('Use the helper to echo ping');
    await dialog().waitFor({ timeout: 60_000 });
    const text = await dialog().innerText();
    assert.match(text, /stdioServer\.mjs/);
    assert.match(text, /--marker/);
    assert.equal(existsSync(marker), false, 'the server ran before it was approved');
    await scenario.screenshot('mcp-approval-dialog');
  });

  it('starts it once approved; its tool asks, runs, and the result reaches the model', async () => {
    await dialog().getByRole('button', { name: 'Approve', exact: true }).click();
    await eventually(async () => existsSync(marker), (started) => started, 'the approved server to start', 60_000);
    await scenario.panel().getByRole('button', { name: 'Allow once', exact: true }).click({ timeout: 60_000 });
    await scenario.requests(2);
    await scenario.idle();
    assert.match(lastRequestText(scenario.server), /echo: ping/);
    await scenario.screenshot('mcp-tool-ran');
  });
});
