/** The extension under test, as the integration tests see it from inside the extension host. */
import * as vscode from 'vscode';
import { type AgentGateApi } from '../../../src/extension';
import { type PanelTraffic } from '../../../src/panel/chatViewProvider';

export const EXTENSION_ID = 'agentgate.agentgate';

export function agentGateExtension(): vscode.Extension<AgentGateApi> {
  const extension = vscode.extensions.getExtension<AgentGateApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  return extension;
}

/** Activates AgentGate (if needed) and returns its API. */
export function activateAgentGate(): Promise<AgentGateApi> {
  return Promise.resolve(agentGateExtension().activate());
}

/**
 * Resolves with the first panel message matching `predicate` fired after this call. Start waiting
 * before doing what should cause the message.
 */
export function nextTraffic<T extends PanelTraffic>(
  api: AgentGateApi,
  predicate: (traffic: PanelTraffic) => traffic is T,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`));
    }, timeoutMs);
    const listener = api.onDidPanelExchange((traffic) => {
      if (!predicate(traffic)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(traffic);
    });
  });
}

export type Received<Type extends string> = Extract<PanelTraffic, { direction: 'received' }> & { message: { type: Type } };
export type Sent<Type extends string> = Extract<PanelTraffic, { direction: 'sent' }> & { message: { type: Type } };

/** Matches a message the host received from the webview, by type. */
export const received =
  <Type extends string>(type: Type) =>
  (traffic: PanelTraffic): traffic is Received<Type> =>
    traffic.direction === 'received' && traffic.message.type === type;

/** Matches a message the host posted to the webview, by type and optionally request id. */
export const sent =
  <Type extends string>(type: Type, requestId?: string) =>
  (traffic: PanelTraffic): traffic is Sent<Type> =>
    traffic.direction === 'sent' &&
    traffic.message.type === type &&
    (requestId === undefined || ('requestId' in traffic.message && traffic.message.requestId === requestId));
