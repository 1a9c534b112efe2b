import * as vscode from 'vscode';
import { version } from './core/version';
import { ChatViewProvider, type PanelTraffic } from './panel/chatViewProvider';

/** What `activate` returns: read by integration tests through `extension.exports`. */
export interface AgentGateApi {
  readonly version: string;
  readonly onDidPanelExchange: vscode.Event<PanelTraffic>;
}

/** Composition root: build the services, register views and commands, keep the disposables. */
export function activate(context: vscode.ExtensionContext): AgentGateApi {
  const log = vscode.window.createOutputChannel('AgentGate', { log: true });
  const chat = new ChatViewProvider({
    extensionUri: context.extensionUri,
    version,
    log,
    workspaceName: () => vscode.workspace.name ?? null,
  });
  context.subscriptions.push(
    log,
    chat,
    vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, chat, {
      webviewOptions: { retainContextWhenHidden: true },
    }),
    vscode.commands.registerCommand('agentgate.openChat', () =>
      vscode.commands.executeCommand(`${ChatViewProvider.viewId}.focus`),
    ),
  );
  log.info(`AgentGate ${version} activated`);
  return { version, onDidPanelExchange: chat.onDidExchange };
}

export function deactivate(): void {
  // Everything started here is in context.subscriptions and disposed by VS Code.
}
