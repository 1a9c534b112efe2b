import { z } from 'zod';
import { isAbortError, ToolFileSystemError, ToolInputError, WebFetchError } from './toolErrors';
import type { AgentTool, FileChangePreview, ToolContext, ToolResult } from './types';

export interface ToolSpec<Schema extends z.ZodType> {
  name: string;
  description: string;
  inputSchema: Schema;
  readOnly: boolean;
  preview?(input: z.infer<Schema>, ctx: ToolContext): Promise<FileChangePreview[]>;
  run(input: z.infer<Schema>, ctx: ToolContext): Promise<ToolResult>;
}

export function errorResult(message: string): ToolResult {
  return { content: message, isError: true };
}

/** Validates raw input against the tool's schema; the error names each bad field. */
export function parseToolInput<Schema extends z.ZodType>(tool: { name: string; inputSchema: Schema }, input: unknown): z.infer<Schema> {
  const parsed = tool.inputSchema.safeParse(input);
  if (!parsed.success) {
    throw new ToolInputError(`Invalid input for ${tool.name}:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

function isExpected(error: unknown): error is Error {
  return error instanceof ToolInputError || error instanceof ToolFileSystemError || error instanceof WebFetchError;
}

/** The message for the model; unexpected errors keep their own message, marked as such. */
export function describeToolError(toolName: string, error: unknown): string {
  if (isExpected(error)) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `${toolName} failed unexpectedly: ${message}`;
}

/**
 * Wraps a tool so that input is validated with zod before anything runs, and failures become
 * error results the model can act on. Cancellation (an AbortError while ctx.signal is aborted)
 * is rethrown: the agent loop ends the turn, it is not the model's mistake.
 */
export function defineTool<Schema extends z.ZodType>(spec: ToolSpec<Schema>): AgentTool<Schema> {
  const preview = spec.preview;
  return {
    name: spec.name,
    description: spec.description,
    inputSchema: spec.inputSchema,
    readOnly: spec.readOnly,
    preview: preview ? (input, ctx) => preview(parseToolInput(spec, input), ctx) : undefined,
    async run(input, ctx) {
      try {
        return await spec.run(parseToolInput(spec, input), ctx);
      } catch (error) {
        if (ctx.signal.aborted && isAbortError(error)) throw error;
        return errorResult(describeToolError(spec.name, error));
      }
    },
  };
}

/** For the agent loop: runs a tool on input exactly as the model sent it. */
export function runTool(tool: AgentTool, input: unknown, ctx: ToolContext): Promise<ToolResult> {
  return tool.run(input, ctx);
}

export type PreviewOutcome = { ok: true; changes: FileChangePreview[] } | { ok: false; result: ToolResult };

/**
 * For the agent loop, before asking for approval: the changes a file-writing tool would make,
 * or the error result to return at once (invalid input, file not read first, string not found)
 * so nobody is asked to approve a call that cannot succeed.
 */
export async function previewTool(tool: AgentTool, input: unknown, ctx: ToolContext): Promise<PreviewOutcome> {
  if (!tool.preview) return { ok: true, changes: [] };
  try {
    return { ok: true, changes: await tool.preview(input, ctx) };
  } catch (error) {
    if (ctx.signal.aborted && isAbortError(error)) throw error;
    return { ok: false, result: errorResult(describeToolError(tool.name, error)) };
  }
}
