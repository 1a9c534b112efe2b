import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { type GrepBackendResult, GREP_MAX_COLUMNS, type GrepOutput, type GrepQuery } from './grepQuery';
import { runProcessGroup } from './processGroup';
import { ReadFilter } from './readFilter';
import { ToolInputError } from './toolErrors';
import type { ProcessResult, ToolContext } from './types';

const RG_TIMEOUT_MS = 60_000;
const RG_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
/** The file list of a filtered search must be read whole (it is checked file by file). */
const RG_MAX_LIST_BYTES = 64 * 1024 * 1024;
/** Room for exclusion globs on the command line (Windows allows 32,767 characters in all). */
const EXCLUDE_BUDGET_CHARS = process.platform === 'win32' ? 20_000 : 512 * 1024;

/** The `rg` executable on PATH, if any. */
export function findRipgrepOnPath(envPath = process.env.PATH ?? ''): string | undefined {
  const names = process.platform === 'win32' ? ['rg.exe'] : ['rg'];
  for (const dir of envPath.split(path.delimiter)) {
    if (dir === '') continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * Where rg runs and the path it is given. A folder is given relative to the working directory
 * when it lies inside it (so globs keep matching paths relative to the working directory), else
 * as `.` from inside the folder: either way exclusion globs anchor at `cwd`, and `prefix` is the
 * folder relative to it (`/`-separated, empty when it is `cwd`).
 */
interface Target {
  cwd: string;
  arg: string;
  prefix: string;
}

function targetOf(ctx: ToolContext, query: GrepQuery): Target {
  if (query.rootIsFile) return { cwd: ctx.cwd, arg: query.root, prefix: '' };
  const relative = path.relative(ctx.cwd, query.root);
  const inside = relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  if (!inside) return { cwd: query.root, arg: '.', prefix: '' };
  return relative === '' ? { cwd: ctx.cwd, arg: '.', prefix: '' } : { cwd: ctx.cwd, arg: relative, prefix: toPosix(relative) };
}

/** Which files rg looks at: the same for listing them and for searching them. */
function selectionArgs(query: GrepQuery, exclude: readonly string[]): string[] {
  const args = ['--no-config', '--hidden', '--no-require-git', '--glob=!.git', '--glob=!node_modules'];
  if (query.glob) args.push(`--glob=${query.glob}`);
  if (query.type) args.push(`--type=${query.type}`);
  // Later globs take precedence in rg, and globs override every other rule: these always win.
  for (const glob of exclude) args.push(`--glob=!${glob}`);
  return args;
}

/**
 * The search command. Paths are followed by a NUL byte (`--null`) so they are read back exactly,
 * and content lines always carry their line number (it tells matches from context lines; the
 * number is dropped again when `-n` is off).
 */
export function ripgrepArgs(query: GrepQuery, target = query.root, exclude: readonly string[] = []): string[] {
  const args = [...selectionArgs(query, exclude), '--color=never', '--with-filename', '--null'];
  args.push(`--max-columns=${GREP_MAX_COLUMNS}`, '--max-columns-preview');
  if (query.ignoreCase) args.push('--ignore-case');
  if (query.multiline) args.push('--multiline', '--multiline-dotall');
  if (query.mode === 'files_with_matches') {
    args.push('--files-with-matches');
  } else if (query.mode === 'count') {
    args.push('--count', '--sort=path');
  } else {
    args.push('--sort=path', '--line-number');
    if (query.before > 0) args.push(`--before-context=${query.before}`);
    if (query.after > 0) args.push(`--after-context=${query.after}`);
  }
  args.push('--regexp', query.pattern, '--', target);
  return args;
}

/** One entry of rg's output: a line (or count) of a file, or the `--` between context groups. */
type Entry = { file: string; text: string } | { file: null };

/** Reads `path NUL rest NEWLINE` records and `--` separators; a path may contain a newline, never a NUL. */
function records(stdout: string, cwd: string): Entry[] {
  const entries: Entry[] = [];
  let at = 0;
  while (at < stdout.length) {
    if (stdout.startsWith('--\n', at)) {
      entries.push({ file: null });
      at += 3;
      continue;
    }
    const nul = stdout.indexOf('\0', at);
    if (nul === -1) break;
    const newline = stdout.indexOf('\n', nul);
    const end = newline === -1 ? stdout.length : newline;
    entries.push({ file: path.resolve(cwd, stdout.slice(at, nul)), text: stdout.slice(nul + 1, end) });
    at = end + 1;
  }
  return entries;
}

/** Drops the entries of files the filter rejects, and the separators that no longer separate anything. */
async function allowedEntries(entries: Entry[], filter: ReadFilter): Promise<Entry[]> {
  const kept: Entry[] = [];
  for (const entry of entries) {
    if (entry.file === null) {
      if (kept.length > 0 && kept.at(-1)?.file !== null) kept.push(entry);
    } else if (await filter.allows(entry.file)) {
      kept.push(entry);
    }
  }
  if (kept.at(-1)?.file === null) kept.pop();
  return kept;
}

const LINE_PREFIX = /^(\d+)([:-])/;

async function parse(query: GrepQuery, stdout: string, cwd: string, filter: ReadFilter): Promise<GrepOutput> {
  if (query.mode === 'files_with_matches') {
    const files = stdout.split('\0').filter((file) => file !== '').map((file) => path.resolve(cwd, file));
    return { mode: 'files_with_matches', files: await filter.keep(files) };
  }
  const entries = await allowedEntries(records(stdout, cwd), filter);
  if (query.mode === 'count') {
    const counts = entries.flatMap((entry) => {
      const count = Number(entry.file === null ? NaN : entry.text);
      return entry.file !== null && Number.isInteger(count) ? [{ path: entry.file, count }] : [];
    });
    return { mode: 'count', counts };
  }
  const lines = entries.flatMap((entry) => {
    if (entry.file === null) return ['--'];
    const prefix = LINE_PREFIX.exec(entry.text);
    if (prefix === null) return [];
    const [whole, number, sep] = prefix as unknown as [string, string, string];
    const text = entry.text.slice(whole.length);
    return [query.lineNumbers ? `${entry.file}${sep}${number}${sep}${text}` : `${entry.file}${sep}${text}`];
  });
  return { mode: 'content', lines };
}

function emptyOutput(mode: GrepQuery['mode']): GrepOutput {
  if (mode === 'files_with_matches') return { mode, files: [] };
  if (mode === 'count') return { mode, counts: [] };
  return { mode, lines: [] };
}

async function runRipgrep(ctx: ToolContext, rgPath: string, args: string[], cwd: string, maxBytes: number): Promise<ProcessResult> {
  const result = await runProcessGroup(rgPath, args, { cwd, timeoutMs: RG_TIMEOUT_MS, signal: ctx.signal, headBytes: maxBytes, tailBytes: 0, killGraceMs: 1000 });
  if (result.timedOut) {
    throw new ToolInputError(`The search took longer than ${RG_TIMEOUT_MS / 1000} s and was stopped. Narrow it with path, glob or type.`);
  }
  const stderr = result.stderr.trim();
  if (result.exitCode === 2 && result.stdout.trim() === '') {
    throw new ToolInputError(`Search failed: ${stderr || 'ripgrep exited with an error.'}`);
  }
  return result;
}

/** A path below the search folder as an rg glob anchored at rg's working directory, every special character escaped. */
function anchoredGlob(target: Target, relative: string, isDirectory: boolean): string {
  const full = target.prefix === '' ? relative : `${target.prefix}/${relative}`;
  return `/${full.replace(/[\\*?[\]{}!#,\s]/g, '\\$&')}${isDirectory ? '/' : ''}`;
}

/**
 * Lists the files the search would look at (same selection, `rg --files`), asks the filter about
 * each, and returns exclusion globs for the rejected ones: a folder when every listed file below
 * it is rejected, else the file. rg then never opens them. Globs that do not fit on the command
 * line are left out; the output filter still drops those files' lines.
 */
async function exclusions(ctx: ToolContext, query: GrepQuery, rgPath: string, target: Target, filter: ReadFilter): Promise<string[]> {
  const listed = await runRipgrep(ctx, rgPath, [...selectionArgs(query, []), '--null', '--files', '--', target.arg], target.cwd, RG_MAX_LIST_BYTES);
  if (listed.truncated) {
    throw new ToolInputError('The search covers too many files to check each against the permission rules. Narrow it with path, glob or type.');
  }
  const rejected: string[] = [];
  const withAllowed = new Set<string>();
  for (const file of listed.stdout.split('\0')) {
    if (file === '') continue;
    const absolute = path.resolve(target.cwd, file);
    const relative = toPosix(path.relative(query.root, absolute));
    if (!(await filter.allows(absolute))) {
      rejected.push(relative);
      continue;
    }
    for (let dir = posixDirname(relative); dir !== '' && !withAllowed.has(dir); dir = posixDirname(dir)) withAllowed.add(dir);
  }
  const globs = new Set<string>();
  for (const relative of rejected) {
    const parts = relative.split('/');
    const top = parts.findIndex((_, index) => index < parts.length - 1 && !withAllowed.has(parts.slice(0, index + 1).join('/')));
    globs.add(top === -1 ? anchoredGlob(target, relative, false) : anchoredGlob(target, parts.slice(0, top + 1).join('/'), true));
  }
  const fitting: string[] = [];
  let room = EXCLUDE_BUDGET_CHARS;
  for (const glob of globs) {
    room -= glob.length + 10;
    if (room < 0) break;
    fitting.push(glob);
  }
  return fitting;
}

function posixDirname(relative: string): string {
  const slash = relative.lastIndexOf('/');
  return slash === -1 ? '' : relative.slice(0, slash);
}

function toPosix(relative: string): string {
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

/**
 * Grep through ripgrep (no shell: arguments are passed as they are). With `ctx.mayRead`, the files
 * it rejects are excluded before the search, and any line of a rejected file is dropped after it.
 */
export async function grepWithRipgrep(ctx: ToolContext, query: GrepQuery, rgPath: string): Promise<GrepBackendResult> {
  const filter = ReadFilter.of(ctx);
  const target = targetOf(ctx, query);
  let exclude: string[] = [];
  if (filter.active) {
    if (query.rootIsFile && !(await filter.allows(query.root))) return { output: emptyOutput(query.mode), notes: filter.notes() };
    if (!query.rootIsFile) exclude = await exclusions(ctx, query, rgPath, target, filter);
  }
  const result = await runRipgrep(ctx, rgPath, ripgrepArgs(query, target.arg, exclude), target.cwd, RG_MAX_OUTPUT_BYTES);
  let stdout = result.stdout;
  if (result.truncated) {
    // Drop the omission mark and the record it cut in half.
    const head = stdout.slice(0, stdout.lastIndexOf('\n... ['));
    stdout = head.slice(0, head.lastIndexOf(query.mode === 'files_with_matches' ? '\0' : '\n') + 1);
  }
  const output = await parse(query, stdout, target.cwd, filter);
  const stderr = result.stderr.trim();
  const notes: string[] = [];
  if (result.exitCode === 2 && stderr) {
    // rg's message names a file; when files were left out it might be one of them.
    notes.push(filter.leftOut > 0 ? '(Some files could not be searched.)' : `(Some files could not be searched: ${stderr.split('\n')[0]})`);
  }
  if (result.truncated) notes.push('(The search produced too much output; only its first part is shown. Narrow it with path, glob or type.)');
  return { output, notes: [...notes, ...filter.notes()] };
}
