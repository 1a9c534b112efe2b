/** Small workbench actions the panel asks for: copy, open a link, open a file, set-up steps. */
import * as vscode from 'vscode';
import type { SetupAction } from '../protocol/messages';
import { resolveInWorkspace } from './chat/workspaceContext';

const SAFE_LINK = /^(https?:|mailto:)/i;

export function createWorkbenchActions(log: vscode.LogOutputChannel) {
  return {
    async copy(text: string): Promise<void> {
      await vscode.env.clipboard.writeText(text);
    },
    async openLink(href: string): Promise<void> {
      if (!SAFE_LINK.test(href.trim())) {
        log.warn(`Refused to open a link that is not http(s) or mailto: ${href.slice(0, 200)}`);
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(href.trim(), true));
    },
    async openFile(relative: string): Promise<void> {
      const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
      const absolute = resolveInWorkspace(relative, folders);
      if (!absolute) {
        log.warn(`Refused to open ${relative}: it is not inside the workspace.`);
        return;
      }
      await vscode.window.showTextDocument(vscode.Uri.file(absolute), { preview: true });
    },
  };
}

export async function runSetupAction(action: SetupAction, deps: { log: vscode.LogOutputChannel; trustFolder(): Promise<unknown> }): Promise<void> {
  const { log } = deps;
  switch (action) {
    case 'setApiKey':
      await vscode.commands.executeCommand('agentgate.setApiKey');
      return;
    case 'manageTrust':
      await vscode.commands.executeCommand('workbench.trust.manage');
      return;
    case 'trustFolder':
      await deps.trustFolder();
      return;
    case 'showLog':
      log.show();
      return;
  }
}
