/**
 * The "MCP Servers" tree (view `agentgate.mcpServers`): each server with its state, its tools as
 * children, and for a failed server the reason and the tail of its stderr. Folders are shown as
 * the top level only in a multi-root workspace. `contextValue` is `mcpServer:<state>:<scope>`,
 * which the inline approve / revoke / restart actions in package.json match on.
 */
import path from 'node:path';
import * as vscode from 'vscode';
import type { McpToolSummary, ServerState, ServerStatus } from '../../core/mcp/types';
import { SCOPE_LABEL } from '../../core/mcp/types';
import { RESTRICTED_MODE_MESSAGE } from '../trust/folderTrust';
import type { FolderMcpState, McpHostService } from './mcpHostService';

export type McpTreeNode =
  | { kind: 'folder'; folder: string; state: FolderMcpState }
  | { kind: 'server'; folder: string; status: ServerStatus }
  | { kind: 'tool'; tool: McpToolSummary }
  | { kind: 'stderr'; status: ServerStatus }
  | { kind: 'line'; text: string; icon?: string };

export const STATE_LABEL: Record<ServerState, string> = {
  awaitingApproval: 'awaiting approval',
  blockedByPolicy: 'blocked by policy',
  disabled: 'disabled',
  untrustedWorkspace: 'folder not trusted',
  ready: 'ready',
  starting: 'starting',
  running: 'running',
  failed: 'failed',
  stopped: 'stopped',
};

const STATE_ICON: Record<ServerState, vscode.ThemeIcon> = {
  awaitingApproval: new vscode.ThemeIcon('shield', new vscode.ThemeColor('list.warningForeground')),
  blockedByPolicy: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.errorForeground')),
  disabled: new vscode.ThemeIcon('circle-slash'),
  untrustedWorkspace: new vscode.ThemeIcon('lock'),
  ready: new vscode.ThemeIcon('circle-outline'),
  starting: new vscode.ThemeIcon('loading~spin'),
  running: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  stopped: new vscode.ThemeIcon('debug-stop'),
};

function tooltip(status: ServerStatus): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${status.name}** — ${STATE_LABEL[status.state]}\n\n`);
  md.appendText(`${SCOPE_LABEL[status.scope]}: ${status.file}\n\n`);
  md.appendText(`${status.transport === 'stdio' ? 'Runs' : 'Connects to'}: ${status.target}\n\n`);
  md.appendText(status.reason);
  if (status.stderrTail.length > 0) md.appendCodeblock(status.stderrTail.join('\n'), 'text');
  return md;
}

export class McpTreeProvider implements vscode.TreeDataProvider<McpTreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<McpTreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly service: McpHostService) {
    this.subscription = service.onDidChange(() => this.emitter.fire(undefined));
  }

  getTreeItem(node: McpTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(path.basename(node.folder), vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.folder;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.contextValue = 'mcpFolder';
        return item;
      }
      case 'server': {
        const { status } = node;
        const expandable = status.tools.length > 0 || status.stderrTail.length > 0 || status.state !== 'running';
        const item = new vscode.TreeItem(status.name, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `${node.folder}\0${status.name}`;
        item.description = `${STATE_LABEL[status.state]} · ${status.scope}`;
        item.tooltip = tooltip(status);
        item.iconPath = STATE_ICON[status.state];
        item.contextValue = `mcpServer:${status.state}:${status.scope}`;
        return item;
      }
      case 'tool': {
        const item = new vscode.TreeItem(node.tool.name, vscode.TreeItemCollapsibleState.None);
        item.description = node.tool.qualifiedName;
        item.tooltip = node.tool.description || node.tool.qualifiedName;
        item.iconPath = new vscode.ThemeIcon('tools');
        item.contextValue = 'mcpTool';
        return item;
      }
      case 'stderr': {
        const item = new vscode.TreeItem(`stderr (last ${node.status.stderrTail.length} lines)`, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('output');
        item.tooltip = tooltip(node.status);
        return item;
      }
      case 'line': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.tooltip = node.text;
        if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
        return item;
      }
    }
  }

  getChildren(node?: McpTreeNode): McpTreeNode[] {
    if (node === undefined) {
      if (this.service.restricted) return [{ kind: 'line', text: RESTRICTED_MODE_MESSAGE, icon: 'workspace-untrusted' }];
      const states = this.service.states();
      if (states.length === 1) return this.servers(states[0]!);
      return states.map((state) => ({ kind: 'folder', folder: state.folder, state }));
    }
    switch (node.kind) {
      case 'folder':
        return this.servers(node.state);
      case 'server': {
        const children: McpTreeNode[] = [];
        if (node.status.state !== 'running') children.push({ kind: 'line', text: node.status.reason, icon: 'info' });
        children.push(...node.status.tools.map((tool): McpTreeNode => ({ kind: 'tool', tool })));
        if (node.status.stderrTail.length > 0) children.push({ kind: 'stderr', status: node.status });
        return children;
      }
      case 'stderr':
        return node.status.stderrTail.map((text): McpTreeNode => ({ kind: 'line', text }));
      default:
        return [];
    }
  }

  private servers(state: FolderMcpState): McpTreeNode[] {
    if (state.statuses.length === 0) return [{ kind: 'line', text: 'No MCP servers (.mcp.json or ~/.claude.json).', icon: 'info' }];
    return state.statuses.map((status): McpTreeNode => ({ kind: 'server', folder: state.folder, status }));
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
