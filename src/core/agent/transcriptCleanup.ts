import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CLEANUP_PERIOD_DAYS, projectsRoot } from './transcript';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CleanupReport {
  removed: string[];
  /** Files or folders that could not be checked or removed, with the reason. */
  problems: { path: string; message: string }[];
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Deletes session transcripts (`*.jsonl` under `~/.agentgate/projects/*`) last modified more
 * than `periodDays` ago. `keep` names a file never to delete (the session being resumed).
 * Failures are reported, not thrown: cleaning up must not stop a session from starting.
 */
export async function removeOldTranscripts(options: {
  home: string;
  periodDays?: number;
  now?: Date;
  keep?: string;
}): Promise<CleanupReport> {
  const periodDays = options.periodDays ?? DEFAULT_CLEANUP_PERIOD_DAYS;
  const cutoff = (options.now ?? new Date()).getTime() - periodDays * DAY_MS;
  const report: CleanupReport = { removed: [], problems: [] };
  const problem = (where: string, error: unknown) => report.problems.push({ path: where, message: error instanceof Error ? error.message : String(error) });
  const root = projectsRoot(options.home);
  let folders: string[];
  try {
    folders = await readdir(root);
  } catch (error) {
    if (!isMissing(error)) problem(root, error);
    return report;
  }
  for (const folder of folders) {
    const dir = path.join(root, folder);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if (!isMissing(error)) problem(dir, error);
      continue;
    }
    for (const name of names.filter((entry) => entry.endsWith('.jsonl'))) {
      const file = path.join(dir, name);
      if (options.keep !== undefined && path.resolve(options.keep) === file) continue;
      try {
        const info = await stat(file);
        if (!info.isFile() || info.mtimeMs >= cutoff) continue;
        await rm(file);
        report.removed.push(file);
      } catch (error) {
        if (!isMissing(error)) problem(file, error);
      }
    }
  }
  return report;
}
