/**
 * How a server definition is shown to the person who approves it: the full command line (each
 * argument quoted so spaces and quotes are unambiguous) or the URL, plus the names of its env
 * variables and headers and the variables of the person's environment it reads. Values are never
 * shown: they may be secrets; a `${VAR}` reference is shown because it says what leaves the
 * machine.
 */
import { quote } from 'shell-quote';
import { referencedVariables } from './expand';
import { transportOf, type McpServerConfig } from './types';

/** The command and its arguments as one shell-quoted line, or the URL. */
export function describeTarget(config: McpServerConfig): string {
  if (transportOf(config) !== 'stdio') return config.url ?? '';
  return quote([config.command ?? '', ...(config.args ?? [])]);
}

function namesWithReferences(record: Record<string, string> | undefined): string[] {
  return Object.entries(record ?? {}).map(([name, value]) => {
    const refs = referencedVariables(value);
    return refs.length > 0 ? `${name} (from ${refs.map((ref) => `\${${ref}}`).join(', ')})` : name;
  });
}

/** Every variable of the person's environment the definition reads. */
export function variablesUsed(config: McpServerConfig): string[] {
  const texts = [config.command ?? '', ...(config.args ?? []), config.url ?? '', ...Object.values(config.env ?? {}), ...Object.values(config.headers ?? {})];
  return [...new Set(texts.flatMap(referencedVariables))];
}

/** Lines describing the definition in full (without secret values), for approval prompts. */
export function describeDefinition(config: McpServerConfig): string[] {
  const type = transportOf(config);
  const lines: string[] = [];
  if (type === 'stdio') {
    lines.push(`Runs: ${describeTarget(config)}`);
    lines.push(`Command: ${JSON.stringify(config.command ?? '')}`);
    lines.push(`Arguments: ${JSON.stringify(config.args ?? [])}`);
    const env = namesWithReferences(config.env);
    if (env.length > 0) lines.push(`Environment variables set: ${env.join(', ')}`);
  } else {
    lines.push(`Connects to (${type === 'http' ? 'streamable HTTP' : 'SSE'}): ${config.url ?? ''}`);
    const headers = namesWithReferences(config.headers);
    if (headers.length > 0) lines.push(`Headers sent: ${headers.join(', ')}`);
  }
  const used = variablesUsed(config);
  if (used.length > 0) lines.push(`Reads from your environment: ${used.map((name) => `\${${name}}`).join(', ')}`);
  return lines;
}
