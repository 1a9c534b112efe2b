/**
 * One connection to one MCP server through @modelcontextprotocol/sdk: stdio (in its own process
 * group, see stdioTransport), streamable HTTP or SSE. Connecting performs the MCP handshake and
 * lists the server's tools; after that the connection calls tools and reports, once, when it
 * ends without being asked to (a crash, a dropped connection) with the tail of the server's
 * stderr. It never reconnects by itself. Error texts never contain the server's env or header
 * values.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { redact, secretValues, type ExpandedServer } from './expand';
import { ProcessGroupStdioTransport } from './stdioTransport';

/** Variables a stdio server inherits from AgentGate's environment; everything else comes from its `env`. */
export const INHERITED_VARIABLES: readonly string[] = [
  'HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR',
  'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE',
  'SYSTEMROOT', 'SYSTEMDRIVE', 'APPDATA', 'LOCALAPPDATA', 'USERPROFILE', 'TEMP', 'TMP', 'PROGRAMFILES', 'PATHEXT', 'COMSPEC',
];

export interface McpConnectOptions {
  name: string;
  server: ExpandedServer;
  /** The working directory of a stdio server: the workspace folder. */
  cwd: string;
  /** AgentGate's environment: only INHERITED_VARIABLES reach a stdio server from it. */
  baseEnv: NodeJS.ProcessEnv;
  clientVersion: string;
  /** For the handshake and the tool list (default 30 s). */
  connectTimeoutMs?: number;
  /** Time between SIGTERM and SIGKILL when a stdio server is stopped. */
  killGraceMs?: number;
}

/** Why a connection ended when nobody asked it to. */
export interface ConnectionFailure {
  message: string;
  stderrTail: string[];
}

export class McpConnectError extends Error {
  override name = 'McpConnectError';
  constructor(
    message: string,
    readonly stderrTail: string[],
  ) {
    super(message);
  }
}

export interface McpConnection {
  /** The server's tools (updated when it announces a changed list). */
  readonly tools: readonly Tool[];
  /** Called after the server announced a changed tool list and it was read again. */
  onToolsChanged(listener: () => void): void;
  readonly pid: number | undefined;
  callTool(name: string, args: Record<string, unknown>, options: { signal: AbortSignal; timeoutMs: number }): Promise<CallToolResult>;
  /** Called once if the connection ends without close() being called. */
  onFailure(listener: (failure: ConnectionFailure) => void): void;
  stderrTail(): string[];
  close(): Promise<void>;
}

function childEnv(base: NodeJS.ProcessEnv, own: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED_VARIABLES) {
    const value = base[name];
    if (value !== undefined && !value.startsWith('()')) env[name] = value;
  }
  return { ...env, ...own };
}

function createTransport(options: McpConnectOptions): { transport: Transport; stdio?: ProcessGroupStdioTransport } {
  const { server } = options;
  if (server.type === 'stdio') {
    const stdio = new ProcessGroupStdioTransport({
      command: server.command ?? '',
      args: server.args,
      env: childEnv(options.baseEnv, server.env),
      cwd: options.cwd,
      ...(options.killGraceMs === undefined ? {} : { killGraceMs: options.killGraceMs }),
    });
    return { transport: stdio, stdio };
  }
  let url: URL;
  try {
    url = new URL(server.url ?? '');
  } catch {
    throw new McpConnectError(`MCP server "${options.name}" has a URL that is not valid: ${server.url ?? '(none)'}.`, []);
  }
  const requestInit: RequestInit = { headers: { ...server.headers } };
  return {
    transport: server.type === 'sse' ? new SSEClientTransport(url, { requestInit }) : new StreamableHTTPClientTransport(url, { requestInit }),
  };
}

function describeExit(stdio: ProcessGroupStdioTransport | undefined): string {
  const exit = stdio?.exit;
  if (!exit) return 'The connection to the server closed.';
  if (exit.signal) return `The server process was stopped by ${exit.signal}.`;
  return `The server process exited with code ${exit.code}.`;
}

async function listAllTools(client: Client, timeout: number): Promise<Tool[]> {
  const tools: Tool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await client.listTools(cursor === undefined ? {} : { cursor }, { timeout });
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (cursor === undefined) break;
  }
  return tools;
}

/** Starts (stdio) or reaches (http, sse) the server, performs the handshake and lists its tools. */
export async function connectMcpServer(options: McpConnectOptions): Promise<McpConnection> {
  const secrets = secretValues(options.server);
  const clean = (text: string) => redact(text, secrets);
  const timeout = options.connectTimeoutMs ?? 30_000;
  const { transport, stdio } = createTransport(options);
  let tools: Tool[] = [];
  const toolListeners: (() => void)[] = [];
  const client = new Client(
    { name: 'agentgate', version: options.clientVersion },
    {
      capabilities: {},
      listChanged: {
        tools: {
          onChanged: (error, changed) => {
            if (error) {
              client.onerror?.(error);
              return;
            }
            if (changed === null) return;
            tools = changed;
            for (const listener of toolListeners) listener();
          },
        },
      },
    },
  );
  const tail = () => stdio?.stderr.snapshot().map(clean) ?? [];

  let closing = false;
  let failed = false;
  const listeners: ((failure: ConnectionFailure) => void)[] = [];
  const errors: string[] = [];
  client.onerror = (error) => {
    errors.push(clean(error.message));
    if (errors.length > 5) errors.shift();
  };
  client.onclose = () => {
    if (closing || failed) return;
    failed = true;
    const failure = { message: describeExit(stdio), stderrTail: tail() };
    for (const listener of listeners) listener(failure);
  };

  try {
    await client.connect(transport, { timeout });
    tools = await listAllTools(client, timeout);
    return {
      get tools() {
        return tools;
      },
      onToolsChanged: (listener) => void toolListeners.push(listener),
      pid: stdio?.pid,
      async callTool(name, args, { signal, timeoutMs }) {
        try {
          return (await client.callTool({ name, arguments: args }, undefined, { signal, timeout: timeoutMs, resetTimeoutOnProgress: true })) as CallToolResult;
        } catch (error) {
          if (signal.aborted) throw error;
          throw new Error(clean(error instanceof Error ? error.message : String(error)), { cause: error });
        }
      },
      onFailure: (listener) => void listeners.push(listener),
      stderrTail: tail,
      async close() {
        closing = true;
        await client.close();
      },
    };
  } catch (error) {
    closing = true;
    await client.close().catch(() => undefined);
    await transport.close().catch(() => undefined);
    const message = clean(error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
    const exit = stdio?.exit ? ` ${describeExit(stdio)}` : '';
    throw new McpConnectError(`MCP server "${options.name}" could not be started: ${message}.${exit}`, tail());
  }
}
