import { structuredPatch } from 'diff';

const MAX_SUMMARY_LINES = 80;
const MAX_LINE_CHARS = 500;

function clip(line: string): string {
  const text = line.replace(/\r$/, '');
  return text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}... (line cut)` : text;
}

/**
 * A short unified diff of a change, for the tool result: the model sees what changed and where
 * (hunk headers carry line numbers) without reading the file again.
 */
export function summarizeChange(before: string, after: string): string {
  const patch = structuredPatch('before', 'after', before, after, '', '', { context: 2 });
  const lines: string[] = [];
  for (const hunk of patch.hunks) {
    lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    for (const line of hunk.lines) lines.push(clip(line));
  }
  if (lines.length === 0) return '(no textual change)';
  if (lines.length <= MAX_SUMMARY_LINES) return lines.join('\n');
  return `${lines.slice(0, MAX_SUMMARY_LINES).join('\n')}\n... (${lines.length - MAX_SUMMARY_LINES} more diff lines not shown)`;
}
