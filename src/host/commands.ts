/** The extension's commands, registered in one place (ids match package.json contributes). */
import * as vscode from 'vscode';
import type { ChatController } from './chat/chatController';
import type { EditReview } from './edits/editReview';
import type { ModeController } from './mode/modeController';
import type { ApiKeyStore } from './secrets/apiKeyStore';

export interface CommandDeps {
  chat: ChatController;
  edits: EditReview;
  modes: ModeController;
  apiKeys: ApiKeyStore;
  focusPanel(): Thenable<unknown>;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const edit = (run: (editId: string) => Promise<void>) => async (uri?: vscode.Uri) => {
    const editId = deps.edits.editIdFor(uri);
    if (!editId) {
      void vscode.window.showInformationMessage('AgentGate: this editor does not show an edit waiting for review.');
      return;
    }
    await run(editId);
  };
  return [
    vscode.commands.registerCommand('agentgate.openChat', () => deps.focusPanel()),
    vscode.commands.registerCommand('agentgate.setApiKey', async () => {
      if (await deps.apiKeys.promptAndStore()) void vscode.window.showInformationMessage('AgentGate: API key stored in VS Code’s secret storage.');
    }),
    vscode.commands.registerCommand('agentgate.clearApiKey', async () => {
      await deps.apiKeys.clear();
      void vscode.window.showInformationMessage('AgentGate: the stored API key was removed.');
    }),
    vscode.commands.registerCommand('agentgate.cycleMode', () => deps.modes.cycle()),
    vscode.commands.registerCommand('agentgate.newSession', () => deps.chat.newSession()),
    vscode.commands.registerCommand('agentgate.stop', () => deps.chat.stop()),
    vscode.commands.registerCommand('agentgate.acceptEdit', edit((editId) => deps.edits.accept(editId))),
    vscode.commands.registerCommand('agentgate.rejectEdit', edit((editId) => deps.edits.reject(editId))),
    vscode.commands.registerCommand('agentgate.acceptAllEdits', () => deps.edits.acceptAll()),
    vscode.commands.registerCommand('agentgate.rejectAllEdits', () => deps.edits.rejectAll()),
  ];
}
