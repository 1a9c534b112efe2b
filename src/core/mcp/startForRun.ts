/**
 * MCP servers for a headless `agentgate run`: nobody can approve anything, so a repository's
 * `.mcp.json` servers start only when the folder is trusted and each server is already enabled
 * or approved (pinned to its current definition); the person's own servers (user, local,
 * `--mcp-config`) start as configured. Managed allow and deny lists apply to all of them.
 * Servers that cannot start are in `report`; the session runs without them.
 */
import type { EffectiveSettings } from '../settings/types';
import type { AgentTool } from '../tools/types';
import { version } from '../version';
import { FileMcpApprovalStore, type McpApprovalStore } from './approvals';
import type { McpLogLevel } from './manager';
import type { McpSourceProblem } from './serverSources';
import type { ServerStatus } from './types';
import { McpWorkspace } from './workspace';

export interface StartMcpForRunOptions {
  cwd: string;
  home: string;
  settings: EffectiveSettings;
  /** Whether the folder is trusted (the trust store). */
  trusted: boolean;
  /** `--mcp-config` values: files (relative to cwd) or inline JSON. */
  mcpConfigFiles: readonly string[];
  /** For `${VAR}` expansion and the variables stdio servers inherit. */
  env: NodeJS.ProcessEnv;
  approvals?: McpApprovalStore;
  log?(level: McpLogLevel, message: string): void;
  connectTimeoutMs?: number;
}

export interface McpForRun {
  tools: AgentTool[];
  /** Every server and what became of it (running, failed, awaiting approval, blocked...). */
  report: ServerStatus[];
  /** Problems with the definition files (invalid servers, shadowed names). */
  problems: McpSourceProblem[];
  /** Stops every server started here (process groups included). */
  dispose(): Promise<void>;
}

/** Throws McpConfigError when a `--mcp-config` cannot be used. */
export async function startMcpForRun(options: StartMcpForRunOptions): Promise<McpForRun> {
  const workspace = new McpWorkspace({
    folder: options.cwd,
    home: options.home,
    env: options.env,
    approvals: options.approvals ?? FileMcpApprovalStore.forHome(options.home),
    mcpConfigFiles: options.mcpConfigFiles,
    clientVersion: version,
    ...(options.log ? { log: options.log } : {}),
    ...(options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs }),
  });
  try {
    await workspace.refresh({ settings: options.settings, trusted: options.trusted });
  } catch (error) {
    await workspace.dispose();
    throw error;
  }
  return {
    tools: workspace.tools(),
    report: workspace.statuses(),
    problems: [...workspace.problems],
    dispose: () => workspace.dispose(),
  };
}
