/** The zod schema of `.mcp.json`: the project's MCP servers by name. */
import { z } from 'zod';

const stringRecord = z.record(z.string(), z.string());

export const mcpServerSchema = z
  .looseObject({
    type: z.enum(['stdio', 'http', 'sse']).optional().describe('How to reach the server; "stdio" (a local program) when absent.'),
    command: z.string().min(1).optional().describe('The program that starts a stdio server.'),
    args: z.array(z.string()).optional().describe('Arguments for the command.'),
    env: stringRecord.optional().describe('Environment variables for the command.'),
    url: z.string().min(1).optional().describe('The URL of an http or sse server.'),
    headers: stringRecord.optional().describe('HTTP headers sent to an http or sse server.'),
  })
  .superRefine((server, ctx) => {
    const type = server.type ?? 'stdio';
    if (type === 'stdio' && server.command === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['command'],
        message: 'This server has no "command". Add "command" (the program to start), or for a remote server add "type": "http" and a "url".',
      });
    }
    if (type !== 'stdio' && server.url === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: `This server has "type": "${type}" but no "url". Add "url", like "https://example.com/mcp".`,
      });
    }
  });

export const mcpJsonSchema = z.looseObject({
  mcpServers: z.record(z.string(), mcpServerSchema).describe('The MCP servers of this project, by name.'),
});

export type McpJson = z.infer<typeof mcpJsonSchema>;
