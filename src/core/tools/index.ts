import { z } from 'zod';
import { bashTool } from './bash';
import { editTool } from './edit';
import { globTool } from './glob';
import { createGrepTool, type GrepToolOptions } from './grep';
import { multiEditTool } from './multiEdit';
import { readTool } from './read';
import type { AgentTool } from './types';
import { webFetchTool } from './webFetch';
import { writeTool } from './write';

export { bashTool } from './bash';
export { defineTool, previewTool, runTool, type PreviewOutcome } from './defineTool';
export { editTool } from './edit';
export { globTool } from './glob';
export { createGrepTool, grepTool, type GrepToolOptions } from './grep';
export { multiEditTool } from './multiEdit';
export { createNodeFetchText, nodeFetchText, type NodeFetchTextOptions } from './nodeFetchText';
export { NodeFileSystem } from './nodeFileSystem';
export { NodeProcessRunner, type NodeProcessRunnerOptions } from './nodeProcessRunner';
export { readTool } from './read';
export { SessionReadTracker } from './sessionReadTracker';
export { StaleReadError, ToolFileSystemError, ToolInputError, WebFetchError } from './toolErrors';
export { webFetchTool } from './webFetch';
export { writeTool } from './write';

export type BuiltinToolOptions = GrepToolOptions;

/** The built-in tools, in the order they are offered to the model. */
export function createBuiltinTools(options: BuiltinToolOptions = {}): readonly AgentTool[] {
  const grep = options.ripgrepPath === undefined ? undefined : createGrepTool(options);
  return [bashTool, globTool, grep ?? defaultGrep, readTool, editTool, multiEditTool, writeTool, webFetchTool];
}

const defaultGrep = createGrepTool();

/** All built-in tools; Grep uses `rg` from PATH when there is one. */
export const builtinTools: readonly AgentTool[] = createBuiltinTools();

/** A tool as the Messages API takes it. */
export interface ToolDefinition {
  name: string;
  description: string;
  input_schema: { type: 'object'; [key: string]: unknown };
}

export function toolDefinition(tool: AgentTool): ToolDefinition {
  const { $schema: _schema, ...schema } = z.toJSONSchema(tool.inputSchema, { io: 'input' }) as Record<string, unknown>;
  return { name: tool.name, description: tool.description, input_schema: { ...schema, type: 'object' } };
}

/** The model-facing definitions of `tools` (default: all built-in tools). */
export function toolDefinitions(tools: readonly AgentTool[] = builtinTools): ToolDefinition[] {
  return tools.map(toolDefinition);
}
