/**
 * The running side of one workspace's MCP servers. `apply` takes every server with policy's
 * verdict and makes reality match: servers that are ready start, servers that are no longer
 * ready (revoked, denied, definition changed) stop. A server that fails (cannot start, crashes,
 * drops its connection) is reported with its stderr tail and stays stopped until `restart`.
 * `tools()` are the running servers' tools as AgentTools; a call looks the server up when it is
 * made, so a session that outlives a server gets an error result, not a crash.
 */
import type { AgentTool, ToolResult } from '../tools/types';
import { connectMcpServer, McpConnectError, type McpConnection } from './client';
import { describeTarget } from './describe';
import type { ExpandedServer } from './expand';
import { createMcpAgentTool, formatCallToolResult, MAX_TOOL_NAME_LENGTH, normalizeServerName, qualifiedToolName } from './mcpTools';
import { transportOf, type McpServerEntry, type McpToolSummary, type PolicyResult, type ServerState, type ServerStatus } from './types';

/** One server with everything decided before it could start. */
export interface EvaluatedServer {
  entry: McpServerEntry;
  hash: string;
  policy: PolicyResult;
  /** The filled-in definition; absent when a variable is missing (see expandError). */
  expanded?: ExpandedServer;
  expandError?: string;
}

export type McpLogLevel = 'info' | 'warn' | 'error';

export interface McpManagerOptions {
  /** The workspace folder: where stdio servers run. */
  cwd: string;
  /** AgentGate's environment (see INHERITED_VARIABLES for what reaches stdio servers). */
  env: NodeJS.ProcessEnv;
  clientVersion: string;
  connectTimeoutMs?: number;
  /** Per tool call (default 10 minutes; progress notifications extend it). */
  callTimeoutMs?: number;
  killGraceMs?: number;
  /**
   * False: `apply` only records which servers may start; they start at `startReady()` (the
   * editor starts servers when the agent is first used, not when a folder is opened). Default true.
   */
  startOnApply?: boolean;
  /** Messages never contain env or header values. */
  log?(level: McpLogLevel, message: string): void;
}

interface Managed {
  server: EvaluatedServer;
  state: ServerState;
  reason: string;
  /** The name used in tool names (normalized). */
  toolPrefix?: string;
  connection?: McpConnection;
  tools: { summary: McpToolSummary; agentTool: AgentTool }[];
  stderrTail: string[];
  /** Bumped on every start and stop, so a late connection of a stopped start is closed. */
  generation: number;
  starting?: Promise<void>;
}

export class McpServerNotRunningError extends Error {
  override name = 'McpServerNotRunningError';
}

export class McpManager {
  private readonly servers = new Map<string, Managed>();
  private readonly listeners = new Set<() => void>();
  private disposed = false;
  private startsEnabled: boolean;

  constructor(private readonly options: McpManagerOptions) {
    this.startsEnabled = options.startOnApply ?? true;
  }

  /** Starts every server policy lets run that was never started; from now on `apply` starts them at once. */
  async startReady(): Promise<void> {
    if (this.disposed) return;
    this.startsEnabled = true;
    await Promise.all([...this.servers.values()].filter((managed) => managed.state === 'ready').map((managed) => this.start(managed)));
  }

  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  statuses(): ServerStatus[] {
    return [...this.servers.values()].map((managed) => this.status(managed));
  }

  private status(managed: Managed): ServerStatus {
    const { entry, hash } = managed.server;
    return {
      name: entry.name,
      scope: entry.scope,
      state: managed.state,
      reason: managed.reason,
      transport: transportOf(entry.config),
      target: describeTarget(entry.config),
      file: entry.file,
      hash,
      tools: managed.tools.map((tool) => tool.summary),
      stderrTail: [...managed.stderrTail],
    };
  }

  /** The running servers' tools, for the next agent session. */
  tools(): AgentTool[] {
    return [...this.servers.values()].filter((managed) => managed.state === 'running').flatMap((managed) => managed.tools.map((tool) => tool.agentTool));
  }

  /** Makes the running servers match `servers`; resolves when every start has finished (or failed). */
  async apply(servers: readonly EvaluatedServer[]): Promise<void> {
    if (this.disposed) return;
    const wanted = new Map(servers.map((server) => [server.entry.name, server]));
    const stops: Promise<void>[] = [];
    for (const [name, managed] of this.servers) {
      const next = wanted.get(name);
      const unchanged = next !== undefined && next.hash === managed.server.hash && next.policy.state === 'ready' && managed.server.policy.state === 'ready';
      if (unchanged) {
        managed.server = next;
        continue;
      }
      if (managed.connection || managed.starting) stops.push(this.stopManaged(managed));
      this.servers.delete(name);
    }
    await Promise.all(stops);
    const starts: Promise<void>[] = [];
    for (const server of servers) {
      if (this.servers.has(server.entry.name)) continue;
      const reason = server.policy.state === 'ready' && !this.startsEnabled ? `${server.policy.reason} It starts when the agent first works here.` : server.policy.reason;
      const managed: Managed = { server, state: server.policy.state, reason, tools: [], stderrTail: [], generation: 0 };
      this.servers.set(server.entry.name, managed);
      if (server.policy.state === 'ready' && this.startsEnabled) starts.push(this.start(managed));
    }
    this.changed();
    await Promise.all(starts);
  }

  /** Starts a stopped or failed server again (only one that policy lets run). */
  async restart(name: string): Promise<void> {
    const managed = this.servers.get(name);
    if (!managed) throw new McpServerNotRunningError(`There is no MCP server named "${name}" in this workspace.`);
    if (managed.server.policy.state !== 'ready') {
      throw new McpServerNotRunningError(`MCP server "${name}" cannot start: ${managed.server.policy.reason}`);
    }
    await this.stopManaged(managed);
    await this.start(managed);
  }

  /** Stops one server (it stays stopped until restart or the next apply that changes it). */
  async stop(name: string): Promise<void> {
    const managed = this.servers.get(name);
    if (!managed) return;
    await this.stopManaged(managed);
    managed.state = 'stopped';
    managed.reason = 'Stopped.';
    this.changed();
  }

  async callTool(server: string, tool: string, args: Record<string, unknown>, signal: AbortSignal): Promise<ToolResult> {
    const managed = this.servers.get(server);
    if (!managed?.connection || managed.state !== 'running') {
      const why = managed ? `It is ${managed.state}: ${managed.reason}` : 'It is no longer configured.';
      return { content: `MCP server "${server}" is not running, so its tool "${tool}" cannot be called. ${why}`, isError: true };
    }
    try {
      const result = await managed.connection.callTool(tool, args, { signal, timeoutMs: this.options.callTimeoutMs ?? 600_000 });
      return formatCallToolResult(result);
    } catch (error) {
      if (signal.aborted) throw error;
      return { content: `MCP tool "${tool}" of server "${server}" failed: ${error instanceof Error ? error.message : String(error)}`, isError: true };
    }
  }

  /** Stops every server; the manager starts nothing afterwards. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all([...this.servers.values()].map((managed) => this.stopManaged(managed)));
    this.servers.clear();
    this.changed();
  }

  private start(managed: Managed): Promise<void> {
    const generation = ++managed.generation;
    const { server } = managed;
    const { name } = server.entry;
    managed.stderrTail = [];
    managed.tools = [];
    if (server.expanded === undefined) {
      this.fail(managed, server.expandError ?? `MCP server "${name}" has variables that are not set.`, []);
      return Promise.resolve();
    }
    const prefix = normalizeServerName(name);
    const clash = [...this.servers.values()].find((other) => other !== managed && other.toolPrefix !== undefined && other.toolPrefix === prefix);
    if (prefix === undefined || clash) {
      const why = prefix === undefined ? 'its name has no letters or digits' : `its tool names would clash with those of server "${clash!.server.entry.name}"`;
      this.fail(managed, `MCP server "${name}" cannot be used because ${why}. Rename it.`, []);
      return Promise.resolve();
    }
    managed.toolPrefix = prefix;
    managed.state = 'starting';
    managed.reason = 'Starting…';
    this.changed();
    const expanded = server.expanded;
    const task = (async () => {
      let connection: McpConnection;
      try {
        connection = await connectMcpServer({
          name,
          server: expanded,
          cwd: this.options.cwd,
          baseEnv: this.options.env,
          clientVersion: this.options.clientVersion,
          ...(this.options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: this.options.connectTimeoutMs }),
          ...(this.options.killGraceMs === undefined ? {} : { killGraceMs: this.options.killGraceMs }),
        });
      } catch (error) {
        if (generation !== managed.generation) return;
        const tail = error instanceof McpConnectError ? error.stderrTail : [];
        this.fail(managed, error instanceof Error ? error.message : String(error), tail);
        return;
      }
      if (generation !== managed.generation || this.disposed) {
        await connection.close();
        return;
      }
      managed.connection = connection;
      managed.tools = this.wrapTools(managed, prefix, connection);
      managed.state = 'running';
      managed.reason = `${managed.server.policy.reason} Running with ${managed.tools.length} tool${managed.tools.length === 1 ? '' : 's'}.`;
      connection.onToolsChanged(() => {
        if (generation !== managed.generation || managed.state !== 'running') return;
        managed.tools = this.wrapTools(managed, prefix, connection);
        this.options.log?.('info', `MCP server "${name}" changed its tools; it now has ${managed.tools.length}.`);
        this.changed();
      });
      connection.onFailure((failure) => {
        if (generation !== managed.generation) return;
        managed.connection = undefined;
        this.fail(managed, `MCP server "${name}" stopped unexpectedly. ${failure.message} It is not restarted automatically: fix it, then restart it.`, failure.stderrTail);
      });
      this.options.log?.('info', `MCP server "${name}" is running with ${managed.tools.length} tools.`);
      this.changed();
    })();
    const starting: Promise<void> = task.finally(() => {
      if (managed.starting === starting) managed.starting = undefined;
    });
    managed.starting = starting;
    return starting;
  }

  private wrapTools(managed: Managed, prefix: string, connection: McpConnection): Managed['tools'] {
    const { name } = managed.server.entry;
    const seen = new Set<string>();
    const out: Managed['tools'] = [];
    for (const tool of connection.tools) {
      const qualifiedName = qualifiedToolName(prefix, tool.name);
      if (qualifiedName.length > MAX_TOOL_NAME_LENGTH || seen.has(qualifiedName)) {
        const why = seen.has(qualifiedName) ? 'another of its tools has the same name' : `its full name is longer than ${MAX_TOOL_NAME_LENGTH} characters`;
        this.options.log?.('warn', `MCP tool "${tool.name}" of server "${name}" is not offered to the model: ${why}.`);
        continue;
      }
      seen.add(qualifiedName);
      const agentTool = createMcpAgentTool({
        server: name,
        qualifiedName,
        tool,
        call: (args, signal) => this.callTool(name, tool.name, args, signal),
      });
      out.push({ summary: { name: tool.name, qualifiedName, description: tool.description ?? '' }, agentTool });
    }
    return out;
  }

  private fail(managed: Managed, reason: string, stderrTail: string[]): void {
    managed.state = 'failed';
    managed.reason = reason;
    managed.stderrTail = stderrTail;
    managed.tools = [];
    const tail = stderrTail.length > 0 ? `\n  stderr (last ${stderrTail.length} lines):\n    ${stderrTail.join('\n    ')}` : '';
    this.options.log?.('error', `${reason}${tail}`);
    this.changed();
  }

  private async stopManaged(managed: Managed): Promise<void> {
    managed.generation++;
    const connection = managed.connection;
    managed.connection = undefined;
    managed.tools = [];
    const starting = managed.starting;
    if (connection) await connection.close();
    if (starting) await starting;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
