import path from 'node:path';
import picomatch from 'picomatch';
import { z } from 'zod';
import { defineTool } from './defineTool';
import { walkFiles } from './fileWalker';
import { resolveSearchRoot } from './paths';
import { ReadFilter } from './readFilter';
import { ToolInputError } from './toolErrors';
import type { ToolContext } from './types';

export const GLOB_MAX_RESULTS = 100;
/** Files matched before the search stops (all matches are stat'ed to sort by time). */
const GLOB_MAX_MATCHES = 50_000;
const STAT_BATCH = 64;

const inputSchema = z.strictObject({
  pattern: z.string().min(1).describe('The glob pattern to match files against'),
  path: z
    .string()
    .optional()
    .describe('The directory to search in. If not specified, the current working directory will be used. Omit it for the default; do not pass "undefined" or "null".'),
});

interface Match {
  path: string;
  mtimeMs: number;
}

async function withTimes(ctx: ToolContext, files: string[]): Promise<Match[]> {
  const out: Match[] = [];
  for (let i = 0; i < files.length; i += STAT_BATCH) {
    const batch = files.slice(i, i + STAT_BATCH);
    const stats = await Promise.all(batch.map((file) => ctx.fs.stat(file).catch(() => undefined)));
    batch.forEach((file, index) => {
      const stat = stats[index];
      if (stat?.isFile) out.push({ path: file, mtimeMs: stat.mtimeMs });
    });
  }
  return out;
}

/** The folder to walk and the glob to match below it (the literal prefix is walked, not matched). */
function split(pattern: string, root: string): { walkRoot: string; glob: string } | { literal: string } {
  const scan = picomatch.scan(pattern);
  if (!scan.isGlob) return { literal: path.resolve(root, pattern.replace(/\\(.)/g, '$1')) };
  return { walkRoot: path.resolve(root, scan.base), glob: scan.glob };
}

async function find(ctx: ToolContext, pattern: string, root: string): Promise<{ files: string[]; capped: boolean }> {
  const target = split(pattern, root);
  if ('literal' in target) {
    const stat = await ctx.fs.stat(target.literal);
    return { files: stat?.isFile ? [target.literal] : [], capped: false };
  }
  const walkStat = await ctx.fs.stat(target.walkRoot);
  if (!walkStat?.isDirectory) return { files: [], capped: false };
  const matches = picomatch(target.glob, { dot: true });
  const files: string[] = [];
  for await (const file of walkFiles(ctx.fs, { root: target.walkRoot, signal: ctx.signal })) {
    if (!matches(file.relative)) continue;
    files.push(file.path);
    if (files.length >= GLOB_MAX_MATCHES) return { files, capped: true };
  }
  return { files, capped: false };
}

export const globTool = defineTool({
  name: 'Glob',
  description: [
    'Finds files by name pattern, such as "**/*.js" or "src/**/*.ts", and returns their absolute paths, most recently modified first.',
    '- The pattern is matched against paths relative to path (default: the working directory); "*.ts" matches only at the top level, "**/*.ts" at any depth.',
    '- Files excluded by .gitignore, and the .git and node_modules folders, are skipped. Hidden files are included.',
    `- At most ${GLOB_MAX_RESULTS} results; narrow the pattern or path for more. To search file contents, use Grep.`,
  ].join('\n'),
  inputSchema,
  readOnly: true,
  async run(input, ctx) {
    const { root, isFile } = await resolveSearchRoot(ctx, input.path);
    if (isFile) throw new ToolInputError(`path must be a directory, but ${root} is a file.`);
    const found = await find(ctx, input.pattern, root);
    if (found.files.length === 0) return { content: 'No files found' };
    const sorted = (await withTimes(ctx, found.files)).sort((a, b) => b.mtimeMs - a.mtimeMs || (a.path < b.path ? -1 : 1));
    // Newest first until the page is full: files past it are not checked against the rules.
    const filter = ReadFilter.of(ctx);
    const shown: string[] = [];
    let checked = 0;
    while (checked < sorted.length && shown.length < GLOB_MAX_RESULTS) {
      const match = sorted[checked++] as Match;
      if (await filter.allows(match.path)) shown.push(match.path);
    }
    const unchecked = sorted.length - checked;
    const lines = shown.length > 0 ? shown : ['No files found'];
    if (unchecked > 0 || found.capped) {
      const of = found.capped ? 'more than ' : filter.active ? 'up to ' : '';
      lines.push(`(Results are truncated: showing ${shown.length} of ${of}${shown.length + unchecked} files. Use a more specific pattern or path.)`);
    }
    return { content: [...lines, ...filter.notes()].join('\n') };
  },
});
