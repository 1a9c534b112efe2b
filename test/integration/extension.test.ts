import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateAgentGate, agentGateExtension } from './helpers/agentGate';

interface Manifest {
  version: string;
  contributes: { commands: { command: string }[] };
}

describe('AgentGate extension', () => {
  it('activates and exports its API', async () => {
    const extension = agentGateExtension();
    const api = await activateAgentGate();
    assert.equal(extension.isActive, true);
    assert.equal(api.version, (extension.packageJSON as Manifest).version);
    assert.match(api.version, /^\d+\.\d+\.\d+/);
    assert.equal(typeof api.onDidPanelExchange, 'function');
    assert.deepEqual(Object.keys(api).sort(), ['onDidPanelExchange', 'version']);
  });

  it('registers every command its manifest contributes', async () => {
    await activateAgentGate();
    const contributed = (agentGateExtension().packageJSON as Manifest).contributes.commands.map((c) => c.command);
    assert.ok(contributed.includes('agentgate.openChat'), 'the manifest contributes agentgate.openChat');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('runs in the workspace the tests opened', () => {
    assert.equal(vscode.workspace.name, 'sample-workspace');
  });
});
