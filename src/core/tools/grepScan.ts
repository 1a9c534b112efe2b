import path from 'node:path';
import picomatch from 'picomatch';
import { walkFiles } from './fileWalker';
import { type GrepBackendResult, type GrepOutput, type GrepQuery, cutLongLine } from './grepQuery';
import { GREP_FILE_TYPES } from './grepTypes';
import { ReadFilter } from './readFilter';
import { ToolInputError } from './toolErrors';
import type { ToolContext } from './types';

/** Files larger than this are not searched by the JavaScript backend. */
const MAX_SCAN_BYTES = 32 * 1024 * 1024;
const BINARY_SNIFF_BYTES = 8192;

function compile(query: GrepQuery): RegExp {
  const flags = `${query.ignoreCase ? 'i' : ''}${query.multiline ? 'gms' : ''}`;
  try {
    return new RegExp(query.pattern, flags);
  } catch (error) {
    throw new ToolInputError(`Invalid regular expression: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** ripgrep's --glob and --type semantics: a glob without `/` matches the file name at any depth. */
function fileFilter(query: GrepQuery): (relative: string) => boolean {
  const tests: ((relative: string) => boolean)[] = [];
  if (query.glob) {
    const negated = query.glob.startsWith('!');
    const glob = negated ? query.glob.slice(1) : query.glob;
    const match = picomatch(glob, { dot: true, basename: !glob.includes('/') });
    tests.push((relative) => match(relative) !== negated);
  }
  if (query.type) {
    const globs = GREP_FILE_TYPES[query.type];
    if (!globs) {
      throw new ToolInputError(`Unknown file type "${query.type}". Known types: ${Object.keys(GREP_FILE_TYPES).join(', ')}. Or use glob, e.g. "*.ext".`);
    }
    const match = picomatch([...globs], { dot: true, basename: true });
    tests.push((relative) => match(relative));
  }
  return (relative) => tests.every((test) => test(relative));
}

function splitLines(text: string): string[] {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

function matchingLines(text: string, lines: string[], regex: RegExp, multiline: boolean): number[] {
  if (!multiline) return lines.flatMap((line, index) => (regex.test(line) ? [index] : []));
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const matched = new Set<number>();
  for (const match of text.matchAll(regex)) {
    const first = lineAt(match.index);
    const last = lineAt(match.index + Math.max(match[0].length, 1) - 1);
    for (let line = first; line <= Math.min(last, lines.length - 1); line++) matched.add(line);
  }
  return [...matched].sort((a, b) => a - b);
}

function contentLines(file: string, lines: string[], matched: number[], query: GrepQuery): string[] {
  const isMatch = new Set(matched);
  const context = query.before > 0 || query.after > 0;
  const shown = new Set<number>();
  for (const line of matched) {
    for (let i = Math.max(0, line - query.before); i <= Math.min(lines.length - 1, line + query.after); i++) shown.add(i);
  }
  const out: string[] = [];
  let previous = -1;
  for (const index of [...shown].sort((a, b) => a - b)) {
    if (context && previous !== -1 && index > previous + 1) out.push('--');
    const sep = isMatch.has(index) ? ':' : '-';
    const text = cutLongLine(lines[index] ?? '');
    out.push(query.lineNumbers ? `${file}${sep}${index + 1}${sep}${text}` : `${file}${sep}${text}`);
    previous = index;
  }
  return out;
}

/** Orders paths like `rg --sort path`: component by component. */
export function comparePaths(a: string, b: string): number {
  const pa = a.split(path.sep);
  const pb = b.split(path.sep);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

async function candidates(ctx: ToolContext, query: GrepQuery): Promise<string[]> {
  if (query.rootIsFile) return [query.root];
  const accept = fileFilter(query);
  const files: string[] = [];
  for await (const file of walkFiles(ctx.fs, { root: query.root, signal: ctx.signal })) {
    if (accept(file.relative)) files.push(file.path);
  }
  return files.sort(comparePaths);
}

/**
 * Grep without ripgrep: JavaScript regular expressions over the files the walker yields. Each
 * file is checked against `ctx.mayRead` before it is read.
 */
export async function grepWithJs(ctx: ToolContext, query: GrepQuery): Promise<GrepBackendResult> {
  const regex = compile(query);
  const notes: string[] = [];
  const files: string[] = [];
  const counts: { path: string; count: number }[] = [];
  const lines: string[] = [];
  const context = query.before > 0 || query.after > 0;
  let tooLarge = 0;
  const filter = ReadFilter.of(ctx);
  for (const file of await candidates(ctx, query)) {
    if (!(await filter.allows(file))) continue; // Never read, so nothing of it can reach the result.
    const stat = await ctx.fs.stat(file);
    if (!stat?.isFile) continue;
    if (stat.size > MAX_SCAN_BYTES) {
      tooLarge++;
      continue;
    }
    const data = await ctx.fs.readFile(file).catch(() => undefined);
    if (!data || data.subarray(0, BINARY_SNIFF_BYTES).includes(0)) continue;
    const text = data.toString('utf8');
    const fileLines = splitLines(text);
    const matched = matchingLines(text, fileLines, regex, query.multiline);
    if (matched.length === 0) continue;
    files.push(file);
    counts.push({ path: file, count: matched.length });
    if (query.mode === 'content') {
      if (context && lines.length > 0) lines.push('--');
      lines.push(...contentLines(file, fileLines, matched, query));
    }
  }
  if (tooLarge > 0) notes.push(`(${tooLarge} file(s) larger than ${MAX_SCAN_BYTES / 1024 / 1024} MB were not searched.)`);
  notes.push(...filter.notes());
  const output: GrepOutput =
    query.mode === 'content' ? { mode: 'content', lines } : query.mode === 'count' ? { mode: 'count', counts } : { mode: 'files_with_matches', files };
  return { output, notes };
}
