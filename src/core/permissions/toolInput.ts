import { isAbsolute } from 'node:path';
import picomatch from 'picomatch';
import { z } from 'zod';

/**
 * Validates what the model sent and reduces it to the action the engine decides about. Only the
 * fields that decide what is touched are checked strictly; tools validate the rest themselves.
 * Anything malformed is denied by the engine, so a shape the engine does not understand can
 * never be allowed by accident.
 */

export type ToolAction =
  | { kind: 'bash'; command: string }
  /** `path` as sent (relative paths resolve against cwd); `directory: 'auto'` asks the file system. */
  | { kind: 'read'; tool: string; path: string; directory: boolean | 'auto' }
  | { kind: 'write'; tool: string; path: string }
  | { kind: 'webFetch'; url: string }
  | { kind: 'webSearch' }
  | { kind: 'mcp'; server: string; name: string }
  | { kind: 'other'; tool: string };

export type ParsedRequest = { ok: true; action: ToolAction } | { ok: false; error: string };

const noNul = (s: string) => !s.includes('\0');
const pathString = z.string().min(1, 'must not be empty').refine(noNul, 'must not contain a NUL character');
const text = z.string().min(1, 'must not be empty').refine(noNul, 'must not contain a NUL character');

interface ToolSpec<S extends z.ZodType> {
  schema: S;
  action(data: z.infer<S>, tool: string): ParsedRequest;
}
const spec = <S extends z.ZodType>(schema: S, action: (data: z.infer<S>, tool: string) => ParsedRequest): ToolSpec<S> => ({ schema, action });
const ok = (action: ToolAction): ParsedRequest => ({ ok: true, action });

const TOOLS: Record<string, ToolSpec<z.ZodType>> = {
  Bash: spec(z.looseObject({ command: text }), (d) => ok({ kind: 'bash', command: d.command })),
  Read: spec(z.looseObject({ file_path: pathString }), (d, tool) => ok({ kind: 'read', tool, path: d.file_path, directory: 'auto' })),
  Edit: spec(z.looseObject({ file_path: pathString }), (d, tool) => ok({ kind: 'write', tool, path: d.file_path })),
  Write: spec(z.looseObject({ file_path: pathString }), (d, tool) => ok({ kind: 'write', tool, path: d.file_path })),
  MultiEdit: spec(z.looseObject({ file_path: pathString }), (d, tool) => ok({ kind: 'write', tool, path: d.file_path })),
  NotebookEdit: spec(z.looseObject({ notebook_path: pathString }), (d, tool) => ok({ kind: 'write', tool, path: d.notebook_path })),
  Glob: spec(z.looseObject({ pattern: text, path: pathString.optional() }), (d) => globTarget(d.pattern, d.path)),
  Grep: spec(z.looseObject({ pattern: z.string(), path: pathString.optional() }), (d, tool) =>
    ok({ kind: 'read', tool, path: d.path ?? '.', directory: 'auto' }),
  ),
  LS: spec(z.looseObject({ path: pathString }), (d, tool) => ok({ kind: 'read', tool, path: d.path, directory: true })),
  WebFetch: spec(z.looseObject({ url: text }), (d) => ok({ kind: 'webFetch', url: d.url })),
  WebSearch: spec(z.looseObject({ query: text }), () => ok({ kind: 'webSearch' })),
};

const TOOL_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const MCP_NAME = /^mcp__([A-Za-z0-9-]+(?:_[A-Za-z0-9-]+)*)__([A-Za-z0-9_.-]+)$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')} ${issue.message}` : issue.message))
    .join('; ');
}

/** A `..` in the wildcard part of a Glob pattern could climb anywhere; the fixed part may use it. */
function globTarget(pattern: string, base: string | undefined): ParsedRequest {
  const scan = picomatch.scan(pattern);
  if (/(^|[/{,])\.\.($|[/},])/.test(scan.glob)) {
    return { ok: false, error: 'its pattern uses ".." after a wildcard; put the folder in "path" instead' };
  }
  // A negated pattern searches everything except its base: the whole search root is read.
  if (scan.negated) return ok({ kind: 'read', tool: 'Glob', path: isAbsolute(scan.base) ? '/' : (base ?? '.'), directory: true });
  const fixed = scan.base === '' ? '.' : scan.base;
  const path = isAbsolute(fixed) || base === undefined ? fixed : `${base}/${fixed}`;
  return ok({ kind: 'read', tool: 'Glob', path, directory: true });
}

/** Validates a tool request; `error` completes the sentence "The <tool> request is invalid: …". */
export function parseToolRequest(tool: unknown, input: unknown): ParsedRequest {
  if (typeof tool !== 'string' || !TOOL_NAME.test(tool)) return { ok: false, error: 'the tool name is missing or malformed' };
  if (!isPlainObject(input)) return { ok: false, error: 'its input is not an object' };
  const known = Object.hasOwn(TOOLS, tool) ? TOOLS[tool] : undefined;
  if (known) {
    const parsed = known.schema.safeParse(input);
    return parsed.success ? known.action(parsed.data, tool) : { ok: false, error: describeIssues(parsed.error) };
  }
  if (tool.startsWith('mcp__')) {
    const match = MCP_NAME.exec(tool);
    if (!match) return { ok: false, error: 'MCP tool names look like mcp__<server>__<tool>' };
    return { ok: true, action: { kind: 'mcp', server: match[1], name: match[2] } };
  }
  return { ok: true, action: { kind: 'other', tool } };
}
