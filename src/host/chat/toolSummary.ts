/** What a tool call does and where, in a few words, for the tool cards. Never imports vscode. */
import path from 'node:path';

export interface ToolSummary {
  /** What: "Run", "Read", "Edit". */
  title: string;
  /** Where: the exact command, path, pattern or URL. */
  detail: string;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A path shown relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function compactJson(input: Record<string, unknown>): string {
  const text = JSON.stringify(input);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export function summarizeTool(tool: string, input: Record<string, unknown>, cwd: string): ToolSummary {
  const file = str(input.file_path) ?? str(input.path) ?? str(input.notebook_path);
  switch (tool) {
    case 'Bash':
      return { title: 'Run', detail: str(input.command) ?? '' };
    case 'Read':
      return { title: 'Read', detail: file ? displayPath(file, cwd) : '' };
    case 'Write':
      return { title: 'Write', detail: file ? displayPath(file, cwd) : '' };
    case 'Edit':
    case 'MultiEdit':
    case 'NotebookEdit':
      return { title: 'Edit', detail: file ? displayPath(file, cwd) : '' };
    case 'Glob':
      return { title: 'Find files', detail: [str(input.pattern), file ? `in ${displayPath(file, cwd)}` : undefined].filter(Boolean).join(' ') };
    case 'Grep':
      return { title: 'Search', detail: [str(input.pattern), file ? `in ${displayPath(file, cwd)}` : undefined, str(input.glob)].filter(Boolean).join(' ') };
    case 'WebFetch':
      return { title: 'Fetch', detail: str(input.url) ?? '' };
    case 'WebSearch':
      return { title: 'Search the web', detail: str(input.query) ?? '' };
    case 'ExitPlanMode':
      return { title: 'Plan', detail: 'proposes a plan' };
    default: {
      const mcp = /^mcp__(.+?)__(.+)$/.exec(tool);
      if (mcp) return { title: `MCP ${mcp[1]}`, detail: `${mcp[2]} ${compactJson(input)}` };
      return { title: tool, detail: compactJson(input) };
    }
  }
}

/** A tool result cut for display: the model gets the full text, the card a few lines. */
export function clipResult(text: string, maxLines = 30, maxChars = 4000): string {
  let clipped = text.length > maxChars ? text.slice(0, maxChars) : text;
  const lines = clipped.split('\n');
  if (lines.length > maxLines) clipped = lines.slice(0, maxLines).join('\n');
  return clipped.length < text.length ? `${clipped}\n… (${text.length - clipped.length} more characters)` : clipped;
}
