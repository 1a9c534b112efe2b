import * as vscode from 'vscode';
import type { PanelChannel } from '../host/panelChannel';
import { parseWebviewMessage, type ChatText, type HostToWebview, type WebviewToHost } from '../protocol/messages';
import { createNonce, renderPanelHtml } from './html';
import { PanelLog } from './panelLog';

export interface ChatViewDeps {
  readonly extensionUri: vscode.Uri;
  readonly version: string;
  readonly log: vscode.LogOutputChannel;
  /** The current workspace's name, or null when no folder is open. */
  workspaceName(): string | null;
  /** Handles every valid message from the webview except `app/hello`. */
  route(message: Exclude<WebviewToHost, { type: 'app/hello' }>): Promise<void>;
}

/** One message that crossed between the host and the webview (for tests and diagnostics). */
export type PanelTraffic =
  | { direction: 'received'; message: WebviewToHost }
  | { direction: 'sent'; message: HostToWebview; delivered: boolean };

/** How long streamed text is gathered before it is posted (one message per frame or so). */
const TEXT_BATCH_MS = 16;

/**
 * The `agentgate.chat` webview view: renders the panel with a strict CSP, validates every inbound
 * message, batches streamed text, keeps a log so a re-created webview shows the same state, and
 * shows pending decisions as a badge.
 */
export class ChatViewProvider implements vscode.WebviewViewProvider, PanelChannel, vscode.Disposable {
  static readonly viewId = 'agentgate.chat';
  private view: vscode.WebviewView | undefined;
  private viewDisposables: vscode.Disposable[] = [];
  private readonly trafficEmitter = new vscode.EventEmitter<PanelTraffic>();
  private readonly panelLog = new PanelLog();
  private pendingText: ChatText | undefined;
  private textTimer: NodeJS.Timeout | undefined;
  private badgeCount = 0;
  /** Fires for every valid message received from, and every message posted to, the webview. */
  readonly onDidExchange = this.trafficEmitter.event;

  constructor(private readonly deps: ChatViewDeps) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    for (const d of this.viewDisposables.splice(0)) d.dispose();
    this.view = view;
    const mediaRoot = vscode.Uri.joinPath(this.deps.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [mediaRoot] };
    view.webview.html = renderPanelHtml(view.webview, mediaRoot, createNonce());
    this.applyBadge();
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((data: unknown) => this.receiveFromWebview(data)),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
      }),
    );
  }

  /** Whether the view has been resolved and is alive. */
  get isResolved(): boolean {
    return this.view !== undefined;
  }

  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${ChatViewProvider.viewId}.focus`);
  }

  post(message: HostToWebview): void {
    this.panelLog.record(message);
    if (message.type === 'pending/count') {
      this.badgeCount = message.count;
      this.applyBadge();
    }
    if (message.type === 'chat/text') {
      const pending = this.pendingText;
      if (pending && pending.requestId === message.requestId && pending.blockId === message.blockId) {
        this.pendingText = { ...pending, delta: pending.delta + message.delta };
      } else {
        this.flushText();
        this.pendingText = message;
      }
      this.textTimer ??= setTimeout(() => this.flushText(), TEXT_BATCH_MS);
      return;
    }
    this.flushText();
    this.send(message);
  }

  private flushText(): void {
    if (this.textTimer) clearTimeout(this.textTimer);
    this.textTimer = undefined;
    const pending = this.pendingText;
    this.pendingText = undefined;
    if (pending) this.send(pending);
  }

  private send(message: HostToWebview): void {
    const view = this.view;
    if (!view) return;
    view.webview.postMessage(message).then(
      (delivered) => {
        this.trafficEmitter.fire({ direction: 'sent', message, delivered });
        if (!delivered) this.deps.log.debug(`Panel not ready; ${message.type} will be replayed when it loads`);
      },
      (error: unknown) => this.deps.log.error(`Could not post ${message.type} to the panel: ${String(error)}`),
    );
  }

  private applyBadge(): void {
    if (!this.view) return;
    const count = this.badgeCount;
    this.view.badge = count > 0 ? { value: count, tooltip: `${count} ${count === 1 ? 'request waits' : 'requests wait'} for your decision` } : undefined;
  }

  /** Validates and handles one message from the webview (tests call it to act as the webview). */
  receiveFromWebview(data: unknown): void {
    const parsed = parseWebviewMessage(data);
    if (!parsed.ok) {
      this.deps.log.warn(`Ignored an invalid message from the panel: ${parsed.error}`);
      return;
    }
    const message = parsed.message;
    this.trafficEmitter.fire({ direction: 'received', message });
    if (message.type === 'app/hello') {
      this.flushText();
      this.send({ type: 'app/welcome', requestId: message.requestId, version: this.deps.version, workspaceName: this.deps.workspaceName() });
      for (const replayed of this.panelLog.replay()) this.send(replayed);
      return;
    }
    this.deps.route(message).catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      this.deps.log.error(`${message.type} failed: ${text}`);
      void vscode.window.showErrorMessage(`AgentGate: ${text}`);
    });
  }

  dispose(): void {
    this.flushText();
    for (const d of this.viewDisposables.splice(0)) d.dispose();
    this.trafficEmitter.dispose();
  }
}
