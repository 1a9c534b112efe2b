import ignore, { type Ignore } from 'ignore';
import path from 'node:path';
import { folderForms, isInside, toPosix, type PathTarget } from './paths';

/**
 * `Read(...)` / `Edit(...)` specifiers: gitignore-style patterns anchored at a base folder.
 *   `//abs/path` absolute · `~/x` home · `/x` the settings file's root · `x` or `./x` the working
 *   directory. A pattern without a slash in the middle (`.env`, `*.pem`) matches at any depth
 *   below its base, as in .gitignore; `./.env` matches only the top-level file.
 */

export interface PatternBases {
  cwd: string;
  home: string;
  /** Source.root of the settings file the rule came from. */
  root: string;
}

/** A name no real file is expected to have, used to ask "does the rule cover what is inside?". */
const PROBE = 'agentgate-probe-entry';
const WILDCARD = /[*?[\]\\]/;

export class CompiledPathPattern {
  private readonly bases: string[];
  private sensitive?: Ignore;
  private insensitive?: Ignore;

  /**
   * @param base absolute folder the pattern is relative to
   * @param pattern gitignore pattern (leading `/` = anchored at base)
   * @param literal for wildcard-free patterns, the absolute path they name
   */
  constructor(
    readonly base: string,
    readonly pattern: string,
    readonly literal: string | undefined,
  ) {
    this.bases = folderForms(base);
    this.fixed = anchoredPrefixes(this.bases, pattern);
  }

  /**
   * For an anchored pattern, the folders its fixed leading segments name under each base
   * (`/packages/pkg-3/**` → `<base>/packages/pkg-3`): nothing outside them can match, which
   * spares the matcher for most rules on most paths.
   */
  private readonly fixed: string[] | undefined;

  private mayMatch(candidate: string, ignoreCase: boolean): boolean {
    if (!this.fixed) return true;
    const c = ignoreCase ? candidate.toLowerCase() : candidate;
    return this.fixed.some((folder) => {
      const f = ignoreCase ? folder.toLowerCase() : folder;
      return c === f || c.startsWith(f.endsWith(path.sep) ? f : `${f}${path.sep}`);
    });
  }

  private matcher(ignoreCase: boolean): Ignore {
    if (ignoreCase) return (this.insensitive ??= ignore({ ignorecase: true }).add(this.pattern));
    return (this.sensitive ??= ignore({ ignorecase: false }).add(this.pattern));
  }

  /**
   * Whether one absolute path is covered. For a folder (a search root), a permissive check needs
   * the whole folder covered; a restrictive check is satisfied when anything directly inside is.
   */
  private covers(candidate: string, isDir: boolean, restrictive: boolean): boolean {
    if (!this.mayMatch(candidate, restrictive)) return false;
    const ig = this.matcher(restrictive);
    return this.bases.some((base) => {
      if (!isInside(candidate, base)) return false;
      const rel = toPosix(path.relative(base, candidate));
      if (!isDir) return rel !== '' && ig.ignores(rel);
      const prefix = rel === '' ? '' : `${rel}/`;
      if (rel !== '' && ig.ignores(prefix)) return true;
      const child = ig.ignores(`${prefix}${PROBE}`);
      return restrictive ? child : child && ig.ignores(`${prefix}${PROBE}/${PROBE}`);
    });
  }

  /** Deny and ask rules: any form of the path (link or target) matching is enough; case-insensitive. */
  matchesAny(target: PathTarget, isDir: boolean): boolean {
    return target.candidates.some((c) => this.covers(c, isDir, true));
  }

  /** Allow rules: every form of the path must match; case-sensitive. */
  matchesAll(target: PathTarget, isDir: boolean): boolean {
    return target.candidates.every((c) => this.covers(c, isDir, false));
  }

  /**
   * Whether the pattern could match something at or below the folder `dir` (for a command that
   * reads a whole folder, such as `grep -r`). Over-approximates: a pattern that matches at any
   * depth (`.env`, `*.pem`) could match below any folder under its base; an anchored pattern only
   * below its fixed leading path (`/config/*.json` → `<base>/config`). Case-insensitive, like
   * every restrictive check.
   */
  mayMatchBelow(dir: string): boolean {
    this.reach ??= reachOf(this.bases, this.pattern);
    const d = dir.toLowerCase();
    return this.reach.some((r) => within(r, d) || within(d, r));
  }

  /** See mayMatchBelow: the folders (lower case) below which the pattern can match. */
  private reach?: string[];

  /**
   * True when the pattern has no wildcard and names `anchor` itself or something inside it:
   * `Edit(./.vscode/settings.json)` names /w/.vscode; `Edit(./**)` and `Edit(./src)` do not.
   */
  namesWithin(anchor: string): boolean {
    return this.literal !== undefined && isInside(this.literal, anchor);
  }
}

/** `child` is `parent` or below it; both absolute and normalized (a string test, no resolving). */
function within(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : `${parent}${path.sep}`);
}

/**
 * The deepest fixed path of a gitignore pattern under each base (lower case): the base itself for
 * a pattern that matches at any depth (no slash before its end), else the base joined with the
 * pattern's leading segments up to the first one with a wildcard.
 */
function reachOf(bases: readonly string[], pattern: string): string[] {
  const body = pattern.replace(/\/+$/, '');
  const anchored = body.startsWith('/') || body.includes('/');
  const fixed: string[] = [];
  if (anchored) {
    for (const segment of body.replace(/^\//, '').split('/')) {
      if (segment === '' || segment === '.' || segment === '..' || WILDCARD.test(segment)) break;
      fixed.push(segment);
    }
  }
  return bases.map((base) => path.join(base, ...fixed).toLowerCase());
}

/** The fixed folders of an anchored gitignore pattern under each base, or undefined when it has none. */
function anchoredPrefixes(bases: readonly string[], pattern: string): string[] | undefined {
  if (!pattern.startsWith('/')) return undefined;
  const segments = pattern.slice(1).split('/');
  const fixed: string[] = [];
  // The last segment may name a file or a folder either way; only the folders before it are fixed.
  for (const segment of segments.slice(0, -1)) {
    if (segment === '' || segment === '.' || segment === '..' || WILDCARD.test(segment)) break;
    fixed.push(segment);
  }
  if (fixed.length === 0) return undefined;
  return bases.map((base) => path.join(base, ...fixed));
}

/** Splits the specifier into base folder and gitignore pattern, applying `.` and `..`. */
function split(spec: string, bases: PatternBases): { base: string; pattern: string; anchored: boolean } {
  if (spec.startsWith('//')) return { base: path.parse(bases.cwd).root, pattern: spec.slice(1), anchored: true };
  if (spec === '~' || spec.startsWith('~/')) return { base: bases.home, pattern: `/${spec.slice(2)}`, anchored: true };
  if (spec.startsWith('/')) return { base: bases.root, pattern: spec, anchored: true };
  if (spec === '.' || spec.startsWith('./')) return { base: bases.cwd, pattern: `/${spec.slice(2)}`, anchored: true };
  const segments = spec.split('/');
  if (segments.includes('..')) return { base: bases.cwd, pattern: `/${spec}`, anchored: true };
  return { base: bases.cwd, pattern: spec, anchored: false };
}

/** Compiles a Read/Edit specifier relative to the bases it may refer to. */
export function compilePathPattern(spec: string, bases: PatternBases): CompiledPathPattern {
  const parts = split(spec.trim(), bases);
  if (!parts.anchored) {
    const escaped = /^[#!]/.test(parts.pattern) ? `\\${parts.pattern}` : parts.pattern;
    const literal = WILDCARD.test(spec) ? undefined : path.resolve(parts.base, spec);
    return new CompiledPathPattern(parts.base, escaped, literal);
  }
  let base = parts.base;
  const trailingSlash = parts.pattern.length > 1 && parts.pattern.endsWith('/');
  const stack: string[] = [];
  for (const segment of parts.pattern.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (stack.length > 0) stack.pop();
      else base = path.dirname(base);
      continue;
    }
    stack.push(segment);
  }
  if (stack.length === 0) return new CompiledPathPattern(base, '**', undefined);
  const pattern = `/${stack.join('/')}${trailingSlash ? '/' : ''}`;
  const literal = WILDCARD.test(pattern) ? undefined : path.join(base, ...stack);
  return new CompiledPathPattern(base, pattern, literal);
}
