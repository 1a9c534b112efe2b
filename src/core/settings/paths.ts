/** Where each level's settings files are (see PERMISSIONS.md, "Settings files"). */
import path from 'node:path';
import { errnoCode, nodeSettingsFileSystem, type SettingsFileSystem } from './fileSystem';
import { readErrorMessage } from './readSettingsFile';
import type { SettingsLevel } from './types';

export interface SettingsFileLocation {
  level: SettingsLevel;
  /** Absolute path. */
  file: string;
  /** What `/x` rules and relative additionalDirectories in this file resolve against. */
  root: string;
  /** Set when the managed drop-in folder exists but cannot be listed; it counts as unreadable. */
  listError?: string;
}

export interface SettingsPathOptions {
  /** The project root and working directory: project files are `<cwd>/.claude/settings*.json`. */
  cwd: string;
  home: string;
  /** The main managed policy file; defaults to the platform's standard location. */
  managedPath?: string;
  /** `--settings FILE` arguments, in command-line order; relative paths resolve against cwd. */
  cliSettingsFiles?: readonly string[];
  fs?: SettingsFileSystem;
}

export function defaultManagedSettingsPath(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return '/Library/Application Support/ClaudeCode/managed-settings.json';
  if (platform === 'win32') return 'C:\\Program Files\\ClaudeCode\\managed-settings.json';
  return '/etc/claude-code/managed-settings.json';
}

/** `managed-settings.d` beside the main managed file. */
export function managedDropInDir(managedPath: string): string {
  return path.join(path.dirname(managedPath), 'managed-settings.d');
}

export function projectSettingsPath(workspace: string, scope: 'local' | 'project'): string {
  return path.join(workspace, '.claude', scope === 'local' ? 'settings.local.json' : 'settings.json');
}

/**
 * Every settings file location, by level from highest precedence (managed) to lowest (user).
 * Within the managed and command-line levels, later files override earlier ones: the main managed
 * file comes first, then the drop-ins in file-name order; `--settings` files in the order given.
 * Files are listed whether or not they exist.
 */
export async function settingsFilePaths(options: SettingsPathOptions): Promise<SettingsFileLocation[]> {
  const fs = options.fs ?? nodeSettingsFileSystem;
  const cwd = path.resolve(options.cwd);
  const home = path.resolve(options.home);
  const managedPath = path.resolve(options.managedPath ?? defaultManagedSettingsPath());
  const managedRoot = path.parse(path.resolve(managedPath)).root;
  const out: SettingsFileLocation[] = [{ level: 'managed', file: managedPath, root: managedRoot }];

  const dropIns = managedDropInDir(managedPath);
  try {
    const names = (await fs.readdir(dropIns)).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
    for (const name of names) out.push({ level: 'managed', file: path.join(dropIns, name), root: managedRoot });
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      out.push({ level: 'managed', file: dropIns, root: managedRoot, listError: readErrorMessage(error, 'folder') });
    }
  }
  for (const file of options.cliSettingsFiles ?? []) out.push({ level: 'cli', file: path.resolve(cwd, file), root: cwd });
  out.push({ level: 'local', file: projectSettingsPath(cwd, 'local'), root: cwd });
  out.push({ level: 'project', file: projectSettingsPath(cwd, 'project'), root: cwd });
  out.push({ level: 'user', file: path.join(home, '.claude', 'settings.json'), root: home });
  return out;
}
