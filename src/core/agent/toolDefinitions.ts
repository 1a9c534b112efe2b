import { z } from 'zod';
import type { ToolDefinition } from '../providers/types';
import type { AgentTool } from '../tools/types';

/** The tool definitions sent to the model: name, description and the input's JSON Schema. */
export function toolDefinitions(tools: readonly AgentTool[]): ToolDefinition[] {
  return tools.map((tool) => {
    const { $schema: _ignored, ...schema } = z.toJSONSchema(tool.inputSchema, { io: 'input' }) as Record<string, unknown>;
    return {
      name: tool.name,
      description: tool.description,
      input_schema: { ...schema, type: 'object' } as ToolDefinition['input_schema'],
    };
  });
}
