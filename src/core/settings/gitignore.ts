/**
 * Making sure git ignores `.claude/settings.local.json` (personal rules must not be committed by
 * accident). Asks git itself when the folder is a repository, so every ignore source counts
 * (nested .gitignore files, .git/info/exclude, the global excludes file); otherwise reads the
 * workspace's .gitignore.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import ignore from 'ignore';
import { writeFileAtomic } from './atomicWrite';
import { SettingsWriteError } from './errors';
import { errnoCode, type SettingsWriteFileSystem } from './fileSystem';

/** true / false when git answered; undefined when the folder is not a repository or git is missing. */
export type GitIgnoreCheck = (workspace: string, relativePath: string) => Promise<boolean | undefined>;

export const gitCheckIgnore: GitIgnoreCheck = (workspace, relativePath) =>
  new Promise((resolve) => {
    execFile(
      'git',
      // No fsmonitor: a repository's own config must not make us run its programs.
      ['-c', 'core.fsmonitor=false', 'check-ignore', '-q', '--', relativePath],
      { cwd: workspace, timeout: 10_000, windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } },
      (error) => {
        if (!error) return resolve(true);
        resolve((error as { code?: unknown }).code === 1 ? false : undefined);
      },
    );
  });

async function readIfExists(fs: SettingsWriteFileSystem, file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw new SettingsWriteError('io', file, `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
}

/**
 * Appends `relativePath` (forward slashes) to `<workspace>/.gitignore` unless git already ignores
 * it. Returns whether .gitignore was changed.
 */
export async function ensureGitIgnored(
  workspace: string,
  relativePath: string,
  fs: SettingsWriteFileSystem,
  check: GitIgnoreCheck = gitCheckIgnore,
): Promise<boolean> {
  const gitignore = path.join(workspace, '.gitignore');
  const existing = await readIfExists(fs, gitignore);
  const answer = await check(workspace, relativePath);
  const ignored = answer ?? (existing !== undefined && ignore().add(existing).ignores(relativePath));
  if (ignored) return false;
  const text = existing ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  await writeFileAtomic(fs, gitignore, `${text}${separator}${relativePath}${eol}`);
  return true;
}
