/**
 * The packaged extension (.vsix) installed into code-server, driven through the workbench as a
 * person would: open the AgentGate view, read the panel, change the permission mode.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listExtensions } from '../support/harness/codeServer';
import { EXTENSION_ID, vsixPath } from '../support/harness/config';
import { expectAttribute, expectText } from '../support/harness/expect';
import { ensureTools } from '../support/harness/install';
import { type Workbench, startWorkbench } from '../support/harness/session';
import { openAgentGateView, statusBarItem } from '../support/harness/workbench';

describe('AgentGate panel (packaged extension in code-server)', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await startWorkbench({ label: 'e2e', vsix: await vsixPath() });
    await workbench.open();
  });

  after(async () => {
    await workbench?.close();
  });

  it('is installed from the VSIX at version 0.1.0', async () => {
    const installed = await listExtensions(await ensureTools(), workbench.sandbox);
    assert.deepEqual(installed, [`${EXTENSION_ID}@0.1.0`]);
  });

  it('opens from the activity bar and shows the version and workspace the host names', async () => {
    await openAgentGateView(workbench.page);
    const panel = workbench.webview();
    // data-connected is set when the host's app/welcome answers the panel's app/hello.
    await expectAttribute(panel.locator('body'), 'data-connected', 'true');
    await panel.getByRole('heading', { name: 'AgentGate' }).waitFor();
    await expectText(panel.locator('.empty-state'), /in “sample-workspace”/);
    // The version the host sent in app/welcome, rendered by the webview.
    await expectText(panel.getByLabel('Version'), /^AgentGate 0\.1\.0$/);
    await panel.getByRole('button', { name: 'Send' }).waitFor();
  });

  it('changes the permission mode through the host (the panel shows only what the host confirms)', async () => {
    const panel = workbench.webview();
    const mode = panel.getByRole('combobox', { name: 'Permission mode' });
    await expectAttribute(mode, 'data-mode', 'default');
    await mode.selectOption({ label: 'Plan' });
    await expectAttribute(mode, 'data-mode', 'plan');
    await expectText(panel.locator('#mode-help'), /^Plan: /);
    await statusBarItem(workbench.page, 'AgentGate: Plan').waitFor();
    await workbench.screenshot('panel-plan-mode');
  });
});
