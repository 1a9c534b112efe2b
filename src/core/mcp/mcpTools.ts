/**
 * A server's tools as AgentTools named `mcp__<server>__<tool>`, the names permission rules use
 * (`mcp__server`, `mcp__server__*`, `mcp__server__tool`). Their calls go through the permission
 * engine like every tool (the agent loop does that; MCP tools ask by default).
 *
 * The model sees the server's own JSON Schema: the AgentTool's zod schema is a permissive object
 * that carries that JSON Schema as metadata, which `toolDefinition` (z.toJSONSchema) emits as is.
 * Input is checked by the server, which reports mistakes as error results.
 */
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { truncateMiddle } from '../tools/truncate';
import type { AgentTool, ToolResult } from '../tools/types';

/** The Messages API limit on tool names. */
export const MAX_TOOL_NAME_LENGTH = 64;
/** Longer tool output is cut in the middle. */
export const MCP_MAX_OUTPUT_CHARS = 100_000;
const MAX_DESCRIPTION_CHARS = 2048;

/**
 * The server part of tool names: characters other than letters, digits, `_` and `-` become `_`,
 * runs of `_` collapse and `_` at either end goes (so `__` only ever separates the parts).
 * Undefined when nothing is left.
 */
export function normalizeServerName(name: string): string | undefined {
  const normalized = name.replace(/[^A-Za-z0-9_-]/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
  return normalized === '' ? undefined : normalized;
}

export function normalizeToolName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function qualifiedToolName(server: string, tool: string): string {
  return `mcp__${server}__${normalizeToolName(tool)}`;
}

/** The zod schema of an MCP tool: any object, carrying the server's JSON Schema for the model. */
export function mcpInputSchema(inputSchema: Tool['inputSchema']): z.ZodType<Record<string, unknown>> {
  // `id` would register the schema globally by name; `$schema`/`$id` are the generator's business.
  const { $schema: _schema, $id: _id, id: _globalId, ...rest } = inputSchema as Record<string, unknown>;
  return z.looseObject({}).meta({ ...rest, type: 'object' }) as unknown as z.ZodType<Record<string, unknown>>;
}

function describeContent(block: CallToolResult['content'][number]): string {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'image':
      return `[image: ${block.mimeType}, ${Math.floor((block.data.length * 3) / 4)} bytes, not shown]`;
    case 'audio':
      return `[audio: ${block.mimeType}, not shown]`;
    case 'resource':
      return 'text' in block.resource && typeof block.resource.text === 'string' ? block.resource.text : `[resource: ${block.resource.uri}]`;
    case 'resource_link':
      return `[resource link: ${block.uri}${block.name ? ` (${block.name})` : ''}]`;
    default:
      return `[${(block as { type: string }).type} content, not shown]`;
  }
}

/** The model-facing text of a tool result. */
export function formatCallToolResult(result: CallToolResult): ToolResult {
  const parts = (result.content ?? []).map(describeContent);
  if (parts.length === 0 && result.structuredContent !== undefined) parts.push(JSON.stringify(result.structuredContent));
  const text = parts.join('\n').trim() || '(no output)';
  const { text: content } = truncateMiddle(text, MCP_MAX_OUTPUT_CHARS);
  return result.isError === true ? { content, isError: true } : { content };
}

export interface McpToolSpec {
  server: string;
  qualifiedName: string;
  tool: Tool;
  /** Calls the tool on the server as it runs now (it may have stopped since the session began). */
  call(args: Record<string, unknown>, signal: AbortSignal): Promise<ToolResult>;
}

export function createMcpAgentTool(spec: McpToolSpec): AgentTool {
  const origin = `(MCP tool "${spec.tool.name}" of server "${spec.server}")`;
  const body = spec.tool.description?.trim() ?? '';
  const description = body === '' ? origin : `${body.slice(0, MAX_DESCRIPTION_CHARS)}${body.length > MAX_DESCRIPTION_CHARS ? '…' : ''}\n${origin}`;
  return {
    name: spec.qualifiedName,
    description,
    inputSchema: mcpInputSchema(spec.tool.inputSchema),
    readOnly: false,
    run: (input, ctx) => spec.call(input as Record<string, unknown>, ctx.signal),
  };
}
