import { z } from 'zod';
import { defineTool } from './defineTool';
import type { GrepBackendResult, GrepOutput, GrepQuery } from './grepQuery';
import { findRipgrepOnPath, grepWithRipgrep } from './grepRipgrep';
import { grepWithJs } from './grepScan';
import { resolveSearchRoot } from './paths';
import { truncateEnd } from './truncate';
import type { AgentTool, ToolContext } from './types';

export const GREP_MAX_OUTPUT_CHARS = 30_000;

const inputSchema = z.strictObject({
  pattern: z.string().min(1).describe('The regular expression pattern to search for in file contents'),
  path: z.string().optional().describe('File or directory to search in (rg PATH). Defaults to current working directory.'),
  glob: z.string().optional().describe('Glob pattern to filter files (e.g. "*.js", "*.{ts,tsx}") - maps to rg --glob'),
  output_mode: z
    .enum(['content', 'files_with_matches', 'count'])
    .optional()
    .describe(
      'Output mode: "content" shows matching lines (supports -A/-B/-C context, -n line numbers, head_limit), "files_with_matches" shows file paths (supports head_limit), "count" shows match counts (supports head_limit). Defaults to "files_with_matches".',
    ),
  '-B': z.number().int().nonnegative().optional().describe('Number of lines to show before each match (rg -B). Requires output_mode: "content", ignored otherwise.'),
  '-A': z.number().int().nonnegative().optional().describe('Number of lines to show after each match (rg -A). Requires output_mode: "content", ignored otherwise.'),
  '-C': z.number().int().nonnegative().optional().describe('Number of lines to show before and after each match (rg -C). Requires output_mode: "content", ignored otherwise.'),
  '-n': z.boolean().optional().describe('Show line numbers in output (rg -n). Requires output_mode: "content", ignored otherwise. Defaults to true.'),
  '-i': z.boolean().optional().describe('Case insensitive search (rg -i)'),
  type: z.string().optional().describe('File type to search (rg --type). Common types: js, py, rust, go, java, etc. More efficient than glob for standard file types.'),
  head_limit: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('Limit output to first N lines/entries, equivalent to "| head -N". Works across all output modes. Defaults to no limit.'),
  multiline: z.boolean().optional().describe('Enable multiline mode where . matches newlines and patterns can span lines (rg -U --multiline-dotall). Default: false.'),
});

export interface GrepToolOptions {
  /** Path of the ripgrep executable; undefined: look for `rg` on PATH; null: never use ripgrep. */
  ripgrepPath?: string | null;
}

async function byModificationTime(ctx: ToolContext, files: string[]): Promise<string[]> {
  const stats = await Promise.all(files.map((file) => ctx.fs.stat(file).catch(() => undefined)));
  return files
    .map((file, index) => ({ file, mtimeMs: stats[index]?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs || (a.file < b.file ? -1 : 1))
    .map((entry) => entry.file);
}

function limited<T>(items: T[], limit: number | undefined): { items: T[]; cut: number } {
  if (limit === undefined || items.length <= limit) return { items, cut: 0 };
  return { items: items.slice(0, limit), cut: items.length - limit };
}

async function render(ctx: ToolContext, output: GrepOutput, headLimit: number | undefined): Promise<string> {
  const more = (cut: number, what: string): string[] => (cut > 0 ? [`(${cut} more ${what} not shown because of head_limit.)`] : []);
  if (output.mode === 'files_with_matches') {
    if (output.files.length === 0) return 'No files found';
    const { items, cut } = limited(await byModificationTime(ctx, output.files), headLimit);
    const noun = output.files.length === 1 ? 'file' : 'files';
    return [`Found ${output.files.length} ${noun}`, ...items, ...more(cut, 'files')].join('\n');
  }
  if (output.mode === 'count') {
    if (output.counts.length === 0) return 'No matches found';
    const { items, cut } = limited(output.counts, headLimit);
    const total = output.counts.reduce((sum, entry) => sum + entry.count, 0);
    const summary = `Found ${total} matching line(s) in ${output.counts.length} file(s).`;
    return [...items.map((entry) => `${entry.path}:${entry.count}`), ...more(cut, 'files'), '', summary].join('\n');
  }
  if (output.lines.length === 0) return 'No matches found';
  const { items, cut } = limited(output.lines, headLimit);
  return [...items, ...more(cut, 'lines')].join('\n');
}

export function createGrepTool(options: GrepToolOptions = {}): AgentTool<typeof inputSchema> {
  let ripgrep: string | null | undefined = options.ripgrepPath;
  const backend = (ctx: ToolContext, query: GrepQuery): Promise<GrepBackendResult> => {
    if (ripgrep === undefined) ripgrep = findRipgrepOnPath() ?? null;
    return ripgrep === null ? grepWithJs(ctx, query) : grepWithRipgrep(ctx, query, ripgrep);
  };
  return defineTool({
    name: 'Grep',
    description: [
      'Searches file contents with regular expressions (ripgrep syntax and semantics).',
      '- Filter files with glob (e.g. "*.js", "**/*.tsx") or type (e.g. "js", "py", "rust").',
      '- output_mode: "files_with_matches" (default; paths, most recently modified first), "content" (matching lines; -A/-B/-C context, -n line numbers), "count".',
      '- Files excluded by .gitignore, and the .git and node_modules folders, are skipped; binary files are not searched.',
      '- Literal braces need escaping (interface\\{\\}). Patterns match within a line unless multiline is true.',
      '- Use head_limit to see only the first results. Use this tool instead of grep or rg in Bash.',
    ].join('\n'),
    inputSchema,
    readOnly: true,
    async run(input, ctx) {
      const { root, isFile } = await resolveSearchRoot(ctx, input.path);
      const context = input['-C'] ?? 0;
      const query: GrepQuery = {
        pattern: input.pattern,
        root,
        rootIsFile: isFile,
        glob: input.glob,
        type: input.type,
        mode: input.output_mode ?? 'files_with_matches',
        ignoreCase: input['-i'] ?? false,
        lineNumbers: input['-n'] ?? true,
        before: input['-B'] ?? context,
        after: input['-A'] ?? context,
        multiline: input.multiline ?? false,
      };
      const result = await backend(ctx, query);
      const text = await render(ctx, result.output, input.head_limit);
      const body = truncateEnd(text, GREP_MAX_OUTPUT_CHARS, '(Output truncated. Use head_limit, a narrower path, glob or type to see the rest.)');
      return { content: [body, ...result.notes].join('\n') };
    },
  });
}

export const grepTool = createGrepTool();
