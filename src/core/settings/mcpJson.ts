/** `validateMcpJson` for `agentgate validate`: `.mcp.json` problems in the settings style. */
import path from 'node:path';
import { analyzeJson } from './analyzeJson';
import { diagnosticAt, sortByPosition } from './diagnostics';
import { nodeSettingsFileSystem, type SettingsFileSystem } from './fileSystem';
import type { Expectation } from './issueMessages';
import { type JsonDocument, positionAt, propertiesOf, propertyNode } from './jsonDocument';
import { mcpJsonSchema, mcpServerSchema } from './mcpSchema';
import { readSettingsText } from './readSettingsFile';
import type { Diagnostic } from './types';

const SERVER_KEYS: ReadonlySet<string> = new Set(Object.keys(mcpServerSchema.shape));
const RECORDS: ReadonlySet<string> = new Set(['mcpServers', 'mcpServers.*.env', 'mcpServers.*.headers']);
const STRING: Expectation = { expected: 'a string', kind: 'string' };
const EXPECTATIONS: Record<string, Expectation> = {
  mcpServers: { expected: 'an object of servers by name, like { "github": { "command": "npx", "args": ["-y", "server"] } }', kind: 'object' },
  'mcpServers.*': { expected: 'an object describing the server, like { "command": "npx", "args": ["-y", "server"] }', kind: 'object' },
  'mcpServers.*.type': { expected: 'one of "stdio", "http", "sse"', kind: 'enum', values: ['stdio', 'http', 'sse'] },
  'mcpServers.*.command': { expected: 'a non-empty string: the program to start', kind: 'string' },
  'mcpServers.*.args': { expected: 'a list of argument strings, like ["-y", "server"]', kind: 'list' },
  'mcpServers.*.args[]': STRING,
  'mcpServers.*.env': { expected: 'an object of variable names and string values', kind: 'object' },
  'mcpServers.*.env.*': STRING,
  'mcpServers.*.url': { expected: 'a non-empty URL string', kind: 'string' },
  'mcpServers.*.headers': { expected: 'an object of header names and string values', kind: 'object' },
  'mcpServers.*.headers.*': STRING,
};

function unknownKeyWarnings(doc: JsonDocument, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { key, keyNode } of propertiesOf(doc.root)) {
    if (key === 'mcpServers' || key === '$schema') continue;
    const at = positionAt(doc, keyNode.offset);
    out.push(diagnosticAt('warning', file, doc, keyNode, `Unknown key "${key}" at line ${at.line}, column ${at.column}: AgentGate ignores it. Servers go under "mcpServers".`));
  }
  const servers = propertyNode(doc.root, 'mcpServers')?.children?.[1];
  for (const server of propertiesOf(servers)) {
    for (const { key, keyNode } of propertiesOf(server.valueNode)) {
      if (SERVER_KEYS.has(key)) continue;
      const at = positionAt(doc, keyNode.offset);
      out.push(diagnosticAt('warning', file, doc, keyNode, `Unknown key "${key}" in server "${server.key}" at line ${at.line}, column ${at.column}: AgentGate ignores it. It may be meant for a newer tool; remove it if it is a typo.`));
    }
  }
  return out;
}

/** Diagnostics for a `.mcp.json` file; an empty list means it is valid. */
export async function validateMcpJson(file: string, fs: SettingsFileSystem = nodeSettingsFileSystem): Promise<Diagnostic[]> {
  const absolute = path.resolve(file);
  const read = await readSettingsText(fs, absolute);
  if (read.status === 'missing') return [{ severity: 'error', file: absolute, message: 'The file does not exist. Check the path.' }];
  if (read.status === 'unreadable') return [{ severity: 'error', file: absolute, message: read.message }];
  const analysis = analyzeJson(read.text, absolute, {
    schema: mcpJsonSchema,
    expectations: EXPECTATIONS,
    records: RECORDS,
    emptyError: 'The file is empty. Write { "mcpServers": {} } for no servers.',
  });
  if (analysis.structured) analysis.diagnostics.push(...unknownKeyWarnings(analysis.doc, absolute));
  return sortByPosition(analysis.diagnostics);
}
