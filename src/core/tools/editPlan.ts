import { applyEdits, type EditOperation } from './applyEdits';
import { summarizeChange } from './changeSummary';
import { requireAbsolutePath } from './paths';
import { loadForChange, recordOwnWrite, writeText } from './textFile';
import { ToolFileSystemError } from './toolErrors';
import type { FileChangePreview, ToolContext, ToolResult } from './types';

export interface EditPlan {
  change: FileChangePreview;
  replacements: number[];
}

/**
 * The change a list of edits makes to a file, computed in memory. An empty old_string in the
 * first edit creates a file that does not exist yet (or fills an empty one), as in Claude Code.
 */
export async function planEdits(ctx: ToolContext, rawPath: string, edits: readonly EditOperation[]): Promise<EditPlan> {
  const filePath = requireAbsolutePath(rawPath, ctx.cwd);
  const current = await loadForChange(ctx, filePath);
  const [first, ...rest] = edits;
  const creates = first !== undefined && first.old_string === '' && (current === undefined || current.text === '');
  if (!current && !creates) {
    throw new ToolFileSystemError(
      `File does not exist: ${filePath}. To create it, use Write, or Edit with an empty old_string and the whole content as new_string.`,
      'ENOENT',
    );
  }
  const before = current ? current.text : null;
  const applied = creates ? applyEdits(first.new_string, rest) : applyEdits(current?.text ?? '', edits);
  const replacements = creates ? [1, ...applied.replacements] : applied.replacements;
  return { change: { path: filePath, before, after: applied.text }, replacements };
}

/** Writes a planned change atomically and describes it for the model. */
export async function commitEdits(ctx: ToolContext, plan: EditPlan): Promise<ToolResult> {
  const { path: filePath, before, after } = plan.change;
  await writeText(ctx, filePath, after);
  await recordOwnWrite(ctx, filePath);
  if (before === null) return { content: `Created ${filePath}.` };
  const total = plan.replacements.reduce((sum, n) => sum + n, 0);
  const what = total === 1 ? '1 replacement' : `${total} replacements`;
  return { content: `Edited ${filePath} (${what}):\n${summarizeChange(before, after)}` };
}
