import ignore, { type Ignore } from 'ignore';
import path from 'node:path';
import { abortError } from './processGroup';
import { errorCode } from './toolErrors';
import type { FileSystem } from './types';

/** Folders Glob and Grep never enter below the search root. */
export const ALWAYS_SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

export interface WalkedFile {
  /** Absolute path. */
  path: string;
  /** Relative to the walk's root, with `/` separators. */
  relative: string;
}

export interface WalkOptions {
  root: string;
  signal: AbortSignal;
  /** Honour .gitignore files (and .git/info/exclude) like git and ripgrep do. Default true. */
  gitignore?: boolean;
  skipDirs?: ReadonlySet<string>;
}

function toPosix(relative: string): string {
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

async function readRules(fs: FileSystem, file: string): Promise<string | undefined> {
  try {
    return (await fs.readFile(file)).toString('utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'EACCES') return undefined;
    throw error;
  }
}

async function layerFor(fs: FileSystem, dir: string, file: string): Promise<IgnoreLayer | undefined> {
  const text = await readRules(fs, file);
  return text === undefined ? undefined : { base: dir, rules: ignore().add(text) };
}

async function exists(fs: FileSystem, file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)) !== undefined;
  } catch {
    return false;
  }
}

/** Ignore rules from the enclosing repository: its exclude file and .gitignore files above root. */
async function ancestorLayers(fs: FileSystem, root: string): Promise<IgnoreLayer[]> {
  const ancestors: string[] = [];
  let repo: string | undefined;
  if (await exists(fs, path.join(root, '.git'))) {
    repo = root;
  } else {
    for (let dir = path.dirname(root); ; dir = path.dirname(dir)) {
      ancestors.unshift(dir);
      if (await exists(fs, path.join(dir, '.git'))) {
        repo = dir;
        break;
      }
      if (path.dirname(dir) === dir) return [];
    }
  }
  const layers: IgnoreLayer[] = [];
  const exclude = await layerFor(fs, repo, path.join(repo, '.git', 'info', 'exclude'));
  if (exclude) layers.push(exclude);
  for (const dir of ancestors) {
    const layer = await layerFor(fs, dir, path.join(dir, '.gitignore'));
    if (layer) layers.push(layer);
  }
  return layers;
}

function isIgnored(layers: readonly IgnoreLayer[], absolute: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const relative = toPosix(path.relative(layer.base, absolute));
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const result = layer.rules.test(isDirectory ? `${relative}/` : relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/**
 * Every regular file below `root`, depth first in name order. Skips .git and node_modules
 * below the root and, by default, what .gitignore files exclude: those of the folders walked,
 * and those above the root up to the enclosing repository. Symbolic links are not followed.
 */
export async function* walkFiles(fs: FileSystem, options: WalkOptions): AsyncGenerator<WalkedFile> {
  const useGitignore = options.gitignore ?? true;
  const skipDirs = options.skipDirs ?? ALWAYS_SKIPPED_DIRS;
  const start = useGitignore ? await ancestorLayers(fs, options.root) : [];
  const stack: { dir: string; layers: IgnoreLayer[] }[] = [{ dir: options.root, layers: start }];
  while (stack.length > 0) {
    if (options.signal.aborted) throw abortError();
    const { dir, layers: inherited } = stack.pop() as { dir: string; layers: IgnoreLayer[] };
    let entries: Awaited<ReturnType<FileSystem['readdir']>>;
    try {
      entries = await fs.readdir(dir);
    } catch (error) {
      if (dir === options.root) throw error;
      continue; // An unreadable folder below the root is skipped, as ripgrep does.
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let layers = inherited;
    if (useGitignore && entries.some((entry) => entry.isFile && entry.name === '.gitignore')) {
      const own = await layerFor(fs, dir, path.join(dir, '.gitignore'));
      if (own) layers = [...inherited, own];
    }
    const subdirs: string[] = [];
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory) {
        if (skipDirs.has(entry.name)) continue;
        if (useGitignore && isIgnored(layers, absolute, true)) continue;
        subdirs.push(absolute);
      } else if (entry.isFile) {
        if (useGitignore && isIgnored(layers, absolute, false)) continue;
        yield { path: absolute, relative: toPosix(path.relative(options.root, absolute)) };
      }
    }
    for (const sub of subdirs.reverse()) stack.push({ dir: sub, layers });
  }
}
