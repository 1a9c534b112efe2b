/**
 * Workspace trust for AgentGate in VS Code. Two gates:
 * - VS Code's Restricted Mode (`vscode.workspace.isTrusted === false`): AgentGate runs no tools
 *   at all and says why (RESTRICTED_MODE_MESSAGE);
 * - AgentGate's own trust of each folder, shared with the CLI through FileTrustStore
 *   (~/.agentgate/trust.json): the first time the agent is about to act in a folder nobody has
 *   trusted yet, a modal dialog asks, and says what trust enables. Multi-root workspaces are
 *   decided per folder.
 * "Don't Trust" is stored too, and not asked again in this window; dismissing the dialog
 * decides nothing, so the next action asks again.
 */
import path from 'node:path';
import * as vscode from 'vscode';
import { FileTrustStore, type TrustStore } from '../../core/trust/trustStore';

export type FolderTrustState = 'trusted' | 'untrusted' | 'restricted';

export const RESTRICTED_MODE_MESSAGE =
  'This workspace is open in Restricted Mode, so AgentGate runs no tools: it cannot read or edit files, run commands ' +
  "or start MCP servers. Use 'Manage Workspace Trust' to trust the workspace if you want the agent to work here.";

export const TRUST_FOLDER = 'Trust Folder';
export const DONT_TRUST = "Don't Trust";

/** The text of the trust dialog (exported for tests and documentation). */
export function trustPromptText(folder: string): { message: string; detail: string } {
  return {
    message: `Do you trust the code in "${path.basename(folder)}"?`,
    detail: [
      folder,
      '',
      'A repository can configure AgentGate. Until you trust this folder, only its restrictions apply. Trusting it enables:',
      '• its permission allow rules and extra working folders (.claude/settings.json, .claude/settings.local.json)',
      '• its env variables, which can change the API endpoint and what commands see',
      '• its apiKeyHelper, a command that runs to fetch the API key',
      '• the MCP servers in its .mcp.json (each still asks for your approval before it starts)',
      '',
      'Your answer is saved in ~/.agentgate/trust.json and shared with the agentgate command line.',
    ].join('\n'),
  };
}

export interface FolderTrustDeps {
  store: TrustStore;
  log: vscode.LogOutputChannel;
}

export class FolderTrustService implements vscode.Disposable {
  private readonly pending = new Map<string, Promise<FolderTrustState>>();
  private readonly declined = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<{ folder: string; trusted: boolean }>();
  /** Fires after the person trusts or distrusts a folder here. */
  readonly onDidChangeTrust = this.emitter.event;

  constructor(private readonly deps: FolderTrustDeps) {}

  /** VS Code's Restricted Mode: no tools at all. */
  get restricted(): boolean {
    return !vscode.workspace.isTrusted;
  }

  /** Whether AgentGate may treat the folder as trusted now (never asks). */
  async isTrusted(folder: string): Promise<boolean> {
    if (this.restricted) return false;
    try {
      return await this.deps.store.isTrusted(folder);
    } catch (error) {
      this.deps.log.error(`Could not read the trust of ${folder}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  /**
   * Call before the agent acts in `folder`: 'restricted' in Restricted Mode (run no tools and
   * show RESTRICTED_MODE_MESSAGE), else the folder's trust, asking with a modal dialog the first
   * time. Concurrent calls for one folder share one dialog.
   */
  ensureFolderTrust(folder: string): Promise<FolderTrustState> {
    if (this.restricted) return Promise.resolve('restricted');
    const key = path.resolve(folder);
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.decide(key).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  /** Asks again (the panel's "Trust Folder…"), even if the person said no before in this window. */
  askAgain(folder: string): Promise<FolderTrustState> {
    this.declined.delete(path.resolve(folder));
    return this.ensureFolderTrust(folder);
  }

  /** Trust or distrust without asking (a command, or the person's answer elsewhere). */
  async setTrusted(folder: string, trusted: boolean): Promise<void> {
    await this.deps.store.setTrusted(folder, trusted);
    if (trusted) this.declined.delete(path.resolve(folder));
    else this.declined.add(path.resolve(folder));
    this.deps.log.info(`${trusted ? 'Trusted' : 'Not trusted'}: ${folder}`);
    this.emitter.fire({ folder, trusted });
  }

  private async decide(folder: string): Promise<FolderTrustState> {
    if (await this.isTrusted(folder)) return 'trusted';
    if (this.declined.has(folder)) return 'untrusted';
    const { message, detail } = trustPromptText(folder);
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, TRUST_FOLDER, DONT_TRUST);
    if (choice === undefined) return 'untrusted';
    try {
      await this.setTrusted(folder, choice === TRUST_FOLDER);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.deps.log.error(`Could not save the trust decision for ${folder}: ${why}`);
      void vscode.window.showErrorMessage(`AgentGate could not save your trust decision: ${why}`);
      return 'untrusted';
    }
    return choice === TRUST_FOLDER ? 'trusted' : 'untrusted';
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** Builds the trust service over the shared trust file (~/.agentgate/trust.json) and registers it for disposal. */
export function registerFolderTrust(context: vscode.ExtensionContext, deps: { home: string; log: vscode.LogOutputChannel }): FolderTrustService {
  const service = new FolderTrustService({ store: FileTrustStore.forHome(deps.home), log: deps.log });
  context.subscriptions.push(service);
  return service;
}
