import type { WebviewToHost } from '../protocol/messages';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The webview's only channel to the host; acquirable once per page. */
export const vscodeApi: VsCodeApi = acquireVsCodeApi();
