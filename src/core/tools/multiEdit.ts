import { z } from 'zod';
import { defineTool } from './defineTool';
import { commitEdits, planEdits } from './editPlan';

const editSchema = z.strictObject({
  old_string: z.string().describe('The text to replace'),
  new_string: z.string().describe('The text to replace it with'),
  replace_all: z.boolean().optional().default(false).describe('Replace all occurences of old_string (default false).'),
});

const inputSchema = z.strictObject({
  file_path: z.string().describe('The absolute path to the file to modify'),
  edits: z.array(editSchema).min(1).describe('Array of edit operations to perform sequentially on the file'),
});

export const multiEditTool = defineTool({
  name: 'MultiEdit',
  description: [
    'Makes several exact-text replacements in one file in a single call.',
    '- Edits apply in order, each to the result of the previous one. All or nothing: if any edit fails, the file is not changed.',
    '- Each edit follows the rules of the Edit tool (exact match, unique unless replace_all, new_string differs).',
    '- file_path must be an absolute path, read in this session and unchanged since.',
    '- To create a file, give a new path and a first edit with an empty old_string and the content as new_string.',
  ].join('\n'),
  inputSchema,
  readOnly: false,
  async preview(input, ctx) {
    return [(await planEdits(ctx, input.file_path, input.edits)).change];
  },
  async run(input, ctx) {
    return commitEdits(ctx, await planEdits(ctx, input.file_path, input.edits));
  },
});
