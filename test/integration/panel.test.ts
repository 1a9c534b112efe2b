import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type AgentGateApi } from '../../src/extension';
import { activateAgentGate, nextTraffic, received, sent } from './helpers/agentGate';
import { ui } from './helpers/ui';

/** Waits for the webview's next hello and the host's delivered welcome answering it. */
async function expectRoundTrip(api: AgentGateApi, cause: () => Thenable<unknown>) {
  const hello = nextTraffic(api, received('app/hello'), 'app/hello from the webview');
  await cause();
  const { message } = await hello;
  const welcome = await nextTraffic(api, sent('app/welcome', message.requestId), `app/welcome for ${message.requestId}`);
  return { hello: message, welcome };
}

describe('chat panel', () => {
  let api: AgentGateApi;

  before(async () => {
    api = await activateAgentGate();
  });

  it('agentgate.openChat resolves the view, whose webview says hello and is welcomed', async () => {
    const { hello, welcome } = await expectRoundTrip(api, () => vscode.commands.executeCommand('agentgate.openChat'));
    assert.ok(hello.requestId.length > 0);
    assert.equal(welcome.delivered, true, 'the welcome reached the visible webview');
    assert.deepEqual(welcome.message, {
      type: 'app/welcome',
      requestId: hello.requestId,
      version: api.version,
      workspaceName: 'sample-workspace',
    });
  });

  it('the webview renders the panel: empty state, mode control and composer', async function () {
    if (!ui.available) this.skip(); // Needs the runner's browser (npm run test:integration).
    await vscode.commands.executeCommand('agentgate.openChat');
    assert.equal(await ui.text('heading', 'AgentGate'), 'AgentGate');
    assert.match(await ui.text('button', 'Send'), /Send/);
  });

  it('a reloaded webview says hello again and is welcomed', async () => {
    await vscode.commands.executeCommand('agentgate.openChat');
    const { welcome } = await expectRoundTrip(api, () =>
      vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction'),
    );
    assert.equal(welcome.delivered, true);
    assert.equal(welcome.message.workspaceName, 'sample-workspace');
  });
});
