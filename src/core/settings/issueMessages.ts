/**
 * Turns schema violations into messages a person can act on without reading our code: what the
 * key must hold, what it holds instead, and how to fix it.
 */
import type { Node } from 'jsonc-parser';
import type { z } from 'zod';
import { describeNode, formatPath, type JsonPath, nodeAt, propertiesOf, propertyNode } from './jsonDocument';
import { RULE_ISSUE } from './schema';
import { closestMatch } from './suggest';

type Kind = 'list' | 'string' | 'boolean' | 'integer' | 'object' | 'enum' | 'matcher';

export interface Expectation {
  expected: string;
  kind: Kind;
  values?: readonly string[];
}

const RULE_LIST: Expectation = { expected: 'a list of rule strings like "Bash(npm test)"', kind: 'list' };
const RULE: Expectation = { expected: 'a rule string like "Bash(npm test)" or "Read(./src/**)"', kind: 'string' };
const NAME_LIST: Expectation = { expected: 'a list of server names from .mcp.json, like ["github"]', kind: 'list' };
const NAME: Expectation = { expected: 'a server name string', kind: 'string' };
const MATCHER_LIST: Expectation = {
  expected: 'a list of entries like { "serverName": "github" }, { "serverCommand": ["npx", "server"] } or { "serverUrl": "https://*.example.com/*" }',
  kind: 'list',
};
export const MATCHER_KEYS = ['serverName', 'serverCommand', 'serverUrl'] as const;

/** What each settings key must hold. `[]` stands for any list entry, `*` for any key. */
export const SETTINGS_EXPECTATIONS: Record<string, Expectation> = {
  '': { expected: 'one JSON object { ... }', kind: 'object' },
  permissions: { expected: 'an object such as { "allow": ["Bash(npm test)"] }', kind: 'object' },
  'permissions.allow': RULE_LIST,
  'permissions.ask': RULE_LIST,
  'permissions.deny': RULE_LIST,
  'permissions.allow[]': RULE,
  'permissions.ask[]': RULE,
  'permissions.deny[]': RULE,
  'permissions.defaultMode': {
    expected: 'one of "default", "acceptEdits", "plan", "bypassPermissions"',
    kind: 'enum',
    values: ['default', 'acceptEdits', 'plan', 'bypassPermissions'],
  },
  'permissions.additionalDirectories': { expected: 'a list of folder paths like ["../shared"]', kind: 'list' },
  'permissions.additionalDirectories[]': { expected: 'a non-empty folder path string', kind: 'string' },
  'permissions.disableBypassPermissionsMode': { expected: 'the string "disable"', kind: 'enum', values: ['disable'] },
  env: { expected: 'an object of variable names and string values, like { "NODE_ENV": "test" }', kind: 'object' },
  'env.*': { expected: 'a string', kind: 'string' },
  apiKeyHelper: { expected: 'a non-empty string: the command that prints the API key', kind: 'string' },
  cleanupPeriodDays: { expected: 'a whole number of days, 0 or more', kind: 'integer' },
  model: { expected: 'a non-empty model name string like "claude-sonnet-4-5"', kind: 'string' },
  enableAllProjectMcpServers: { expected: 'true or false', kind: 'boolean' },
  enabledMcpjsonServers: NAME_LIST,
  disabledMcpjsonServers: NAME_LIST,
  'enabledMcpjsonServers[]': NAME,
  'disabledMcpjsonServers[]': NAME,
  allowedMcpServers: MATCHER_LIST,
  deniedMcpServers: MATCHER_LIST,
  'allowedMcpServers[]': { expected: 'an object with exactly one of the keys "serverName", "serverCommand", "serverUrl"', kind: 'matcher' },
  'deniedMcpServers[]': { expected: 'an object with exactly one of the keys "serverName", "serverCommand", "serverUrl"', kind: 'matcher' },
  '$schema': { expected: 'a string', kind: 'string' },
};

const MATCHER_VALUES: Record<string, Expectation> = {
  serverName: { expected: 'a non-empty string', kind: 'string' },
  serverCommand: { expected: 'a list of strings: the command and its arguments, like ["npx", "-y", "server"]', kind: 'list' },
  serverUrl: { expected: 'a non-empty URL string like "https://*.example.com/*"', kind: 'string' },
};

/**
 * `permissions.allow[]` for `["permissions", "allow", 3]`. `records` names the patterns whose
 * keys are free-form (`env`): a key below one of them becomes `*` (`env.*`).
 */
export function pathPattern(path: JsonPath, records: ReadonlySet<string>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += '[]';
    else if (records.has(out)) out += '.*';
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

function fixHint(expectation: Expectation, node: Node | undefined): string {
  if (!node || node.type === 'null') return 'Give it a value, or remove the line.';
  const { kind } = expectation;
  switch (kind) {
    case 'list':
      return node.type === 'string' || node.type === 'object' ? 'Wrap it in [ ].' : 'Write it as a list in [ ].';
    case 'string':
      if (node.type === 'number' || node.type === 'boolean') return 'Put it in double quotes.';
      if (node.type === 'string') return 'Write a non-empty value.';
      return 'Write a single string in double quotes.';
    case 'boolean':
      return node.type === 'string' && /^(true|false)$/i.test(String(node.value))
        ? 'Write true or false without quotes.'
        : 'Write true or false.';
    case 'integer':
      if (node.type === 'string' && /^\d+$/.test(String(node.value).trim())) return 'Write the number without quotes.';
      return 'Use a whole number such as 30.';
    case 'object':
      return node.type === 'array' ? 'Use { } instead of [ ].' : 'Write an object in { }.';
    case 'enum': {
      const suggestion = node.type === 'string' ? closestMatch(String(node.value), expectation.values ?? []) : undefined;
      return suggestion ? `Did you mean "${suggestion}"? Values are case-sensitive.` : 'Use one of these values.';
    }
    case 'matcher':
      return node.type === 'string' ? `If it is a server name, write { "serverName": ${JSON.stringify(node.value)} }.` : 'Write e.g. { "serverName": "github" }.';
  }
}

function actualText(node: Node | undefined): string {
  if (node?.type === 'string' && node.value !== '') return `the string ${JSON.stringify(node.value)}`;
  return describeNode(node);
}

/**
 * Where to point for a path that does not exist: the key of the closest object that does (for
 * `mcpServers.github.command`, the `"github"` key).
 */
export function nearestNode(root: Node | undefined, path: JsonPath): Node | undefined {
  for (let length = path.length - 1; length > 0; length--) {
    const prefix = path.slice(0, length);
    const node = nodeAt(root, prefix);
    if (!node) continue;
    const last = prefix[length - 1];
    if (typeof last === 'number') return node;
    return propertyNode(nodeAt(root, prefix.slice(0, -1)), last)?.children?.[0] ?? node;
  }
  return root;
}

export interface LocatedMessage {
  node: Node | undefined;
  message: string;
}

/** "X must be ..., but it is .... Fix." for a value that does not match its expectation. */
export function expectationMessage(path: JsonPath, expectation: Expectation, node: Node | undefined): string {
  const last = path[path.length - 1];
  const subject =
    typeof last === 'number' ? `Each entry of "${formatPath(path.slice(0, -1))}" must be` : `"${formatPath(path)}" must be`;
  const actual = typeof last === 'number' ? `this one is ${actualText(node)}` : `it is ${actualText(node)}`;
  if (path.length === 0) return `The file must contain ${expectation.expected}, but it contains ${describeNode(node)}. ${fixHint(expectation, node)}`;
  return `${subject} ${expectation.expected}, but ${actual}. ${fixHint(expectation, node)}`;
}

/** Explains why an `allowedMcpServers` / `deniedMcpServers` entry is not a valid matcher. */
export function matcherMessage(root: Node | undefined, path: JsonPath, expectation: Expectation): LocatedMessage {
  const node = nodeAt(root, path);
  const where = `"${formatPath(path)}"`;
  if (node?.type !== 'object') return { node, message: expectationMessage(path, expectation, node) };
  const properties = propertiesOf(node);
  const unknown = properties.find((p) => !(MATCHER_KEYS as readonly string[]).includes(p.key));
  if (unknown) {
    const suggestion = closestMatch(unknown.key, MATCHER_KEYS);
    return {
      node: unknown.keyNode,
      message:
        `${where} has the key "${unknown.key}", which is not one of "serverName", "serverCommand", "serverUrl".` +
        (suggestion ? ` Did you mean "${suggestion}"?` : ' Use exactly one of them.'),
    };
  }
  if (properties.length === 0) {
    return { node, message: `${where} is empty. Give exactly one of "serverName", "serverCommand" or "serverUrl".` };
  }
  if (properties.length > 1) {
    const names = properties.map((p) => `"${p.key}"`).join(' and ');
    return {
      node,
      message: `${where} has ${names}, but each entry matches by exactly one of them. Split it into separate entries.`,
    };
  }
  const only = properties[0];
  const valuePath = [...path, only.key];
  const valueNode = only.valueNode;
  if (only.key === 'serverCommand' && valueNode?.type === 'array' && valueNode.children?.length) {
    const bad = valueNode.children.findIndex((child) => child.type !== 'string');
    if (bad !== -1) {
      return { node: valueNode.children[bad], message: expectationMessage([...valuePath, bad], { expected: 'a string', kind: 'string' }, valueNode.children[bad]) };
    }
  }
  return { node: valueNode, message: expectationMessage(valuePath, MATCHER_VALUES[only.key], valueNode) };
}

/** The message and the offending node for one zod issue. */
export function issueMessage(
  root: Node | undefined,
  issue: z.core.$ZodIssue,
  expectations: Record<string, Expectation>,
  records: ReadonlySet<string>,
): LocatedMessage {
  const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const node = nodeAt(root, path);
  const pattern = pathPattern(path, records);
  const expectation = expectations[pattern];
  if (expectation?.kind === 'matcher') return matcherMessage(root, path, expectation);
  if (issue.code === 'custom' && (issue.params as { kind?: string } | undefined)?.kind === RULE_ISSUE) {
    const owner = typeof path[path.length - 1] === 'number' ? formatPath(path.slice(0, -1)) : formatPath(path);
    return { node, message: `Invalid rule in "${owner}": ${issue.message}` };
  }
  if (issue.code === 'custom') return { node: node ?? nearestNode(root, path), message: issue.message };
  if (issue.code === 'unrecognized_keys') {
    const property = propertiesOf(node).find((p) => issue.keys.includes(p.key));
    return { node: property?.keyNode ?? node, message: `"${formatPath(path)}" does not accept the key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}. Remove ${issue.keys.length > 1 ? 'them' : 'it'}.` };
  }
  if (expectation && !node) {
    return { node: nearestNode(root, path), message: `"${formatPath(path)}" is missing: it must be ${expectation.expected}. Add it.` };
  }
  if (expectation) return { node, message: expectationMessage(path, expectation, node) };
  return { node, message: `"${formatPath(path)}" is not valid: ${issue.message}. Fix the value or remove it.` };
}
