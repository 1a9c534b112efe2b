import fs from 'node:fs';
import path from 'node:path';

/**
 * Path handling for permission checks: normalization, containment and symbolic-link resolution.
 * Everything here is synchronous because shell redirections are checked through a synchronous
 * callback (BashDecisionInput.checkWrite).
 */

/** How many symbolic links one resolution may follow before it gives up (as Linux does). */
const MAX_LINKS = 40;

export class PathResolutionError extends Error {
  override name = 'PathResolutionError';
}

/** `~` and `~/x` expanded against `home`; anything else unchanged. */
export function expandHome(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/') || p.startsWith(`~${path.sep}`)) return path.join(home, p.slice(2));
  return p;
}

/** The path as the operating system would receive it: absolute, but with `..` not yet applied. */
export function joinRaw(cwd: string, p: string): string {
  return path.isAbsolute(p) ? p : `${cwd}${path.sep}${p}`;
}

/** True when `child` is `parent` or lies below it. `/proj_evil` is not inside `/proj`. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  if (rel === '') return true;
  if (path.isAbsolute(rel)) return false;
  return rel !== '..' && !rel.startsWith(`..${path.sep}`);
}

/** Converts a relative path to the `/`-separated form gitignore matching expects. */
export function toPosix(rel: string): string {
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

function splitRaw(raw: string): { root: string; parts: string[] } {
  const root = path.parse(raw).root;
  const rest = raw.slice(root.length);
  return { root, parts: rest.split(path.sep === '/' ? '/' : /[\\/]/) };
}

/**
 * What physicalPath learnt about the file system during one decision, so the many paths of one
 * shell command do not walk the same folders again: a physical path to where it leads, or null
 * when it does not exist. Never kept beyond one decision (the file system changes).
 */
export type PathCache = Map<string, string | null>;

/**
 * Resolves an absolute path the way the kernel walks it: component by component, following each
 * symbolic link where it stands (so `/proj/link/../x` goes through the link's target, as `open`
 * would), including links whose target does not exist yet. Components that do not exist are
 * appended as written, so a file about to be created resolves to where it would be created.
 */
export function physicalPath(raw: string, budget = { links: 0 }, cache?: PathCache): string {
  const { root, parts } = splitRaw(raw);
  let current = root;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === '' || part === '.') continue;
    if (part === '..') {
      current = path.dirname(current);
      continue;
    }
    const next = path.join(current, part);
    const known = cache?.get(next);
    if (known === null) return path.resolve(next, ...parts.slice(i + 1));
    if (known !== undefined) {
      current = known;
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      // Without an exception for a missing file, which is the common case and costs far more.
      stat = fs.lstatSync(next, { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    if (!stat) {
      // Missing (or not searchable): the rest cannot go through a link we could see.
      cache?.set(next, null);
      return path.resolve(next, ...parts.slice(i + 1));
    }
    if (stat.isSymbolicLink()) {
      budget.links += 1;
      if (budget.links > MAX_LINKS) {
        throw new PathResolutionError(`${raw} goes through more than ${MAX_LINKS} symbolic links (probably a loop).`);
      }
      let target: string;
      try {
        target = fs.readlinkSync(next);
      } catch (error) {
        throw new PathResolutionError(`The symbolic link ${next} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
      const resolved = physicalPath(path.isAbsolute(target) ? target : `${current}${path.sep}${target}`, budget, cache);
      cache?.set(next, resolved);
      current = resolved;
      continue;
    }
    cache?.set(next, next);
    current = next;
  }
  return current;
}

/** One path a tool will touch, in every form a rule might need to see it. */
export interface PathTarget {
  /** Absolute, `..` normalized: what the user sees in messages. */
  display: string;
  /** The normalized path and where it really leads; deny rules block if any matches, allows need all. */
  candidates: string[];
  /** Where the path really leads, when that differs from `display`; else `display`. */
  real: string;
}

/** Builds the target for a path as the model sent it (relative paths resolve against `cwd`). */
export function pathTarget(cwd: string, p: string, cache?: PathCache): PathTarget {
  const raw = joinRaw(cwd, p);
  const display = path.resolve(raw);
  const real = physicalPath(raw, undefined, cache);
  const realOfNormalized = raw === display ? real : physicalPath(display, undefined, cache);
  const candidates = [...new Set([display, realOfNormalized, real])];
  return { display, candidates, real: candidates.find((c) => c !== display) ?? display };
}

/** A folder and where it really is, for containment checks. */
export function folderForms(dir: string): string[] {
  const normalized = path.resolve(dir);
  try {
    return [...new Set([normalized, physicalPath(normalized)])];
  } catch {
    return [normalized];
  }
}

/** True when every form of the target lies inside at least one of the folders. */
export function insideAll(target: PathTarget, folders: readonly string[]): boolean {
  return target.candidates.every((c) => folders.some((f) => isInside(c, f)));
}

/** Whether the path is an existing directory (following links). */
export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}
