import os from 'node:os';
import * as vscode from 'vscode';
import { parseRuleText } from './core/settings/rules';
import type { PermissionMode } from './core/settings/types';
import { NodeFileSystem } from './core/tools/index';
import { version } from './core/version';
import { PendingCount } from './host/approvals/pendingCount';
import { PanelPrompter } from './host/approvals/panelPrompter';
import { AgentFactory } from './host/chat/agentFactory';
import { ChatController } from './host/chat/chatController';
import { readAttachments, searchFiles, selectionLabel } from './host/chat/workspaceContext';
import { registerCommands } from './host/commands';
import { TEST_COMMANDS } from './host/testCommands';
import { EditReview } from './host/edits/editReview';
import { registerMcp } from './host/mcp/registerMcp';
import { registerFolderTrust } from './host/trust/folderTrust';
import { WorkspaceFileSystem } from './host/edits/workspaceFileSystem';
import { ModeController } from './host/mode/modeController';
import { createModeStatusItem } from './host/mode/modeStatusItem';
import { ApiKeyStore } from './host/secrets/apiKeyStore';
import { SettingsService } from './host/settings/settingsService';
import { SetupPublisher } from './host/setup/setupPublisher';
import { createWorkbenchActions, runSetupAction } from './host/workbenchActions';
import { ChatViewProvider, type PanelTraffic } from './panel/chatViewProvider';
import { createRouter } from './panel/messageRouter';

/** What `activate` returns: read by integration tests through `extension.exports`. */
export interface AgentGateApi {
  readonly version: string;
  readonly onDidPanelExchange: vscode.Event<PanelTraffic>;
}

function workspaceFolders(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
}

/** Stops the MCP servers; deactivate() waits for it. */
let stopMcpServers: (() => Promise<void>) | undefined;

/** Composition root: build the services, register views and commands, keep the disposables. */
export function activate(context: vscode.ExtensionContext): AgentGateApi {
  const log = vscode.window.createOutputChannel('AgentGate', { log: true });
  const home = os.homedir();
  const cwd = () => workspaceFolders()[0];
  /** VS Code's workspace trust: false in Restricted Mode, where the agent runs no tools. */
  const trusted = () => vscode.workspace.isTrusted;
  // AgentGate's own trust of the folder (~/.agentgate/trust.json, shared with the CLI): it gates
  // the project's allow rules, env, apiKeyHelper and .mcp.json servers.
  const folderTrust = registerFolderTrust(context, { home, log });
  let folderTrusted = false;
  const readFolderTrust = async () => {
    const folder = cwd();
    folderTrusted = folder === undefined ? false : await folderTrust.isTrusted(folder);
  };

  let route: ReturnType<typeof createRouter> = () => Promise.resolve();
  const panel = new ChatViewProvider({
    extensionUri: context.extensionUri,
    version,
    log,
    workspaceName: () => vscode.workspace.name ?? null,
    route: (message) => route(message),
  });
  const pending = new PendingCount(panel);
  const apiKeys = new ApiKeyStore(context.secrets);
  const settings = new SettingsService({ home, cwd, trusted: () => folderTrusted, log });
  const modes = new ModeController(panel, folderTrusted);
  const mcp = registerMcp(context, { home, env: process.env, log, trust: folderTrust, folders: workspaceFolders });
  stopMcpServers = () => mcp.stopAll();
  const status = createModeStatusItem();

  // The closures below run only after `chat` is built (it needs the prompter and edit review).
  const edits = new EditReview({
    panel,
    pending,
    log,
    cwd: () => cwd() ?? '',
    onSettled: (toolUseId, settled, note) => {
      for (const message of chat.events.settle(chat.currentTurn, toolUseId, settled, note)) panel.post(message);
    },
    tellModel: (note) => chat.tellModel(note),
  });
  const prompter = new PanelPrompter({
    panel,
    pending,
    currentTurn: () => chat.currentTurn,
    reviewEdits: (request, signal) => edits.review(request, signal),
    validateRule: (rule) => {
      const parsed = parseRuleText(rule);
      return parsed.ok ? undefined : parsed.error;
    },
    onAsked: (turnId, request) => {
      for (const message of chat.events.asked(turnId, request)) panel.post(message);
    },
    onAnswered: (request, reply) => chat.events.answered(request.toolUseId, reply),
    notifyHidden: (title, subject) => {
      const what = subject ? `${title}: ${subject.length > 80 ? `${subject.slice(0, 80)}…` : subject}` : title;
      void vscode.window.showInformationMessage(`AgentGate is waiting for your decision. ${what}`, 'Show AgentGate').then((choice) => {
        if (choice) void panel.reveal();
      });
    },
  });
  const factory = new AgentFactory({
    home,
    cwd,
    workspaceFolders,
    ensureTrust: async (folder) => {
      const state = await folderTrust.ensureFolderTrust(folder);
      if ((state === 'trusted') !== folderTrusted) await onTrustChanged();
      return state;
    },
    mcpTools: (folder) => mcp.prepare(folder),
    mode: () => modes.current,
    settings: () => settings.get(),
    reloadSettings: () => settings.reload(),
    storedApiKey: () => apiKeys.get(),
    prompter,
    fs: new WorkspaceFileSystem(new NodeFileSystem(), edits),
    wasmDir: vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath,
    env: process.env,
  });
  const chat: ChatController = new ChatController({
    panel,
    sessions: factory,
    home,
    cwd: () => cwd() ?? home,
    mode: () => modes.current,
    attachments: readAttachments,
    askPlan: (turnId, plan, signal) => prompter.askPlan(turnId, plan, signal),
    onNewSession: () => edits.reset(),
    beforeTurn: () => settings.reload(),
    log,
  });
  const setup = new SetupPublisher({ panel, env: process.env, settings: () => settings.current, trusted, folderTrusted: () => folderTrusted, storedApiKey: () => apiKeys.get() });
  const publishSetup = () => void setup.publish().catch((error: unknown) => log.error(`Could not check the provider set-up: ${String(error)}`));
  const workbench = createWorkbenchActions(log);
  /** Re-reads the folder's trust, then the settings it gates, and tells the panel. */
  async function onTrustChanged(): Promise<void> {
    try {
      await readFolderTrust();
      await settings.reload();
    } catch (error) {
      log.error(`Could not load settings: ${String(error)}`);
    }
    publishSetup();
  }
  route = createRouter({
    chat: {
      send: (turnId, text, context) => chat.send(turnId, text, context),
      stop: (turnId) => chat.stop(turnId),
      newSession: () => chat.newSession(),
      listSessions: (requestId) => chat.listSessions(requestId),
      resume: (sessionId) => chat.resume(sessionId),
    },
    approvals: { reply: (requestId, reply) => prompter.reply(requestId, reply) },
    modes: { set: (mode) => modes.set(mode) },
    edits: {
      accept: (editId) => edits.accept(editId),
      reject: (editId, feedback) => edits.reject(editId, feedback),
      acceptAll: () => edits.acceptAll(),
      rejectAll: () => edits.rejectAll(),
      review: (editId) => edits.showDiff(editId),
      undo: (editId) => edits.undo(editId),
    },
    mentions: {
      search: async (requestId, query) => panel.post({ type: 'mention/results', requestId, files: await searchFiles(query), selection: selectionLabel() }),
    },
    setup: {
      run: (action) =>
        runSetupAction(action, {
          log,
          trustFolder: async () => {
            const folder = cwd();
            if (folder !== undefined) await folderTrust.askAgain(folder);
          },
        }),
    },
    workbench,
  });

  settings.watch();
  context.subscriptions.push(
    log,
    panel,
    settings,
    modes,
    status.item,
    edits,
    factory,
    ...edits.register(),
    vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, panel, { webviewOptions: { retainContextWhenHidden: true } }),
    ...registerCommands({ chat, edits, modes, apiKeys, focusPanel: () => panel.reveal() }),
    modes.onDidChange((mode) => status.show(mode)),
    settings.onDidChange((loaded) => {
      if (loaded) modes.update(loaded, folderTrusted);
      publishSetup();
    }),
    apiKeys.onDidChange(publishSetup),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void onTrustChanged()),
    folderTrust.onDidChangeTrust(() => void onTrustChanged()),
    { dispose: () => void chat.closeSession() },
  );
  status.show(modes.current);
  void onTrustChanged();
  log.info(`AgentGate ${version} activated`);
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    // For integration tests only: act as the webview would (same validation), read the mode.
    context.subscriptions.push(
      vscode.commands.registerCommand(TEST_COMMANDS.dispatch, (message: unknown) => panel.receiveFromWebview(message)),
      vscode.commands.registerCommand(TEST_COMMANDS.mode, (): PermissionMode => modes.current),
    );
  }
  return { version, onDidPanelExchange: panel.onDidExchange };
}

/** Everything else started here is in context.subscriptions; MCP servers are awaited. */
export function deactivate(): Promise<void> | undefined {
  return stopMcpServers?.();
}
