/**
 * `${VAR}` and `${VAR:-default}` in a server definition, filled in from the environment (as
 * Claude Code does): in the command, the arguments, env values, the URL and header values.
 * `${VAR:-default}` uses the default when VAR is unset or empty. A `${VAR}` without a default
 * whose variable is unset is an error: the server does not start, and the message names every
 * missing variable.
 */
import { transportOf, type McpServerConfig, type McpTransportKind } from './types';

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** A definition with every variable filled in: what actually runs or is contacted. */
export interface ExpandedServer {
  type: McpTransportKind;
  command?: string;
  args: string[];
  env: Record<string, string>;
  url?: string;
  headers: Record<string, string>;
}

export class McpVariableError extends Error {
  override name = 'McpVariableError';
  constructor(
    readonly server: string,
    readonly missing: readonly string[],
  ) {
    const list = missing.map((name) => `\${${name}}`).join(', ');
    super(
      `The definition of MCP server "${server}" uses ${list}, but ${missing.length === 1 ? 'that variable is' : 'those variables are'} not set. ` +
        `Set ${missing.length === 1 ? 'it' : 'them'} in the environment AgentGate starts from, or write a default like \${${missing[0]}:-value}.`,
    );
  }
}

/** The variables `text` refers to, in order of appearance. */
export function referencedVariables(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((match) => match[1]!);
}

export function expandText(text: string, env: NodeJS.ProcessEnv, missing: Set<string>): string {
  return text.replace(REFERENCE, (_whole, name: string, fallback: string | undefined) => {
    const value = env[name];
    if (fallback !== undefined) return value === undefined || value === '' ? fallback : value;
    if (value === undefined) {
      missing.add(name);
      return '';
    }
    return value;
  });
}

function expandRecord(record: Record<string, string> | undefined, env: NodeJS.ProcessEnv, missing: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record ?? {})) out[key] = expandText(value, env, missing);
  return out;
}

/** Fills in every variable; throws McpVariableError naming all the missing ones. */
export function expandServer(name: string, config: McpServerConfig, env: NodeJS.ProcessEnv): ExpandedServer {
  const missing = new Set<string>();
  const command = config.command === undefined ? undefined : expandText(config.command, env, missing);
  const url = config.url === undefined ? undefined : expandText(config.url, env, missing);
  const expanded: ExpandedServer = {
    type: transportOf(config),
    args: (config.args ?? []).map((arg) => expandText(arg, env, missing)),
    env: expandRecord(config.env, env, missing),
    headers: expandRecord(config.headers, env, missing),
  };
  if (command !== undefined) expanded.command = command;
  if (url !== undefined) expanded.url = url;
  if (missing.size > 0) throw new McpVariableError(name, [...missing]);
  return expanded;
}

/** Values that must never reach a log: the server's env and header values, expanded. */
export function secretValues(server: ExpandedServer): string[] {
  const values = [...Object.values(server.env), ...Object.values(server.headers)];
  // "Bearer <token>": the token alone must not appear either.
  const parts = values.flatMap((value) => value.split(/\s+/)).filter((part) => part.length >= 8);
  return [...new Set([...values.filter((value) => value.length >= 4), ...parts])];
}

/** `text` with every secret value replaced by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}
