import { describeFsError, StaleReadError, ToolInputError } from './toolErrors';
import type { FileStat, ToolContext } from './types';

export type DecodedFile = { kind: 'text'; text: string } | { kind: 'binary'; reason: string };

const BINARY_SNIFF_BYTES = 8192;

/**
 * Decodes a file as UTF-8 text, keeping a byte-order mark if there is one (so an edit writes it
 * back). NUL bytes near the start or bytes that are not UTF-8 make it binary.
 */
export function decodeText(data: Uint8Array): DecodedFile {
  if (data.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary', reason: 'it contains NUL bytes' };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data) };
  } catch {
    return { kind: 'binary', reason: 'it is not valid UTF-8 text' };
  }
}

export async function statPath(ctx: ToolContext, filePath: string): Promise<FileStat | undefined> {
  try {
    return await ctx.fs.stat(filePath);
  } catch (error) {
    throw describeFsError(error, filePath);
  }
}

export async function readBytes(ctx: ToolContext, filePath: string): Promise<Buffer> {
  try {
    return await ctx.fs.readFile(filePath);
  } catch (error) {
    throw describeFsError(error, filePath);
  }
}

export async function writeText(ctx: ToolContext, filePath: string, text: string): Promise<void> {
  try {
    await ctx.fs.writeFile(filePath, text);
  } catch (error) {
    throw describeFsError(error, filePath);
  }
}

/** Edit and Write change only files the model has seen as they are now, like Claude Code. */
export function assertFreshRead(ctx: ToolContext, filePath: string, stat: FileStat): void {
  const last = ctx.reads.lastRead(filePath);
  if (!last) {
    throw new StaleReadError(`${filePath} has not been read in this session. Read it with the Read tool first, then retry.`);
  }
  if (last.mtimeMs !== stat.mtimeMs || last.size !== stat.size) {
    throw new StaleReadError(
      `${filePath} has been modified since it was last read (by the user, a formatter or a command). Read it again with the Read tool, then retry with the current content.`,
    );
  }
}

/** After the tool itself wrote a file, the model knows its content: no new Read needed. */
export async function recordOwnWrite(ctx: ToolContext, filePath: string): Promise<void> {
  const stat = await statPath(ctx, filePath);
  if (stat) ctx.reads.recordRead(filePath, stat.mtimeMs, stat.size);
}

/**
 * The current text of a file the model wants to change, after checking it is a file, was read
 * in this session and has not changed since; undefined when the file does not exist.
 */
export async function loadForChange(ctx: ToolContext, filePath: string): Promise<{ stat: FileStat; text: string } | undefined> {
  const stat = await statPath(ctx, filePath);
  if (!stat) return undefined;
  if (stat.isDirectory) throw new ToolInputError(`${filePath} is a directory, not a file.`);
  if (!stat.isFile) throw new ToolInputError(`${filePath} is not a regular file.`);
  assertFreshRead(ctx, filePath, stat);
  const decoded = decodeText(await readBytes(ctx, filePath));
  if (decoded.kind === 'binary') {
    throw new ToolInputError(`${filePath} cannot be edited as text because ${decoded.reason}. Use Write to replace it entirely, or Bash for binary tools.`);
  }
  return { stat, text: decoded.text };
}
