/**
 * Real MCP servers for tests, written with @modelcontextprotocol/sdk:
 * - stdioServer.mjs: a stdio server (see its header for the options: marker file, grandchild,
 *   stderr lines, crash at start) with the tools echo, env, argv, add, fail and crash;
 * - httpServer.ts: a streamable HTTP and SSE server on 127.0.0.1 that records request headers.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export { startHttpMcpServer, type HttpMcpServer, type RecordedHttpRequest } from './httpServer';

export const STDIO_SERVER = path.join(__dirname, 'stdioServer.mjs');

/** A `.mcp.json` definition that starts the test stdio server with `args`. */
export function stdioServer(args: string[] = [], extra: { env?: Record<string, string> } = {}) {
  return { command: process.execPath, args: [STDIO_SERVER, ...args], ...extra };
}

/** The pids written to a marker file: one line per start (empty when it never started). */
export function starts(markerFile: string): number[] {
  if (!existsSync(markerFile)) return [];
  return readFileSync(markerFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map(Number);
}

/** Whether a process exists and is not a zombie (a dead process nobody reaped yet). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}
