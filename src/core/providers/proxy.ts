/**
 * Corporate proxies. Outside VS Code the SDKs ignore HTTPS_PROXY, so it is applied here, and only
 * when a proxy variable is set: the Anthropic-family clients get an undici EnvHttpProxyAgent as
 * their fetch dispatcher, the AWS client a NodeHttpHandler agent from https-proxy-agent.
 * NODE_EXTRA_CA_CERTS needs nothing: Node applies it to every TLS connection.
 */
import type { Agent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { EnvHttpProxyAgent } from 'undici';

export interface ProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function first(env: Env, ...names: string[]): string | undefined {
  for (const name of names) {
    const raw = env[name]?.trim();
    if (raw) return raw;
  }
  return undefined;
}

export function proxySettings(env: Env): ProxySettings {
  const settings: ProxySettings = {};
  const httpProxy = first(env, 'HTTP_PROXY', 'http_proxy');
  const httpsProxy = first(env, 'HTTPS_PROXY', 'https_proxy');
  const noProxy = first(env, 'NO_PROXY', 'no_proxy');
  if (httpProxy !== undefined) settings.httpProxy = httpProxy;
  if (httpsProxy !== undefined) settings.httpsProxy = httpsProxy;
  if (noProxy !== undefined) settings.noProxy = noProxy;
  return settings;
}

function hasProxy(settings: ProxySettings): boolean {
  return settings.httpProxy !== undefined || settings.httpsProxy !== undefined;
}

/** Whether NO_PROXY exempts `target`: `*`, exact hosts, domain suffixes (`.corp` or `corp`), optional `:port`. */
export function bypassesProxy(target: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const match = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\]$/g, ''));
    const entryHost = (match?.[1] ?? entry).replace(/^\*?\./, '');
    const entryPort = match?.[2];
    if (entryPort !== undefined && entryPort !== port) continue;
    if (host === entryHost || host.endsWith(`.${entryHost}`)) return true;
  }
  return false;
}

/** `fetchOptions` for the Anthropic and Vertex clients: a proxying dispatcher, or nothing. */
export function anthropicFetchOptions(settings: ProxySettings): { dispatcher: EnvHttpProxyAgent } | undefined {
  if (!hasProxy(settings)) return undefined;
  // Empty strings, not undefined: undici would otherwise read process.env behind our back.
  const dispatcher = new EnvHttpProxyAgent({
    httpProxy: settings.httpProxy ?? '',
    httpsProxy: settings.httpsProxy ?? '',
    noProxy: settings.noProxy ?? '',
  });
  return { dispatcher };
}

/** The proxy URL for requests to `target`, honouring NO_PROXY; undefined when none applies. */
export function proxyFor(target: URL, settings: ProxySettings): string | undefined {
  if (bypassesProxy(target, settings.noProxy)) return undefined;
  return target.protocol === 'https:' ? (settings.httpsProxy ?? settings.httpProxy) : settings.httpProxy;
}

/** Agents for the AWS NodeHttpHandler when a proxy applies to `target`, else undefined. */
export function awsProxyAgents(target: URL, settings: ProxySettings): { httpAgent: Agent; httpsAgent: Agent } | undefined {
  const proxy = proxyFor(target, settings);
  if (proxy === undefined) return undefined;
  const agent = new HttpsProxyAgent(proxy);
  return { httpAgent: agent, httpsAgent: agent };
}
