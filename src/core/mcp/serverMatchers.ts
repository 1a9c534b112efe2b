/**
 * Managed `allowedMcpServers` / `deniedMcpServers` entries against one server:
 * - `serverName`: the name exactly as written;
 * - `serverCommand`: the exact array of command and arguments of a stdio server;
 * - `serverUrl`: the URL of an http or sse server, `*` matching any characters.
 *
 * A deny entry matches the definition as written or as filled in (a `${VAR}` cannot hide a
 * denied command or URL). An allow entry must match what actually runs: the filled-in form.
 */
import type { McpServerMatcher } from '../settings/types';
import type { ExpandedServer } from './expand';
import { transportOf, type McpServerEntry } from './types';

/** What a matcher can be compared with: the form as written and, when known, the filled-in form. */
export interface MatchForms {
  name: string;
  stdio: boolean;
  commands: string[][];
  urls: string[];
}

function normalizedUrl(url: string): string | undefined {
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

function urlsOf(url: string | undefined): string[] {
  if (url === undefined) return [];
  const normalized = normalizedUrl(url);
  return normalized === undefined || normalized === url ? [url] : [url, normalized];
}

/** The forms a deny entry is checked against: as written and filled in. */
export function denyForms(entry: McpServerEntry, expanded: ExpandedServer | undefined): MatchForms {
  const { config } = entry;
  const stdio = transportOf(config) === 'stdio';
  const commands: string[][] = [];
  if (stdio && config.command !== undefined) commands.push([config.command, ...(config.args ?? [])]);
  if (stdio && expanded?.command !== undefined) commands.push([expanded.command, ...expanded.args]);
  const urls = stdio ? [] : [...urlsOf(config.url), ...urlsOf(expanded?.url)];
  return { name: entry.name, stdio, commands, urls };
}

/** The forms an allow entry must match: what actually runs (the definition as written when it has no variables). */
export function allowForms(entry: McpServerEntry, expanded: ExpandedServer | undefined): MatchForms {
  const { config } = entry;
  const stdio = transportOf(config) === 'stdio';
  const command = expanded?.command ?? config.command;
  const args = expanded?.args ?? config.args ?? [];
  const url = expanded?.url ?? config.url;
  const normalized = url === undefined ? undefined : normalizedUrl(url);
  return {
    name: entry.name,
    stdio,
    commands: stdio && command !== undefined ? [[command, ...args]] : [],
    urls: !stdio && normalized !== undefined ? [normalized] : [],
  };
}

function sameCommand(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

/** `*` matches any run of characters; everything else literally; the whole URL must match. */
export function urlPatternMatches(pattern: string, url: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(url);
}

export function matcherMatches(matcher: McpServerMatcher, forms: MatchForms): boolean {
  if ('serverName' in matcher) return matcher.serverName === forms.name;
  if ('serverCommand' in matcher) return forms.commands.some((command) => sameCommand(matcher.serverCommand, command));
  return forms.urls.some((url) => urlPatternMatches(matcher.serverUrl, url));
}

export function describeMatcher(matcher: McpServerMatcher): string {
  if ('serverName' in matcher) return `{ "serverName": ${JSON.stringify(matcher.serverName)} }`;
  if ('serverCommand' in matcher) return `{ "serverCommand": ${JSON.stringify(matcher.serverCommand)} }`;
  return `{ "serverUrl": ${JSON.stringify(matcher.serverUrl)} }`;
}

/**
 * Whether a managed allow list admits the server. As in Claude Code: when the list has any
 * `serverCommand` entries, a stdio server must match one of them (its name alone is not enough);
 * when it has any `serverUrl` entries, a remote server must match one of those.
 */
export function allowListAdmits(list: readonly McpServerMatcher[], forms: MatchForms): McpServerMatcher | undefined {
  const strictKey = forms.stdio ? 'serverCommand' : 'serverUrl';
  const strict = list.some((matcher) => strictKey in matcher);
  return list.find((matcher) => {
    if (strict && !(strictKey in matcher)) return false;
    return matcherMatches(matcher, forms);
  });
}
