import { z } from 'zod';
import { defineTool } from './defineTool';
import { requireAbsolutePath } from './paths';
import { decodeText, readBytes, statPath } from './textFile';
import { ToolFileSystemError, ToolInputError } from './toolErrors';

export const READ_DEFAULT_LIMIT = 2000;
export const READ_MAX_LINE_CHARS = 2000;
/** Larger files must be read in ranges (offset/limit). */
export const READ_MAX_WHOLE_FILE_BYTES = 256 * 1024;
/** Larger files are not loaded at all: Grep or Bash can look into them. */
export const READ_MAX_FILE_BYTES = 64 * 1024 * 1024;
/** A range whose text exceeds this is cut, with a note saying where to continue. */
export const READ_MAX_OUTPUT_CHARS = 100_000;

const inputSchema = z.strictObject({
  file_path: z.string().describe('The absolute path to the file to read'),
  offset: z.number().int().nonnegative().optional().describe('The line number to start reading from (1 is the first line). Only provide if the file is too large to read at once'),
  limit: z.number().int().positive().optional().describe('The number of lines to read. Only provide if the file is too large to read at once'),
});

function splitLines(text: string): string[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function numbered(lineNumber: number, line: string): string {
  const shown = line.length > READ_MAX_LINE_CHARS ? `${line.slice(0, READ_MAX_LINE_CHARS)}... (line cut at ${READ_MAX_LINE_CHARS} characters)` : line;
  return `${String(lineNumber).padStart(6)}\t${shown}`;
}

function kib(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

export const readTool = defineTool({
  name: 'Read',
  description: [
    'Reads a file from the local file system and returns its lines numbered like `cat -n`.',
    '- file_path must be an absolute path.',
    `- By default up to ${READ_DEFAULT_LIMIT} lines from the start; use offset (first line, 1-based) and limit for long files.`,
    `- Lines longer than ${READ_MAX_LINE_CHARS} characters are cut. Files over ${kib(READ_MAX_WHOLE_FILE_BYTES)} must be read in ranges.`,
    '- Binary files are not shown. Directories cannot be read: use Glob or Bash `ls`.',
    '- Read a file before editing or overwriting it; Edit and Write refuse files not read in this session or changed since.',
  ].join('\n'),
  inputSchema,
  readOnly: true,
  async run(input, ctx) {
    const filePath = requireAbsolutePath(input.file_path, ctx.cwd);
    const stat = await statPath(ctx, filePath);
    if (!stat) throw new ToolFileSystemError(`File does not exist: ${filePath} (working directory: ${ctx.cwd}).`, 'ENOENT');
    if (stat.isDirectory) throw new ToolInputError(`${filePath} is a directory, not a file. Use Glob to find files in it, or Bash with ls.`);
    if (!stat.isFile) throw new ToolInputError(`${filePath} is not a regular file.`);
    if (stat.size > READ_MAX_FILE_BYTES) {
      throw new ToolInputError(
        `${filePath} is too large to read (${kib(stat.size)}). Use Grep to search it, or Bash (for example sed -n '100,200p') to view part of it.`,
      );
    }
    const ranged = input.offset !== undefined || input.limit !== undefined;
    if (stat.size > READ_MAX_WHOLE_FILE_BYTES && !ranged) {
      throw new ToolInputError(
        `${filePath} is ${kib(stat.size)}, more than the ${kib(READ_MAX_WHOLE_FILE_BYTES)} that can be read at once. Read it in parts with offset and limit (for example offset: 1, limit: 500), or use Grep to find the lines you need.`,
      );
    }

    const decoded = decodeText(await readBytes(ctx, filePath));
    ctx.reads.recordRead(filePath, stat.mtimeMs, stat.size);
    if (decoded.kind === 'binary') {
      return { content: `${filePath} looks like a binary file (${decoded.reason}; ${stat.size} bytes), so its content is not shown.` };
    }
    const lines = splitLines(decoded.text);
    if (lines.length === 0) return { content: `${filePath} exists but is empty.` };

    const start = Math.max(input.offset ?? 1, 1);
    if (start > lines.length) {
      return { content: `${filePath} has ${lines.length} lines, so offset ${start} is past the end. Use an offset between 1 and ${lines.length}.` };
    }
    const end = Math.min(lines.length, start - 1 + (input.limit ?? READ_DEFAULT_LIMIT));
    const out: string[] = [];
    let chars = 0;
    let last = start - 1;
    for (let n = start; n <= end; n++) {
      const line = numbered(n, lines[n - 1] ?? '');
      if (out.length > 0 && chars + line.length + 1 > READ_MAX_OUTPUT_CHARS) break;
      out.push(line);
      chars += line.length + 1;
      last = n;
    }
    if (last < lines.length) {
      const why = last < end ? `the output reached ${READ_MAX_OUTPUT_CHARS} characters` : 'of the line limit';
      out.push('', `(Showing lines ${start}-${last} of ${lines.length} because ${why}. To continue, call Read with offset ${last + 1}.)`);
    }
    return { content: out.join('\n') };
  },
});
