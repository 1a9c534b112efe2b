import * as vscode from 'vscode';
import { assertNever } from '../protocol/assertNever';
import { parseWebviewMessage, type HostToWebview, type WebviewToHost } from '../protocol/messages';
import { createNonce, renderPanelHtml } from './html';

export interface ChatViewDeps {
  readonly extensionUri: vscode.Uri;
  readonly version: string;
  readonly log: vscode.LogOutputChannel;
  /** The current workspace's name, or null when no folder is open. */
  workspaceName(): string | null;
}

/** One message that crossed between the host and the webview (for tests and diagnostics). */
export type PanelTraffic =
  | { direction: 'received'; message: WebviewToHost }
  | { direction: 'sent'; message: HostToWebview; delivered: boolean };

/** The `agentgate.chat` webview view: renders the panel and routes its messages. */
export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewId = 'agentgate.chat';
  private view: vscode.WebviewView | undefined;
  private readonly trafficEmitter = new vscode.EventEmitter<PanelTraffic>();
  private readonly disposables: vscode.Disposable[] = [this.trafficEmitter];
  /** Fires for every valid message received from, and every message posted to, the webview. */
  readonly onDidExchange = this.trafficEmitter.event;

  constructor(private readonly deps: ChatViewDeps) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const mediaRoot = vscode.Uri.joinPath(this.deps.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [mediaRoot] };
    view.webview.html = renderPanelHtml(view.webview, mediaRoot, createNonce());
    this.disposables.push(
      view.webview.onDidReceiveMessage((data: unknown) => this.receive(data)),
      view.onDidDispose(() => {
        this.view = undefined;
      }),
    );
  }

  /** Whether the view has been resolved and is alive. */
  get isResolved(): boolean {
    return this.view !== undefined;
  }

  private receive(data: unknown): void {
    const parsed = parseWebviewMessage(data);
    if (!parsed.ok) {
      this.deps.log.warn(`Ignored an invalid message from the panel: ${parsed.error}`);
      return;
    }
    this.trafficEmitter.fire({ direction: 'received', message: parsed.message });
    this.handle(parsed.message);
  }

  private handle(message: WebviewToHost): void {
    switch (message.type) {
      case 'app/hello':
        void this.post({
          type: 'app/welcome',
          requestId: message.requestId,
          version: this.deps.version,
          workspaceName: this.deps.workspaceName(),
        });
        return;
      default:
        assertNever(message.type);
    }
  }

  private async post(message: HostToWebview): Promise<void> {
    if (!this.view) return;
    const delivered = await this.view.webview.postMessage(message);
    this.trafficEmitter.fire({ direction: 'sent', message, delivered });
    if (!delivered) this.deps.log.debug(`Panel not visible; dropped ${message.type}`);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
