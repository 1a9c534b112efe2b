import { z } from 'zod';
import { defineTool } from './defineTool';
import { commitEdits, planEdits } from './editPlan';

const inputSchema = z.strictObject({
  file_path: z.string().describe('The absolute path to the file to modify'),
  old_string: z.string().describe('The text to replace'),
  new_string: z.string().describe('The text to replace it with (must be different from old_string)'),
  replace_all: z.boolean().optional().default(false).describe('Replace all occurences of old_string (default false)'),
});

export const editTool = defineTool({
  name: 'Edit',
  description: [
    'Replaces exact text in a file.',
    '- file_path must be an absolute path. Read the file in this session first; the edit fails if it changed since.',
    '- old_string must match the file exactly (whitespace and indentation included, without the line-number prefix Read adds).',
    '- old_string must occur exactly once, unless replace_all is true (useful for renaming). Add surrounding lines to make it unique.',
    '- new_string must differ from old_string. The file keeps its line endings.',
  ].join('\n'),
  inputSchema,
  readOnly: false,
  async preview(input, ctx) {
    return [(await planEdits(ctx, input.file_path, [input])).change];
  },
  async run(input, ctx) {
    return commitEdits(ctx, await planEdits(ctx, input.file_path, [input]));
  },
});
