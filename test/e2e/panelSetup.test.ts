/**
 * The packaged extension with no provider configured: the panel is never blank. It says how to
 * connect a provider, and "Set API key" stores a key in VS Code's secret storage, after which
 * the panel is ready to send.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { vsixPath } from '../support/harness/config';
import { eventually } from '../support/harness/expect';
import { type Workbench, startWorkbench } from '../support/harness/session';
import { openAgentGateView } from '../support/harness/workbench';

describe('panel set-up: no provider configured', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await startWorkbench({ label: 'e2e-panel-setup', vsix: await vsixPath() });
    await workbench.open();
  });

  after(async () => {
    await workbench?.close();
  });

  it('explains how to connect a provider, and Send waits for one', async () => {
    await openAgentGateView(workbench.page);
    await workbench.page.mouse.move(800, 500);
    const panel = workbench.webview();
    const banner = panel.getByRole('region', { name: 'No model provider configured' });
    await banner.waitFor();
    const text = await banner.innerText();
    assert.match(text, /secret storage/);
    assert.match(text, /CLAUDE_CODE_USE_BEDROCK=1/);
    assert.match(text, /CLAUDE_CODE_USE_VERTEX=1/);
    assert.equal(await panel.getByRole('button', { name: 'Send', exact: true }).isDisabled(), true);
    await workbench.screenshot('no-provider');
  });

  it('"Set API key" stores a key in secret storage and the panel becomes ready', async () => {
    const panel = workbench.webview();
    await panel.getByRole('button', { name: 'Set API key', exact: true }).click();
    const input = workbench.page.locator('.quick-input-widget input');
    await input.waitFor();
    assert.equal(await input.getAttribute('type'), 'password');
    await input.fill('sk-ant-e2e-test-key');
    await input.press('Enter');
    await panel.getByRole('region', { name: 'No model provider configured' }).waitFor({ state: 'detached' });
    await eventually(() => panel.getByRole('button', { name: 'Send', exact: true }).isDisabled(), (disabled) => !disabled, 'Send to be enabled');
    await workbench.screenshot('ready');
  });
});
