import { z } from 'zod';
import { summarizeChange } from './changeSummary';
import { defineTool } from './defineTool';
import { requireAbsolutePath } from './paths';
import { assertFreshRead, decodeText, readBytes, recordOwnWrite, statPath, writeText } from './textFile';
import { ToolInputError } from './toolErrors';
import type { FileChangePreview, ToolContext } from './types';

const inputSchema = z.strictObject({
  file_path: z.string().describe('The absolute path to the file to write (must be absolute, not relative)'),
  content: z.string().describe('The content to write to the file'),
});

type WriteInput = z.infer<typeof inputSchema>;

/** What the file holds now (null if it does not exist), after the read-first check. */
async function currentContent(ctx: ToolContext, filePath: string): Promise<string | null> {
  const stat = await statPath(ctx, filePath);
  if (!stat) return null;
  if (stat.isDirectory) throw new ToolInputError(`${filePath} is a directory; give the path of a file.`);
  if (!stat.isFile) throw new ToolInputError(`${filePath} is not a regular file.`);
  assertFreshRead(ctx, filePath, stat);
  const decoded = decodeText(await readBytes(ctx, filePath));
  return decoded.kind === 'text' ? decoded.text : `[binary file, ${stat.size} bytes]`;
}

async function plan(input: WriteInput, ctx: ToolContext): Promise<FileChangePreview> {
  const filePath = requireAbsolutePath(input.file_path, ctx.cwd);
  return { path: filePath, before: await currentContent(ctx, filePath), after: input.content };
}

export const writeTool = defineTool({
  name: 'Write',
  description: [
    'Writes a file to the local file system, replacing it if it exists. Missing parent folders are created.',
    '- file_path must be an absolute path.',
    '- An existing file must have been read with the Read tool in this session, and not changed since.',
    '- Prefer Edit for changes to existing files: it sends only the part that changes.',
  ].join('\n'),
  inputSchema,
  readOnly: false,
  async preview(input, ctx) {
    return [await plan(input, ctx)];
  },
  async run(input, ctx) {
    const change = await plan(input, ctx);
    if (change.before === change.after) return { content: `${change.path} already has this content; nothing changed.` };
    await writeText(ctx, change.path, change.after);
    await recordOwnWrite(ctx, change.path);
    if (change.before === null) {
      const lines = change.after === '' ? 0 : change.after.split('\n').length - (change.after.endsWith('\n') ? 1 : 0);
      return { content: `Created ${change.path} (${lines} lines).` };
    }
    return { content: `Updated ${change.path}:\n${summarizeChange(change.before, change.after)}` };
  },
});
