/**
 * Takes the values of one settings file out of its syntax tree, each with its provenance (file,
 * line, column, root). Every value is checked on its own, so the same code can take only the
 * restrictive values (deny and ask rules, blocked servers) from a file that has errors elsewhere.
 */
import type { Node } from 'jsonc-parser';
import path from 'node:path';
import type { z } from 'zod';
import { type JsonDocument, nodeAt, positionAt, propertiesOf, valueOf } from './jsonDocument';
import { mcpServerMatcherSchema, permissionModeSchema, ruleStringSchema, settingsFileSchema } from './schema';
import type { EffectiveSettings, McpServerMatcher, Source, Sourced } from './types';

/** The settings values of one file, or several merged: EffectiveSettings without the bookkeeping. */
export type SettingsValues = Omit<EffectiveSettings, 'rules' | 'managedFailure' | 'trusted' | 'files' | 'diagnostics'>;

export function emptyValues(): SettingsValues {
  return {
    permissions: { allow: [], ask: [], deny: [], additionalDirectories: [] },
    // No prototype: a variable named "constructor" or "__proto__" is just a name.
    env: Object.create(null) as Record<string, Sourced<string>>,
    enabledMcpjsonServers: [],
    disabledMcpjsonServers: [],
    deniedMcpServers: [],
  };
}

/** Where a file's values come from; positions are added per value. */
export type FileOrigin = Omit<Source, 'position'>;

/**
 * `all`: every value (the file is valid). `restrictions`: only values that can only make
 * AgentGate stricter (the file has errors, so nothing that relaxes is trusted).
 */
export type ExtractScope = 'all' | 'restrictions';

const shape = settingsFileSchema.shape;
const nonEmpty = shape.model.unwrap();

/** `~/x` against home, relative paths against the file's root; the result is absolute. */
export function resolveDirectory(raw: string, root: string, home: string): string {
  if (raw === '~') return home;
  if (raw.startsWith('~/') || raw.startsWith('~\\')) return path.resolve(home, raw.slice(2));
  return path.resolve(root, raw);
}

export function extractValues(doc: JsonDocument, origin: FileOrigin, home: string, scope: ExtractScope): SettingsValues {
  const values = emptyValues();
  const root = doc.root;
  if (root?.type !== 'object') return values;
  const all = scope === 'all';
  const source = (node: Node): Source => ({ ...origin, position: positionAt(doc, node.offset) });
  const sourced = <T>(value: T, node: Node): Sourced<T> => ({ value, source: source(node) });

  const listOf = <T>(pathTo: (string | number)[], element: z.ZodType<T>): Sourced<T>[] => {
    const node = nodeAt(root, pathTo);
    if (node?.type !== 'array') return [];
    const out: Sourced<T>[] = [];
    for (const child of node.children ?? []) {
      const parsed = element.safeParse(valueOf(child));
      if (parsed.success) out.push(sourced(parsed.data, child));
    }
    return out;
  };
  const scalar = <T>(pathTo: (string | number)[], schema: z.ZodType<T>): Sourced<T> | undefined => {
    const node = nodeAt(root, pathTo);
    if (!node) return undefined;
    const parsed = schema.safeParse(valueOf(node));
    return parsed.success ? sourced(parsed.data, node) : undefined;
  };

  values.permissions.deny = listOf(['permissions', 'deny'], ruleStringSchema);
  values.permissions.ask = listOf(['permissions', 'ask'], ruleStringSchema);
  values.permissions.disableBypassPermissionsMode = scalar(['permissions', 'disableBypassPermissionsMode'], shape.permissions.unwrap().shape.disableBypassPermissionsMode.unwrap());
  values.disabledMcpjsonServers = listOf(['disabledMcpjsonServers'], nonEmpty);
  values.deniedMcpServers = listOf<McpServerMatcher>(['deniedMcpServers'], mcpServerMatcherSchema);
  if (origin.level === 'managed') {
    const node = nodeAt(root, ['allowedMcpServers']);
    if (node?.type === 'array') {
      // With errors, the valid entries alone form a shorter, so stricter, allow list.
      const entries = listOf<McpServerMatcher>(['allowedMcpServers'], mcpServerMatcherSchema).map((entry) => entry.value);
      values.allowedMcpServers = sourced(entries, node);
    }
  }
  if (!all) return values;

  values.permissions.allow = listOf(['permissions', 'allow'], ruleStringSchema);
  values.permissions.defaultMode = scalar(['permissions', 'defaultMode'], permissionModeSchema);
  values.permissions.additionalDirectories = listOf(['permissions', 'additionalDirectories'], nonEmpty).map((entry) => ({
    value: resolveDirectory(entry.value, origin.root, home),
    source: entry.source,
  }));
  const envNode = nodeAt(root, ['env']);
  for (const { key, valueNode } of propertiesOf(envNode)) {
    if (valueNode?.type === 'string') values.env[key] = sourced(String(valueNode.value), valueNode);
  }
  values.apiKeyHelper = scalar(['apiKeyHelper'], nonEmpty);
  values.cleanupPeriodDays = scalar(['cleanupPeriodDays'], shape.cleanupPeriodDays.unwrap());
  values.model = scalar(['model'], nonEmpty);
  values.enableAllProjectMcpServers = scalar(['enableAllProjectMcpServers'], shape.enableAllProjectMcpServers.unwrap());
  values.enabledMcpjsonServers = listOf(['enabledMcpjsonServers'], nonEmpty);
  return values;
}
