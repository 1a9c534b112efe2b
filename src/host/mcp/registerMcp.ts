/**
 * Registers everything MCP in VS Code: the service, the "MCP Servers" tree view, its commands
 * (approve, revoke, restart, refresh), file watchers that re-evaluate servers when `.mcp.json`,
 * `~/.claude.json` or a settings file changes, and folder and trust listeners. Every disposable
 * goes into `context.subscriptions`, so deactivation stops every server; a folder that leaves the
 * workspace has its servers stopped at once.
 */
import path from 'node:path';
import * as vscode from 'vscode';
import { defaultManagedSettingsPath } from '../../core/settings';
import type { EffectiveSettings } from '../../core/settings/types';
import type { FolderTrustService } from '../trust/folderTrust';
import { McpHostService } from './mcpHostService';
import { McpTreeProvider, type McpTreeNode } from './mcpTree';

export const MCP_VIEW_ID = 'agentgate.mcpServers';
export const MCP_COMMANDS = {
  approve: 'agentgate.mcp.approve',
  revoke: 'agentgate.mcp.revoke',
  restart: 'agentgate.mcp.restart',
  refresh: 'agentgate.mcp.refresh',
} as const;

export interface RegisterMcpDeps {
  home: string;
  env: NodeJS.ProcessEnv;
  log: vscode.LogOutputChannel;
  trust: FolderTrustService;
  /** The workspace folders on disk. */
  folders(): string[];
  /** Settings of one folder (default: core's loadSettings with the folder's trust). */
  loadSettings?(folder: string, trusted: boolean): Promise<EffectiveSettings>;
}

const REFRESH_DELAY_MS = 300;

function watch(base: string, pattern: string, onChange: () => void): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(base), pattern));
  return [watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange)];
}

/** Returns the service: `prepare(folder)` gives the agent its MCP tools. */
export function registerMcp(context: vscode.ExtensionContext, deps: RegisterMcpDeps): McpHostService {
  const { log } = deps;
  const service = new McpHostService({
    home: deps.home,
    env: deps.env,
    trust: deps.trust,
    log,
    ...(deps.loadSettings ? { loadSettings: deps.loadSettings } : {}),
  });
  const tree = new McpTreeProvider(service);
  const view = vscode.window.createTreeView(MCP_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });

  const report = (what: string) => (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`${what}: ${message}`);
    void vscode.window.showErrorMessage(`AgentGate: ${what}: ${message}`);
  };
  const timers = new Map<string, NodeJS.Timeout>();
  const refresh = (folder: string) => {
    clearTimeout(timers.get(folder));
    timers.set(
      folder,
      setTimeout(() => {
        timers.delete(folder);
        service.refresh(folder).catch(report(`Could not refresh the MCP servers of ${folder}`));
      }, REFRESH_DELAY_MS),
    );
  };
  const refreshAll = () => deps.folders().forEach(refresh);

  const folderWatchers = new Map<string, vscode.Disposable[]>();
  const addFolder = (folder: string) => {
    if (folderWatchers.has(folder)) return;
    folderWatchers.set(folder, [...watch(folder, '.mcp.json', () => refresh(folder)), ...watch(path.join(folder, '.claude'), 'settings*.json', () => refresh(folder))]);
    refresh(folder);
  };
  const removeFolder = (folder: string) => {
    for (const disposable of folderWatchers.get(folder) ?? []) disposable.dispose();
    folderWatchers.delete(folder);
    clearTimeout(timers.get(folder));
    service.closeFolder(folder).catch(report(`Could not stop the MCP servers of ${folder}`));
  };

  const serverCommand = (name: string, action: (folder: string, server: string) => Promise<void>) =>
    vscode.commands.registerCommand(name, (node?: McpTreeNode) => {
      if (node?.kind !== 'server') {
        void vscode.window.showInformationMessage('Choose a server in the AgentGate "MCP Servers" view.');
        return;
      }
      return action(node.folder, node.status.name).catch(report(`MCP server "${node.status.name}"`));
    });

  const managed = defaultManagedSettingsPath();
  context.subscriptions.push(
    service,
    tree,
    view,
    serverCommand(MCP_COMMANDS.approve, (folder, server) => service.approve(folder, server)),
    serverCommand(MCP_COMMANDS.revoke, (folder, server) => service.revoke(folder, server)),
    serverCommand(MCP_COMMANDS.restart, (folder, server) => service.restart(folder, server)),
    vscode.commands.registerCommand(MCP_COMMANDS.refresh, () => Promise.all(deps.folders().map((folder) => service.refresh(folder))).catch(report('Could not refresh the MCP servers'))),
    ...watch(deps.home, '.claude.json', refreshAll),
    ...watch(path.join(deps.home, '.claude'), 'settings.json', refreshAll),
    ...watch(path.dirname(managed), path.basename(managed), refreshAll),
    vscode.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const removed of event.removed) removeFolder(removed.uri.fsPath);
      for (const added of event.added) if (added.uri.scheme === 'file') addFolder(added.uri.fsPath);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(refreshAll),
    deps.trust.onDidChangeTrust(({ folder }) => refresh(folder)),
    {
      dispose: () => {
        for (const timer of timers.values()) clearTimeout(timer);
        for (const disposables of folderWatchers.values()) for (const disposable of disposables) disposable.dispose();
      },
    },
  );
  for (const folder of deps.folders()) addFolder(folder);
  return service;
}
