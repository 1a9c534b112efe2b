/** A temporary home, workspace and managed policy for MCP tests, with the real settings loader. */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileMcpApprovalStore } from '../../../../src/core/mcp/approvals';
import { loadSettings } from '../../../../src/core/settings';
import type { EffectiveSettings } from '../../../../src/core/settings/types';

export interface McpSandbox {
  root: string;
  home: string;
  cwd: string;
  managedPath: string;
  approvals: FileMcpApprovalStore;
  /** A file path inside the sandbox (for marker files). */
  file(name: string): string;
  write(file: string, content: string | object): Promise<string>;
  writeMcpJson(servers: Record<string, unknown>): Promise<string>;
  writeManaged(content: object): Promise<string>;
  writeProjectSettings(content: object): Promise<string>;
  writeUserServers(servers: Record<string, unknown>, projects?: Record<string, unknown>): Promise<string>;
  settings(trusted: boolean): Promise<EffectiveSettings>;
  cleanup(): Promise<void>;
}

export async function mcpSandbox(): Promise<McpSandbox> {
  const root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'agentgate-mcp-')));
  const home = path.join(root, 'home');
  const cwd = path.join(root, 'work', 'repo');
  const managedPath = path.join(root, 'etc', 'managed-settings.json');
  await mkdir(home, { recursive: true });
  await mkdir(cwd, { recursive: true });
  const write = async (file: string, content: string | object): Promise<string> => {
    const absolute = path.resolve(root, file);
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return absolute;
  };
  return {
    root,
    home,
    cwd,
    managedPath,
    approvals: FileMcpApprovalStore.forHome(home),
    file: (name) => path.join(root, name),
    write,
    writeMcpJson: (servers) => write(path.join(cwd, '.mcp.json'), { mcpServers: servers }),
    writeManaged: (content) => write(managedPath, content),
    writeProjectSettings: (content) => write(path.join(cwd, '.claude', 'settings.json'), content),
    writeUserServers: (servers, projects) => write(path.join(home, '.claude.json'), { numStartups: 3, mcpServers: servers, ...(projects ? { projects } : {}) }),
    settings: (trusted) => loadSettings({ cwd, home, managedPath, trusted }),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
