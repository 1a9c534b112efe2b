/**
 * Approvals of a workspace's `.mcp.json` servers, shared by the extension and the CLI through
 * `~/.agentgate/mcp-approvals.json`, keyed by the workspace's real path and the server's name and
 * pinned to the SHA-256 of the server's definition (see definitionHash):
 *
 *   { "version": 1, "workspaces": { "/home/me/app": { "servers": {
 *       "github": { "sha256": "3f1c…", "approvedAt": "2026-…" } } } } }
 *
 * An approval counts only while the definition still has that hash: an edited `.mcp.json`
 * (another argument, another URL, another env value) asks again. A file that cannot be read or
 * parsed approves nothing, and writes refuse to overwrite it so no one's decisions are lost.
 * Writes are atomic; within one process they are queued so none is lost.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomicWrite';

export interface StoredApproval {
  sha256: string;
  approvedAt: string;
}

const HASH = /^[0-9a-f]{64}$/;

const approvalsFile = z.object({
  version: z.literal(1),
  workspaces: z.record(
    z.string(),
    z.object({ servers: z.record(z.string(), z.object({ sha256: z.string().regex(HASH), approvedAt: z.string() })) }),
  ),
});
type ApprovalsFile = z.infer<typeof approvalsFile>;

export class McpApprovalsFileError extends Error {
  override name = 'McpApprovalsFileError';
}

export interface McpApprovalStore {
  /** The stored approval of `server` in `workspace`, whatever definition it was for. */
  approval(workspace: string, server: string): Promise<StoredApproval | undefined>;
  /** Records each server as approved with its current definition's hash. */
  approve(workspace: string, servers: readonly { name: string; sha256: string }[]): Promise<void>;
  /** Removes the approvals of the named servers (all of the workspace's when `servers` is absent). */
  revoke(workspace: string, servers?: readonly string[]): Promise<string[]>;
}

async function realFolder(folder: string): Promise<string> {
  const absolute = path.resolve(folder);
  return realpath(absolute).catch(() => absolute);
}

export class FileMcpApprovalStore implements McpApprovalStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  static forHome(home: string): FileMcpApprovalStore {
    return new FileMcpApprovalStore(path.join(home, '.agentgate', 'mcp-approvals.json'));
  }

  /** Throws McpApprovalsFileError when the file cannot be used (callers then treat nothing as approved and say why). */
  async approval(workspace: string, server: string): Promise<StoredApproval | undefined> {
    const data = await this.read();
    const key = await realFolder(workspace);
    const servers = Object.hasOwn(data.workspaces, key) ? data.workspaces[key]!.servers : undefined;
    if (servers === undefined || !Object.hasOwn(servers, server)) return undefined;
    return { ...servers[server]! };
  }

  approve(workspace: string, servers: readonly { name: string; sha256: string }[]): Promise<void> {
    for (const server of servers) {
      if (!HASH.test(server.sha256)) throw new McpApprovalsFileError(`Not a SHA-256 hash for server "${server.name}": ${server.sha256}`);
    }
    return this.update(async (data) => {
      const key = await realFolder(workspace);
      const entry = Object.hasOwn(data.workspaces, key) ? data.workspaces[key]! : (data.workspaces[key] = { servers: {} });
      const approvedAt = new Date().toISOString();
      for (const server of servers) entry.servers[server.name] = { sha256: server.sha256, approvedAt };
      return undefined;
    });
  }

  revoke(workspace: string, servers?: readonly string[]): Promise<string[]> {
    return this.update(async (data) => {
      const key = await realFolder(workspace);
      if (!Object.hasOwn(data.workspaces, key)) return [];
      const entry = data.workspaces[key]!;
      const names = servers ?? Object.keys(entry.servers);
      const removed = names.filter((name) => Object.hasOwn(entry.servers, name));
      for (const name of removed) delete entry.servers[name];
      if (Object.keys(entry.servers).length === 0) delete data.workspaces[key];
      return removed;
    });
  }

  /** Read, change and write, one change at a time (in this process). */
  private update<T>(change: (data: ApprovalsFile) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      const data = await this.read();
      const result = await change(data);
      await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<ApprovalsFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, workspaces: {} };
      throw new McpApprovalsFileError(`Cannot read ${this.file}: ${(error as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new McpApprovalsFileError(`${this.file} is not valid JSON. Fix or delete it; until then no project MCP server is approved.`);
    }
    const parsed = approvalsFile.safeParse(json);
    if (!parsed.success) {
      throw new McpApprovalsFileError(`${this.file} is not an approvals file AgentGate understands (${z.prettifyError(parsed.error)}). Fix or delete it; until then no project MCP server is approved.`);
    }
    return parsed.data;
  }
}
