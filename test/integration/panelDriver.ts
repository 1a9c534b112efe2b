/**
 * Drives AgentGate's panel from inside the extension host: messages go in through the same
 * validation as the webview's (a test-only command), everything the host posts to the panel is
 * recorded, and a scripted Anthropic server (test/support/modelServers) plays the model.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import { TEST_COMMANDS } from '../../src/host/testCommands';
import type { PermissionMode } from '../../src/core/settings/types';
import type { HostToWebview, WebviewToHost } from '../../src/protocol/messages';
import { startModelServer, type ModelServer, type ScriptStep } from '../support/modelServers';
import { activateAgentGate } from './helpers/agentGate';

type Outbound = WebviewToHost extends infer M ? (M extends WebviewToHost ? Omit<M, 'requestId'> & { requestId?: string } : never) : never;
type Posted<T extends HostToWebview['type']> = Extract<HostToWebview, { type: T }>;

const WAIT_MS = 20_000;
let counter = 0;

export function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder');
  return folder.uri.fsPath;
}

export class PanelDriver {
  private readonly saved = new Map<string, string | undefined>();
  private readonly scratch: string[] = [];

  private constructor(
    readonly server: ModelServer,
    private readonly subscription: vscode.Disposable,
    /** Every message the host posted to the panel since the driver started. */
    readonly posted: HostToWebview[],
  ) {}

  static async start(script: readonly ScriptStep[] = []): Promise<PanelDriver> {
    const api = await activateAgentGate();
    await vscode.commands.executeCommand('agentgate.openChat');
    const server = await startModelServer('anthropic', script);
    const posted: HostToWebview[] = [];
    const subscription = api.onDidPanelExchange((traffic) => {
      if (traffic.direction === 'sent') posted.push(traffic.message);
    });
    const driver = new PanelDriver(server, subscription, posted);
    for (const [name, value] of Object.entries(server.env)) {
      driver.saved.set(name, process.env[name]);
      process.env[name] = value;
    }
    await driver.newSession();
    return driver;
  }

  dispatch(message: Outbound): string {
    const requestId = message.requestId ?? `test-${++counter}`;
    void vscode.commands.executeCommand(TEST_COMMANDS.dispatch, { ...message, requestId });
    return requestId;
  }

  mode(): Thenable<PermissionMode> {
    return vscode.commands.executeCommand<PermissionMode>(TEST_COMMANDS.mode);
  }

  /** Sends a prompt as the composer would; returns the turn's id. */
  send(text: string): string {
    return this.dispatch({ type: 'chat/send', text, context: { files: [], selection: false } });
  }

  async newSession(): Promise<void> {
    const since = this.posted.length;
    this.dispatch({ type: 'session/new' });
    await this.next('session/started', () => true, since);
  }

  /** The first message of this type (after `since`) that `match` accepts, waiting for it. */
  async next<T extends HostToWebview['type']>(type: T, match: (message: Posted<T>) => boolean = () => true, since = 0, timeoutMs = WAIT_MS): Promise<Posted<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.posted.slice(since).find((message): message is Posted<T> => message.type === type && match(message as Posted<T>));
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = this.posted.slice(since).map((message) => message.type).join(', ');
        throw new Error(`timed out waiting for ${type}; the panel was sent: ${seen || 'nothing'}`);
      }
      await sleep(20);
    }
  }

  /** The end of a turn. */
  done(turnId: string, timeoutMs = WAIT_MS): Promise<Posted<'chat/done'>> {
    return this.next('chat/done', (message) => message.requestId === turnId, 0, timeoutMs);
  }

  /** The approval prompt shown in a turn. */
  prompt(turnId: string): Promise<Posted<'permission/request'>> {
    return this.next('permission/request', (message) => message.turnId === turnId);
  }

  /** The latest list of edits the panel was sent. */
  edits(): Posted<'edit/list'>['edits'] {
    const lists = this.posted.filter((message): message is Posted<'edit/list'> => message.type === 'edit/list');
    return lists.at(-1)?.edits ?? [];
  }

  /** What the model was sent in its latest request (the raw JSON body). */
  lastRequest(): string {
    return this.server.requests.at(-1)?.rawBody ?? '';
  }

  /** Creates a file in the workspace, removed again by close(). */
  async scratchFile(name: string, content: string): Promise<string> {
    const file = path.join(workspaceFolder(), name);
    await writeFile(file, content);
    this.scratch.push(file);
    return file;
  }

  /** Removes this path when the driver closes (e.g. a settings file a test makes AgentGate write). */
  cleanUpLater(file: string): void {
    this.scratch.push(file);
  }

  async close(): Promise<void> {
    await this.newSession().catch(() => undefined);
    this.subscription.dispose();
    for (const [name, value] of this.saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    for (const file of this.scratch) await rm(file, { recursive: true, force: true });
    await this.server.close();
  }
}

function proposalTabs(): vscode.TabInputTextDiff[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .map((tab) => tab.input)
    .filter((input): input is vscode.TabInputTextDiff => input instanceof vscode.TabInputTextDiff && input.modified.scheme === 'agentgate-proposal');
}

/** Waits until every proposal's diff editor is closed (reviews close them when decided). */
export async function noProposalTabs(timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (proposalTabs().length > 0) {
    if (Date.now() > deadline) throw new Error('a proposal diff editor stayed open');
    await sleep(20);
  }
}

/** The diff tab showing a pending edit's proposal, once it is open. */
export async function proposalTab(timeoutMs = WAIT_MS): Promise<vscode.TabInputTextDiff> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [first] = proposalTabs();
    if (first) return first;
    if (Date.now() > deadline) throw new Error('no diff editor with an AgentGate proposal opened');
    await sleep(20);
  }
}
