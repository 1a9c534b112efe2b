/**
 * The fingerprint an approval is pinned to: SHA-256 of the server's full definition as canonical
 * JSON (object keys sorted, no whitespace), taken before `${VAR}` expansion. Any change to the
 * type, command, arguments, environment, URL or headers gives a different hash, so the server
 * asks again. An absent `type` counts as "stdio" (they start the same program).
 */
import { createHash } from 'node:crypto';
import { transportOf, type McpServerConfig } from './types';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The fields that decide what runs or where requests go. */
export function canonicalDefinition(config: McpServerConfig): Record<string, Json> {
  const out: Record<string, Json> = { type: transportOf(config) };
  if (config.command !== undefined) out.command = config.command;
  if (config.args !== undefined) out.args = [...config.args];
  if (config.env !== undefined) out.env = { ...config.env };
  if (config.url !== undefined) out.url = config.url;
  if (config.headers !== undefined) out.headers = { ...config.headers };
  return out;
}

/** JSON with object keys sorted at every depth. */
export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function definitionHash(config: McpServerConfig): string {
  return createHash('sha256').update(canonicalJson(canonicalDefinition(config))).digest('hex');
}
