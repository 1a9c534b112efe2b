/**
 * One workspace folder's MCP servers for an interactive host (VS Code): evaluate, start what may
 * run, approve / revoke / restart on request, and stop everything on dispose. Every change goes
 * through policy again before anything starts.
 */
import type { EffectiveSettings } from '../settings/types';
import type { AgentTool } from '../tools/types';
import type { McpApprovalStore } from './approvals';
import { evaluateMcpServers, type EvaluatedMcp } from './evaluate';
import { McpManager, type EvaluatedServer, type McpManagerOptions } from './manager';
import type { McpSourceProblem } from './serverSources';
import type { ServerStatus } from './types';

export interface McpWorkspaceOptions extends Omit<McpManagerOptions, 'cwd'> {
  folder: string;
  home: string;
  approvals: McpApprovalStore;
  /** `--mcp-config` files (CLI only). */
  mcpConfigFiles?: readonly string[];
}

/** What policy needs to know that the host decides: the settings and the person's trust. */
export interface McpPolicyInputs {
  settings: EffectiveSettings;
  trusted: boolean;
}

export class McpApprovalError extends Error {
  override name = 'McpApprovalError';
}

export class McpWorkspace {
  readonly manager: McpManager;
  private last: EvaluatedMcp = { servers: [], problems: [] };
  private inputs: McpPolicyInputs | undefined;

  constructor(private readonly options: McpWorkspaceOptions) {
    this.manager = new McpManager({ ...options, cwd: options.folder });
  }

  get folder(): string {
    return this.options.folder;
  }

  /** The servers as last evaluated (what the person was shown). */
  get evaluated(): readonly EvaluatedServer[] {
    return this.last.servers;
  }

  get problems(): readonly McpSourceProblem[] {
    return this.last.problems;
  }

  /** Re-reads the definitions, settings' verdicts and approvals; starts and stops servers to match. */
  async refresh(inputs: McpPolicyInputs): Promise<void> {
    this.inputs = inputs;
    this.last = await evaluateMcpServers({
      cwd: this.options.folder,
      home: this.options.home,
      settings: inputs.settings,
      trusted: inputs.trusted,
      approvals: this.options.approvals,
      env: this.options.env,
      mcpConfigFiles: this.options.mcpConfigFiles ?? [],
    });
    await this.manager.apply(this.last.servers);
  }

  statuses(): ServerStatus[] {
    return this.manager.statuses();
  }

  tools(): AgentTool[] {
    return this.manager.tools();
  }

  /**
   * Records approvals pinned to the definitions the person was shown (`servers` from
   * `evaluated`), then re-evaluates: if the file changed meanwhile, the new definition still
   * awaits approval.
   */
  async approve(servers: readonly EvaluatedServer[]): Promise<void> {
    const project = servers.filter((server) => server.entry.scope === 'project');
    const other = servers.find((server) => server.entry.scope !== 'project');
    if (other) throw new McpApprovalError(`MCP server "${other.entry.name}" is not from .mcp.json: your own servers need no approval.`);
    await this.options.approvals.approve(this.options.folder, project.map((server) => ({ name: server.entry.name, sha256: server.hash })));
    await this.refreshAgain();
  }

  async revoke(names: readonly string[]): Promise<string[]> {
    const removed = await this.options.approvals.revoke(this.options.folder, names);
    await this.refreshAgain();
    return removed;
  }

  /** With `startOnApply: false`: starts the servers that may run (and, from now on, each one that becomes ready). */
  start(): Promise<void> {
    return this.manager.startReady();
  }

  restart(name: string): Promise<void> {
    return this.manager.restart(name);
  }

  dispose(): Promise<void> {
    return this.manager.dispose();
  }

  private async refreshAgain(): Promise<void> {
    if (this.inputs) await this.refresh(this.inputs);
  }
}
