import path from 'node:path';
import type { PathTarget } from './paths';

/**
 * Paths whose contents make something run code or change what the agent may do. Editing them is
 * never approved automatically outside bypass mode: acceptEdits does not cover them, and an allow
 * rule lifts the protection only when it names the protected file or folder without wildcards.
 * Names are compared case-insensitively (macOS and Windows file systems fold case).
 */

export interface ProtectedHit {
  /** The protected file or folder itself (e.g. `/w/.vscode`), absolute. */
  anchor: string;
  /** Why it is protected, in a few words. */
  why: string;
}

/** Folders: anything at or below them is protected. */
const PROTECTED_DIRS = new Map<string, string>(Object.entries({
  '.git': 'git runs hooks and reads its configuration from it',
  '.githooks': 'it holds git hooks',
  '.husky': 'it holds git hooks',
  '.vscode': 'VS Code can run code from its settings, tasks and launch configurations',
  '.idea': 'the IDE can run code from its configuration',
  '.claude': 'it holds agent settings and permissions',
  '.devcontainer': 'it defines commands a dev container runs',
  '.agentgate': "it holds AgentGate's workspace trust decisions",
  'managed-settings.d': 'it holds the managed policy',
}));

/** Files, by name, wherever they are. */
const PROTECTED_FILES = new Map<string, string>(Object.entries({
  '.mcp.json': 'it starts MCP servers',
  'managed-settings.json': 'it is the managed policy',
  '.npmrc': 'package managers read scripts and registries from it',
  '.yarnrc': 'package managers read scripts and registries from it',
  '.yarnrc.yml': 'yarn can run code named in it',
  '.gitconfig': 'git can run programs named in it',
  '.bashrc': 'the shell runs it',
  '.bash_profile': 'the shell runs it',
  '.bash_login': 'the shell runs it',
  '.bash_logout': 'the shell runs it',
  '.profile': 'the shell runs it',
  '.zshrc': 'the shell runs it',
  '.zshenv': 'the shell runs it',
  '.zprofile': 'the shell runs it',
  '.zlogin': 'the shell runs it',
  '.zlogout': 'the shell runs it',
}));

/** `.config/<name>` folders, protected like the folders above. */
const PROTECTED_CONFIG_DIRS = new Map<string, string>(Object.entries({
  fish: 'the shell runs it',
  git: 'git can run programs named in it',
}));

function splitAbsolute(p: string): { root: string; parts: string[] } {
  const root = path.parse(p).root;
  return { root, parts: p.slice(root.length).split(path.sep).filter((s) => s !== '') };
}

/** The first protected component of one absolute path, if any. */
export function protectedComponent(absolute: string): ProtectedHit | undefined {
  const { root, parts } = splitAbsolute(absolute);
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i].toLowerCase();
    const anchor = () => path.join(root, ...parts.slice(0, i + 1));
    const dirWhy = PROTECTED_DIRS.get(name);
    if (dirWhy !== undefined) return { anchor: anchor(), why: dirWhy };
    if (name === '.config' && i + 1 < parts.length) {
      const configWhy = PROTECTED_CONFIG_DIRS.get(parts[i + 1].toLowerCase());
      if (configWhy !== undefined) return { anchor: path.join(root, ...parts.slice(0, i + 2)), why: configWhy };
    }
    if (i === parts.length - 1) {
      const fileWhy = PROTECTED_FILES.get(name);
      if (fileWhy !== undefined) return { anchor: anchor(), why: fileWhy };
      if (name.endsWith('.code-workspace')) return { anchor: anchor(), why: 'VS Code can run code from its settings and tasks' };
    }
  }
  return undefined;
}

/** Every protected component among the forms of a target (the link and where it leads). */
export function protectedHits(target: PathTarget): ProtectedHit[] {
  return target.candidates.flatMap((c) => protectedComponent(c) ?? []);
}
