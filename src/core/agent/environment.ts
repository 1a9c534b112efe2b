import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Facts about where the agent runs, stated in the system prompt. */
export interface EnvironmentFacts {
  cwd: string;
  workspaceFolders: string[];
  platform: string;
  osVersion: string;
  /** Today's date as YYYY-MM-DD (local time). */
  date: string;
  isGitRepo: boolean;
}

/** True when `cwd` or one of its parents holds `.git` (a folder, or a file for worktrees). */
export async function isInsideGitRepo(cwd: string): Promise<boolean> {
  let current = path.resolve(cwd);
  for (;;) {
    const found = await stat(path.join(current, '.git')).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return false;
        throw error;
      },
    );
    if (found) return true;
    const parent = path.dirname(current);
    if (parent === current) return false;
    current = parent;
  }
}

function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export async function gatherEnvironment(options: { cwd: string; workspaceFolders: string[]; now?: Date }): Promise<EnvironmentFacts> {
  return {
    cwd: options.cwd,
    workspaceFolders: options.workspaceFolders,
    platform: process.platform,
    osVersion: `${os.type()} ${os.release()}`,
    date: localDate(options.now ?? new Date()),
    isGitRepo: await isInsideGitRepo(options.cwd),
  };
}
