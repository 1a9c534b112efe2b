/**
 * The JSON Schema of settings files, generated from the zod schema. The build writes it to
 * dist/settings.schema.json for the editor (hover text, completion, validation); the CLI can
 * print it. Unknown keys stay allowed, as AgentGate itself allows them.
 */
import { z } from 'zod';
import { mcpJsonSchema } from './mcpSchema';
import { settingsFileSchema } from './schema';

export const SETTINGS_SCHEMA_FILE = 'settings.schema.json';

export function settingsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(settingsFileSchema, { target: 'draft-7', unrepresentable: 'any' });
  return {
    ...schema,
    title: 'AgentGate and Claude Code settings',
    // VS Code: these files are JSON with comments and trailing commas, as Claude Code reads them.
    allowComments: true,
    allowTrailingCommas: true,
  };
}

/** The JSON Schema of `.mcp.json`. */
export function mcpJsonJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(mcpJsonSchema, { target: 'draft-7', unrepresentable: 'any' });
  return { ...schema, title: 'MCP servers of this project (.mcp.json)', allowComments: true, allowTrailingCommas: true };
}
