/**
 * Where MCP server definitions come from, highest precedence first when two share a name:
 * `--mcp-config` files (cli), `~/.claude.json` → `projects[<workspace>].mcpServers` (local),
 * `~/.claude.json` → `mcpServers` (user), the workspace's `.mcp.json` (project). Claude Code
 * keeps the person's own servers in `~/.claude.json`; AgentGate reads them there and never
 * writes that file. Unlike Claude Code (where a project server overrides a user server of the
 * same name), the person's own servers always win: a repository must not be able to take the
 * place of the person's "github" server and inherit the rules that allow its tools.
 *
 * Each server is validated on its own: one bad definition is reported and skipped, the others
 * still load. Problems never repeat env or header values (they may be secrets).
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { mcpServerSchema } from '../settings/mcpSchema';
import { SCOPE_LABEL, type McpScope, type McpServerEntry } from './types';

export interface McpSourceProblem {
  severity: 'error' | 'warning';
  file: string;
  message: string;
}

export interface LoadedMcpServers {
  servers: McpServerEntry[];
  problems: McpSourceProblem[];
}

export interface LoadMcpServersOptions {
  /** The workspace folder: its `.mcp.json` is the project's. */
  cwd: string;
  home: string;
  /** `--mcp-config` values: file paths (relative to cwd) or inline JSON objects. */
  mcpConfigFiles?: readonly string[];
}

/** A `--mcp-config` that cannot be used: the person asked for it explicitly, so this is fatal. */
export class McpConfigError extends Error {
  override name = 'McpConfigError';
}

export function projectMcpJsonPath(cwd: string): string {
  return path.join(path.resolve(cwd), '.mcp.json');
}

export function claudeJsonPath(home: string): string {
  return path.join(home, '.claude.json');
}

const PRECEDENCE: readonly McpScope[] = ['cli', 'local', 'user', 'project'];

type ReadResult = { status: 'missing' } | { status: 'ok'; json: unknown } | { status: 'error'; message: string };

async function readJson(file: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'missing' };
    return { status: 'error', message: `Cannot read ${file}: ${(error as Error).message}` };
  }
  return parseJson(text, file);
}

function parseJson(text: string, file: string): ReadResult {
  try {
    return { status: 'ok', json: JSON.parse(text) as unknown };
  } catch (error) {
    return { status: 'error', message: `${file} is not valid JSON (${(error as Error).message}). Run 'agentgate validate' on it for the exact position.` };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The valid servers of one `mcpServers` object; invalid ones become problems. */
function serversOf(value: unknown, scope: McpScope, file: string, problems: McpSourceProblem[]): McpServerEntry[] {
  if (value === undefined) return [];
  if (!isRecord(value)) {
    problems.push({ severity: 'error', file, message: `"mcpServers" in ${file} must be an object of servers by name; no servers were loaded from it.` });
    return [];
  }
  const out: McpServerEntry[] = [];
  for (const [name, raw] of Object.entries(value)) {
    if (name === '' || name === '__proto__') {
      problems.push({ severity: 'error', file, message: `An MCP server in ${file} has the name "${name}", which cannot be used; rename it.` });
      continue;
    }
    const parsed = mcpServerSchema.safeParse(raw);
    if (!parsed.success) {
      // Issue messages name paths and expectations, never the values themselves.
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(server)'}: ${issue.message}`).join('; ');
      problems.push({ severity: 'error', file, message: `MCP server "${name}" in ${file} is not valid and is ignored: ${issues}` });
      continue;
    }
    out.push({ name, scope, config: parsed.data, file });
  }
  return out;
}

async function projectServers(cwd: string, problems: McpSourceProblem[]): Promise<McpServerEntry[]> {
  const file = projectMcpJsonPath(cwd);
  const read = await readJson(file);
  if (read.status === 'missing') return [];
  if (read.status === 'error') {
    problems.push({ severity: 'error', file, message: `${read.message} No project MCP servers were loaded.` });
    return [];
  }
  if (!isRecord(read.json)) {
    problems.push({ severity: 'error', file, message: `${file} must be a JSON object like { "mcpServers": { ... } }. No project MCP servers were loaded.` });
    return [];
  }
  return serversOf(read.json.mcpServers ?? {}, 'project', file, problems);
}

async function claudeJsonServers(cwd: string, home: string, problems: McpSourceProblem[]): Promise<McpServerEntry[]> {
  const file = claudeJsonPath(home);
  const read = await readJson(file);
  if (read.status === 'missing') return [];
  if (read.status === 'error') {
    problems.push({ severity: 'error', file, message: `${read.message} Your own MCP servers were not loaded.` });
    return [];
  }
  if (!isRecord(read.json)) return [];
  const out = serversOf(read.json.mcpServers, 'user', file, problems);
  const projects = read.json.projects;
  if (isRecord(projects)) {
    const absolute = path.resolve(cwd);
    const real = await realpath(absolute).catch(() => absolute);
    const entry = projects[absolute] ?? projects[real];
    if (isRecord(entry)) out.push(...serversOf(entry.mcpServers, 'local', file, problems));
  }
  return out;
}

async function cliServers(values: readonly string[], cwd: string): Promise<McpServerEntry[]> {
  const out: McpServerEntry[] = [];
  for (const value of values) {
    const inline = value.trimStart().startsWith('{');
    const file = inline ? '<--mcp-config>' : path.resolve(cwd, value);
    const read = inline ? parseJson(value, file) : await readJson(file);
    if (read.status === 'missing') throw new McpConfigError(`--mcp-config ${file} does not exist. Check the path.`);
    if (read.status === 'error') throw new McpConfigError(`--mcp-config: ${read.message}`);
    if (!isRecord(read.json) || !isRecord(read.json.mcpServers)) {
      throw new McpConfigError(`--mcp-config ${file} must be a JSON object like { "mcpServers": { "name": { "command": "..." } } }.`);
    }
    const local: McpSourceProblem[] = [];
    out.push(...serversOf(read.json.mcpServers, 'cli', file, local));
    if (local.length > 0) throw new McpConfigError(local.map((problem) => problem.message).join('\n'));
  }
  return out;
}

/** Every server definition for the workspace, one per name (the highest-precedence one). */
export async function loadMcpServers(options: LoadMcpServersOptions): Promise<LoadedMcpServers> {
  const problems: McpSourceProblem[] = [];
  const all = [
    ...(await cliServers(options.mcpConfigFiles ?? [], options.cwd)),
    ...(await claudeJsonServers(options.cwd, options.home, problems)),
    ...(await projectServers(options.cwd, problems)),
  ];
  all.sort((a, b) => PRECEDENCE.indexOf(a.scope) - PRECEDENCE.indexOf(b.scope));
  const byName = new Map<string, McpServerEntry>();
  for (const entry of all) {
    const winner = byName.get(entry.name);
    if (winner === undefined) {
      byName.set(entry.name, entry);
      continue;
    }
    problems.push({
      severity: 'warning',
      file: entry.file,
      message: `MCP server "${entry.name}" from ${SCOPE_LABEL[entry.scope]} is ignored: the one from ${SCOPE_LABEL[winner.scope]} (${winner.file}) has the same name and takes precedence.`,
    });
  }
  return { servers: [...byName.values()], problems };
}
