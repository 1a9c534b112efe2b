/** The status-bar item showing the permission mode; clicking it cycles to the next mode. */
import * as vscode from 'vscode';
import type { PermissionMode } from '../../core/settings/types';
import { MODE_LABEL, MODE_SUMMARY } from '../../protocol/modes';

const ICON: Record<PermissionMode, string> = {
  default: '$(shield)',
  acceptEdits: '$(edit)',
  plan: '$(checklist)',
  bypassPermissions: '$(warning)',
};

export function createModeStatusItem(): { item: vscode.StatusBarItem; show(mode: PermissionMode): void } {
  const item = vscode.window.createStatusBarItem('agentgate.mode', vscode.StatusBarAlignment.Right, 100);
  item.name = 'AgentGate permission mode';
  item.command = 'agentgate.cycleMode';
  const show = (mode: PermissionMode) => {
    item.text = `${ICON[mode]} AgentGate: ${MODE_LABEL[mode]}`;
    item.tooltip = `AgentGate permission mode: ${MODE_LABEL[mode]}. ${MODE_SUMMARY[mode]} Click to switch mode.`;
    item.accessibilityInformation = { label: `AgentGate permission mode ${MODE_LABEL[mode]}. Click to switch mode.` };
    item.backgroundColor =
      mode === 'bypassPermissions' ? new vscode.ThemeColor('statusBarItem.errorBackground') : mode === 'acceptEdits' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  return { item, show };
}
