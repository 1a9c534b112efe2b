import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Memory files: instructions people keep for the agent, the same files Claude Code reads.
 *   ~/.claude/CLAUDE.md                       the user's own, for every project
 *   CLAUDE.md, CLAUDE.local.md                in the working directory and each of its parents
 * They are returned most general first (user, then the outermost folder down to the working
 * directory; in each folder CLAUDE.md before CLAUDE.local.md), so more specific instructions
 * come later in the prompt.
 */

export type MemoryScope = 'user' | 'project' | 'local';

export interface MemoryFile {
  path: string;
  scope: MemoryScope;
  content: string;
  /** True when the file was longer than the cap and was cut. */
  truncated: boolean;
}

/** A memory file that exists but could not be read (reported, not silently skipped). */
export interface MemoryProblem {
  path: string;
  message: string;
}

/** Reads a text file; undefined when it does not exist. */
export type ReadTextFile = (file: string) => Promise<string | undefined>;

/** Per file; longer files are cut with a note so one file cannot fill the context window. */
export const MEMORY_FILE_MAX_CHARS = 40_000;

const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

export const readTextFileFromDisk: ReadTextFile = async (file) => {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (ABSENT.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
};

/** The working directory and its parents, outermost first. */
function foldersUpTo(cwd: string): string[] {
  const folders: string[] = [];
  let current = path.resolve(cwd);
  for (;;) {
    folders.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) return folders;
    current = parent;
  }
}

export async function loadMemoryFiles(options: {
  cwd: string;
  home: string;
  readText?: ReadTextFile;
}): Promise<{ files: MemoryFile[]; problems: MemoryProblem[] }> {
  const readText = options.readText ?? readTextFileFromDisk;
  const candidates: { path: string; scope: MemoryScope }[] = [{ path: path.join(options.home, '.claude', 'CLAUDE.md'), scope: 'user' }];
  for (const folder of foldersUpTo(options.cwd)) {
    candidates.push({ path: path.join(folder, 'CLAUDE.md'), scope: 'project' });
    candidates.push({ path: path.join(folder, 'CLAUDE.local.md'), scope: 'local' });
  }
  const files: MemoryFile[] = [];
  const problems: MemoryProblem[] = [];
  const results = await Promise.allSettled(candidates.map((candidate) => readText(candidate.path)));
  results.forEach((result, index) => {
    const candidate = candidates[index]!;
    if (result.status === 'rejected') {
      const reason: unknown = result.reason;
      problems.push({ path: candidate.path, message: reason instanceof Error ? reason.message : String(reason) });
      return;
    }
    const content = result.value;
    if (content === undefined || content.trim() === '') return;
    const truncated = content.length > MEMORY_FILE_MAX_CHARS;
    files.push({ ...candidate, content: truncated ? content.slice(0, MEMORY_FILE_MAX_CHARS) : content, truncated });
  });
  return { files, problems };
}
