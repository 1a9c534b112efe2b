/**
 * `agentgate run` with MCP servers: servers the person configured (--mcp-config) start and their
 * tools reach the model; a repository's .mcp.json server never starts without approval.
 * Real stdio MCP servers, the real loop, and a scripted Anthropic wire server.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCommand } from '../../../src/cli/run';
import { reply, say, toolUse } from '../../support/modelServers/script';
import { startModelServer, type ModelServer } from '../../support/modelServers';
import { starts, stdioServer } from '../../support/mcpServers';

const servers: ModelServer[] = [];
const roots: string[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function sandbox() {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'agentgate-run-mcp-')));
  roots.push(root);
  const home = path.join(root, 'home');
  const workspace = path.join(root, 'workspace');
  mkdirSync(home, { recursive: true });
  mkdirSync(workspace, { recursive: true });
  return { root, home, workspace };
}

async function run(args: string[], box: { home: string; workspace: string }, env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCommand(['--cwd', box.workspace, '--output-format', 'json', ...args], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { HOME: box.home, PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
  });
  return { code, stdout, stderr };
}

function toolResults(body: Record<string, unknown> | undefined): string[] {
  const messages = (body?.messages ?? []) as { content: unknown }[];
  return messages.flatMap((m) =>
    Array.isArray(m.content)
      ? (m.content as { type: string; content?: unknown }[]).filter((b) => b.type === 'tool_result').map((b) => JSON.stringify(b.content))
      : [],
  );
}

describe('agentgate run with MCP servers', () => {
  it('starts a --mcp-config server, offers its tools, and sends the tool result to the model', async () => {
    const box = sandbox();
    const marker = path.join(box.root, 'started');
    const config = path.join(box.root, 'mcp.json');
    writeFileSync(config, JSON.stringify({ mcpServers: { helper: stdioServer(['--marker', marker]) } }));
    const server = await startModelServer('anthropic', [reply(toolUse('mcp__helper__echo', { text: 'ping' }, 'toolu_mcp_1')), say('The server said ping.')]);
    servers.push(server);
    const result = await run(['-p', 'Echo ping', '--mcp-config', config, '--allowedTools', 'mcp__helper'], box, server.env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(starts(marker).length, 1);
    const offered = ((server.requests[0]?.body?.tools ?? []) as { name: string }[]).map((t) => t.name);
    assert.ok(offered.includes('mcp__helper__echo'), offered.join(', '));
    assert.ok(toolResults(server.requests[1]?.body).some((text) => text.includes('echo: ping')));
  });

  it('attack: a repository .mcp.json server does not start in a run when it was never approved, even in a trusted folder', async () => {
    const box = sandbox();
    const marker = path.join(box.root, 'repo-server-started');
    writeFileSync(path.join(box.workspace, '.mcp.json'), JSON.stringify({ mcpServers: { repo: stdioServer(['--marker', marker]) } }));
    mkdirSync(path.join(box.home, '.agentgate'), { recursive: true });
    writeFileSync(
      path.join(box.home, '.agentgate', 'trust.json'),
      JSON.stringify({ version: 1, folders: { [box.workspace]: { trusted: true, decidedAt: new Date().toISOString() } } }),
    );
    const server = await startModelServer('anthropic', [say('Done.')]);
    servers.push(server);
    const result = await run(['-p', 'Hello'], box, server.env);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(starts(marker), []);
    assert.match(result.stderr, /MCP server "repo".*awaiting/i);
    const offered = ((server.requests[0]?.body?.tools ?? []) as { name: string }[]).map((t) => t.name);
    assert.ok(!offered.some((name) => name.startsWith('mcp__repo')));
  });
});
