/** Temporary folders laid out like a machine: a home, a workspace and a managed policy folder. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSettings, type LoadSettingsOptions } from '../../../../src/core/settings';

export interface TempSettings {
  root: string;
  home: string;
  cwd: string;
  managedPath: string;
  /** Writes a file (creating folders); relative paths are inside `root`. */
  write(file: string, content: string): Promise<string>;
  userFile: string;
  projectFile: string;
  localFile: string;
  load(options?: Partial<LoadSettingsOptions>): ReturnType<typeof loadSettings>;
  cleanup(): Promise<void>;
}

export async function tempSettings(): Promise<TempSettings> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'agentgate-settings-'));
  const home = path.join(root, 'home');
  const cwd = path.join(root, 'work', 'project');
  const managedPath = path.join(root, 'etc', 'claude-code', 'managed-settings.json');
  await mkdir(home, { recursive: true });
  await mkdir(cwd, { recursive: true });
  const write = async (file: string, content: string): Promise<string> => {
    const absolute = path.resolve(root, file);
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, content);
    return absolute;
  };
  return {
    root,
    home,
    cwd,
    managedPath,
    write,
    userFile: path.join(home, '.claude', 'settings.json'),
    projectFile: path.join(cwd, '.claude', 'settings.json'),
    localFile: path.join(cwd, '.claude', 'settings.local.json'),
    load: (options = {}) => loadSettings({ cwd, home, managedPath, trusted: true, ...options }),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** JSON text of a value, two-space indented. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
