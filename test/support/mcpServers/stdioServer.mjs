// A real MCP server over stdio, for tests. Options (command-line arguments):
//   --marker FILE       append "<pid>\n" to FILE as soon as the process starts (proves it ran)
//   --grandchild FILE   start a long-running grandchild process and write its pid to FILE
//   --stderr-lines N    write N numbered lines to stderr before starting
//   --exit-before-handshake CODE   write the stderr lines, then exit with CODE (a crash at start)
//   --name NAME         the server's name in the handshake
// Tools: echo {text}, env {name} (a variable of its environment), argv {} (its arguments),
// crash {code} (writes to stderr and exits), add {a, b}, fail {}, grow {} (adds a tool "late").
import { spawn } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const argv = process.argv.slice(2);
function option(name) {
  const index = argv.indexOf(name);
  return index === -1 ? undefined : argv[index + 1];
}

const marker = option('--marker');
if (marker) appendFileSync(marker, `${process.pid}\n`);

const stderrLines = Number(option('--stderr-lines') ?? 0);
for (let i = 1; i <= stderrLines; i++) process.stderr.write(`stderr line ${i}\n`);

const exitCode = option('--exit-before-handshake');
if (exitCode !== undefined) process.exit(Number(exitCode));

const grandchildFile = option('--grandchild');
if (grandchildFile) {
  const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  writeFileSync(grandchildFile, String(grandchild.pid));
}

const server = new McpServer({ name: option('--name') ?? 'test-stdio', version: '1.0.0' });
server.registerTool('echo', { description: 'Echoes the text back.', inputSchema: { text: z.string().describe('What to echo') } }, async ({ text }) => ({
  content: [{ type: 'text', text: `echo: ${text}` }],
}));
server.registerTool('env', { description: 'Reads a variable of the server environment.', inputSchema: { name: z.string() } }, async ({ name }) => ({
  content: [{ type: 'text', text: process.env[name] ?? '(unset)' }],
}));
server.registerTool('argv', { description: 'The server arguments.' }, async () => ({
  content: [{ type: 'text', text: JSON.stringify(argv) }],
}));
server.registerTool('add', { description: 'Adds two numbers.', inputSchema: { a: z.number(), b: z.number() } }, async ({ a, b }) => ({
  content: [{ type: 'text', text: String(a + b) }],
}));
server.registerTool('fail', { description: 'Always reports an error.' }, async () => ({
  content: [{ type: 'text', text: 'this tool failed on purpose' }],
  isError: true,
}));
server.registerTool('grow', { description: 'Adds a tool named "late" (the tool list changes).' }, async () => {
  server.registerTool('late', { description: 'Added while running.' }, async () => ({ content: [{ type: 'text', text: 'late' }] }));
  return { content: [{ type: 'text', text: 'grown' }] };
});
server.registerTool('crash', { description: 'Writes to stderr and exits.', inputSchema: { code: z.number() } }, async ({ code }) => {
  for (let i = 1; i <= 30; i++) process.stderr.write(`crash line ${i}\n`);
  process.exit(code);
});

await server.connect(new StdioServerTransport());
