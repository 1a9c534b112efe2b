/**
 * The MCP servers of every workspace folder in VS Code. Opening a folder only evaluates its
 * servers (the tree shows what would happen); they start when the agent is first about to act
 * there (`prepare`), or when the person approves or restarts one in the tree. Before that, the
 * folder's trust is settled (FolderTrustService) and each repository server awaiting approval
 * is put to the person in a modal dialog. In Restricted Mode nothing starts. Closing a folder
 * or disposing the service stops its servers (process groups included).
 */
import * as vscode from 'vscode';
import { FileMcpApprovalStore, type McpApprovalStore } from '../../core/mcp/approvals';
import type { EvaluatedServer } from '../../core/mcp/manager';
import type { McpSourceProblem } from '../../core/mcp/serverSources';
import type { ServerStatus } from '../../core/mcp/types';
import { McpWorkspace } from '../../core/mcp/workspace';
import { loadSettings } from '../../core/settings';
import type { EffectiveSettings } from '../../core/settings/types';
import type { AgentTool } from '../../core/tools/types';
import { version } from '../../core/version';
import type { FolderTrustService } from '../trust/folderTrust';
import { askMcpApproval } from './approvalPrompt';

export interface McpHostDeps {
  home: string;
  env: NodeJS.ProcessEnv;
  trust: FolderTrustService;
  log: vscode.LogOutputChannel;
  approvals?: McpApprovalStore;
  /** Settings of one folder; default: core's loadSettings with the folder's trust. */
  loadSettings?(folder: string, trusted: boolean): Promise<EffectiveSettings>;
}

export interface FolderMcpState {
  folder: string;
  statuses: ServerStatus[];
  problems: readonly McpSourceProblem[];
}

export class McpHostService implements vscode.Disposable {
  private readonly workspaces = new Map<string, McpWorkspace>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Servers the person declined in this window: `folder \0 name \0 hash`. */
  private readonly declined = new Set<string>();
  private readonly loggedProblems = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly approvals: McpApprovalStore;

  constructor(private readonly deps: McpHostDeps) {
    this.approvals = deps.approvals ?? FileMcpApprovalStore.forHome(deps.home);
  }

  get restricted(): boolean {
    return this.deps.trust.restricted;
  }

  /** What the tree shows: each known folder's servers. */
  states(): FolderMcpState[] {
    return [...this.workspaces.values()].map((ws) => ({ folder: ws.folder, statuses: ws.statuses(), problems: ws.problems }));
  }

  /** Re-evaluates a folder (starting or stopping servers that already may run). */
  refresh(folder: string): Promise<void> {
    return this.serialized(folder, async () => {
      await this.refreshNow(folder);
    });
  }

  /**
   * Call when the agent is about to act in `folder`: settles trust, asks about servers awaiting
   * approval, starts what may run and returns its tools (none in Restricted Mode).
   */
  prepare(folder: string): Promise<AgentTool[]> {
    return this.serialized(folder, async () => {
      const trust = await this.deps.trust.ensureFolderTrust(folder);
      if (trust === 'restricted') return [];
      const ws = await this.refreshNow(folder);
      if (!ws) return [];
      if (trust === 'trusted') await this.askPending(ws);
      await ws.start();
      this.emitter.fire();
      return ws.tools();
    });
  }

  /** The tree's "approve": trust first, then the approval dialog for this server. */
  approve(folder: string, name: string): Promise<void> {
    return this.serialized(folder, async () => {
      const trust = await this.deps.trust.ensureFolderTrust(folder);
      if (trust !== 'trusted') {
        void vscode.window.showInformationMessage(`MCP server "${name}" can start only once this folder is trusted.`);
        return;
      }
      const ws = await this.refreshNow(folder);
      const server = ws?.evaluated.find((s) => s.entry.name === name && s.entry.scope === 'project');
      if (!ws || !server) throw new Error(`There is no server "${name}" in the .mcp.json of ${folder}.`);
      if (server.policy.state !== 'awaitingApproval') {
        void vscode.window.showInformationMessage(`MCP server "${name}" needs no approval now: ${server.policy.reason}`);
        return;
      }
      this.declined.delete(this.declineKey(ws, server));
      await this.askOne(ws, server, this.pendingOf(ws));
      await ws.start();
      this.emitter.fire();
    });
  }

  revoke(folder: string, name: string): Promise<void> {
    return this.serialized(folder, async () => {
      const ws = await this.refreshNow(folder);
      if (!ws) return;
      const removed = await ws.revoke([name]);
      this.emitter.fire();
      const now = ws.evaluated.find((s) => s.entry.name === name);
      if (removed.length === 0) void vscode.window.showInformationMessage(`MCP server "${name}" had no approval to revoke. ${now ? now.policy.reason : ''}`);
      else this.deps.log.info(`Revoked the approval of MCP server "${name}" in ${folder}.`);
    });
  }

  restart(folder: string, name: string): Promise<void> {
    return this.serialized(folder, async () => {
      const ws = await this.refreshNow(folder);
      if (!ws) return;
      await ws.restart(name);
      this.emitter.fire();
    });
  }

  /** A folder left the workspace: stop its servers. */
  closeFolder(folder: string): Promise<void> {
    return this.serialized(folder, async () => {
      const ws = this.workspaces.get(folder);
      this.workspaces.delete(folder);
      await ws?.dispose();
      this.emitter.fire();
    });
  }

  /** Stops every server (SIGTERM reaches each process group at once). */
  async stopAll(): Promise<void> {
    const all = [...this.workspaces.values()];
    this.workspaces.clear();
    await Promise.all(all.map((ws) => ws.dispose()));
    this.emitter.fire();
  }

  dispose(): void {
    void this.stopAll().catch((error: unknown) => this.deps.log.error(`Could not stop every MCP server: ${String(error)}`));
    this.emitter.dispose();
  }

  private serialized<T>(folder: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(folder) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.queues.set(folder, next.catch(() => undefined));
    return next;
  }

  private async refreshNow(folder: string): Promise<McpWorkspace | undefined> {
    if (this.restricted) {
      await this.stopAll();
      return undefined;
    }
    const trusted = await this.deps.trust.isTrusted(folder);
    const settings = await (this.deps.loadSettings?.(folder, trusted) ?? loadSettings({ cwd: folder, home: this.deps.home, trusted }));
    let ws = this.workspaces.get(folder);
    if (!ws) {
      ws = new McpWorkspace({
        folder,
        home: this.deps.home,
        env: this.deps.env,
        approvals: this.approvals,
        clientVersion: version,
        startOnApply: false,
        log: (level, message) => this.deps.log[level](message),
      });
      this.workspaces.set(folder, ws);
      ws.manager.onDidChange(() => this.emitter.fire());
    }
    await ws.refresh({ settings, trusted });
    this.logProblems(ws);
    this.emitter.fire();
    return ws;
  }

  private logProblems(ws: McpWorkspace): void {
    const text = ws.problems.map((p) => `${p.severity}: ${p.message}`).join('\n');
    if (this.loggedProblems.get(ws.folder) === text) return;
    this.loggedProblems.set(ws.folder, text);
    for (const problem of ws.problems) this.deps.log[problem.severity === 'error' ? 'error' : 'warn'](problem.message);
  }

  private declineKey(ws: McpWorkspace, server: EvaluatedServer): string {
    return `${ws.folder}\0${server.entry.name}\0${server.hash}`;
  }

  private pendingOf(ws: McpWorkspace): EvaluatedServer[] {
    return ws.evaluated.filter((s) => s.entry.scope === 'project' && s.policy.state === 'awaitingApproval' && !this.declined.has(this.declineKey(ws, s)));
  }

  /** One dialog per server awaiting approval (not those declined in this window). */
  private async askPending(ws: McpWorkspace): Promise<void> {
    for (const server of this.pendingOf(ws)) {
      const still = this.pendingOf(ws);
      if (!still.some((s) => s.entry.name === server.entry.name)) continue;
      await this.askOne(ws, server, still);
    }
  }

  private async askOne(ws: McpWorkspace, server: EvaluatedServer, pending: readonly EvaluatedServer[]): Promise<void> {
    const others = pending.filter((s) => s.entry.name !== server.entry.name);
    const reply = await askMcpApproval(server, others);
    switch (reply) {
      case 'approve':
        await ws.approve([server]);
        break;
      case 'approveAll':
        await ws.approve([server, ...others]);
        break;
      case 'deny':
        this.declined.add(this.declineKey(ws, server));
        break;
    }
  }
}
