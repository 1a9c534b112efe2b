/**
 * MCP servers as the rest of AgentGate sees them: where each definition came from, what policy
 * decided about it and, once started, whether it runs.
 */
import type { z } from 'zod';
import type { mcpServerSchema } from '../settings/mcpSchema';

/** One server definition exactly as written (before `${VAR}` expansion). */
export type McpServerConfig = z.infer<typeof mcpServerSchema>;

export type McpTransportKind = 'stdio' | 'http' | 'sse';

/**
 * Where a definition came from:
 * - `project`: the workspace's `.mcp.json` (untrusted input: needs trust and approval);
 * - `local`: `~/.claude.json` → `projects[<workspace>].mcpServers` (the person's own, for this folder);
 * - `user`: `~/.claude.json` → `mcpServers` (the person's own, everywhere);
 * - `cli`: a `--mcp-config FILE` given on the command line.
 */
export type McpScope = 'project' | 'local' | 'user' | 'cli';

export const SCOPE_LABEL: Record<McpScope, string> = {
  project: 'project (.mcp.json)',
  local: 'local (~/.claude.json, this folder)',
  user: 'user (~/.claude.json)',
  cli: 'command line (--mcp-config)',
};

export interface McpServerEntry {
  /** The name as written: the key under `mcpServers`. */
  name: string;
  scope: McpScope;
  config: McpServerConfig;
  /** The file the definition is in. */
  file: string;
}

/** What policy decided before anything was started. */
export type PolicyState = 'awaitingApproval' | 'blockedByPolicy' | 'disabled' | 'untrustedWorkspace' | 'ready';

export interface PolicyResult {
  name: string;
  scope: McpScope;
  state: PolicyState;
  /** Plain language: which setting or approval decided, and what to do about it. */
  reason: string;
}

/** A server's state: policy's verdict, or once it was started, how it runs. */
export type ServerState = Exclude<PolicyState, 'ready'> | 'ready' | 'starting' | 'running' | 'failed' | 'stopped';

export interface McpToolSummary {
  /** The tool's name on its server. */
  name: string;
  /** The name the model and permission rules use: `mcp__<server>__<tool>`. */
  qualifiedName: string;
  description: string;
}

export interface ServerStatus {
  name: string;
  scope: McpScope;
  state: ServerState;
  reason: string;
  transport: McpTransportKind;
  /** The full command line (quoted) or the URL, as written. */
  target: string;
  file: string;
  /** SHA-256 of the canonical definition (what an approval is pinned to). */
  hash: string;
  /** The running server's tools. */
  tools: McpToolSummary[];
  /** For a failed stdio server: the last lines it wrote to stderr. */
  stderrTail: string[];
}

export function transportOf(config: McpServerConfig): McpTransportKind {
  return config.type ?? 'stdio';
}
