/**
 * `agentgate mcp list|approve|revoke` end to end, in-process through mcpCommand (the function
 * the CLI's command table runs), against real files in a temporary home and workspace; then the
 * approved server really starts (and an edited one does not).
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { mcpCommand } from '../../../src/cli/mcp';
import { startMcpForRun } from '../../../src/core/mcp/startForRun';
import { loadSettings } from '../../../src/core/settings';
import { FileTrustStore } from '../../../src/core/trust/trustStore';
import { starts, stdioServer, STDIO_SERVER } from '../../support/mcpServers';

interface Sandbox {
  root: string;
  home: string;
  cwd: string;
}

async function run(box: Sandbox, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), env: { HOME: box.home, PATH: process.env.PATH } };
  const code = await mcpCommand([...args, '--cwd', box.cwd], io, box.home);
  return { code, stdout, stderr };
}

describe('agentgate mcp', () => {
  let box: Sandbox;
  let marker: string;
  beforeEach(async () => {
    const root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'agentgate-mcp-cli-')));
    box = { root, home: path.join(root, 'home'), cwd: path.join(root, 'repo') };
    await mkdir(box.home, { recursive: true });
    await mkdir(box.cwd, { recursive: true });
    marker = path.join(root, 'marker');
  });
  afterEach(() => rm(box.root, { recursive: true, force: true }));

  const writeMcpJson = (servers: object) => writeFile(path.join(box.cwd, '.mcp.json'), JSON.stringify({ mcpServers: servers }));

  it('list shows each server with scope, state, reason and the full command line or URL', async () => {
    await writeMcpJson({ repo: stdioServer(['--marker', marker, 'two words']) });
    await writeFile(path.join(box.home, '.claude.json'), JSON.stringify({ mcpServers: { web: { type: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer ${TOKEN}' } } } }));
    const { code, stdout } = await run(box, 'list');
    assert.equal(code, 0);
    assert.match(stdout, /not trusted/);
    assert.match(stdout, /repo {2}\[project \(\.mcp\.json\)\] {2}untrusted workspace/);
    assert.ok(stdout.includes(`runs: ${process.execPath} ${STDIO_SERVER} --marker ${marker} 'two words'`), stdout);
    assert.match(stdout, /web {2}\[user \(~\/\.claude\.json\)\] {2}ready\n {4}connects \(http\) to: https:\/\/mcp\.example\.com\/mcp/);
    const json = JSON.parse((await run(box, 'list', '--json')).stdout) as { name: string; state: string; args?: string[]; url?: string }[];
    assert.deepEqual(json.map((s) => [s.name, s.state]), [['web', 'ready'], ['repo', 'untrustedWorkspace']]);
    assert.deepEqual(json.find((s) => s.name === 'repo')!.args, [STDIO_SERVER, '--marker', marker, 'two words']);
    assert.ok(!JSON.stringify(json).includes('Bearer'), 'header values are not printed');
  });

  it('approve shows what is approved and pins it; the server then starts, an edited one does not, revoke takes it back', async () => {
    await new FileTrustStore(path.join(box.home, '.agentgate', 'trust.json')).setTrusted(box.cwd, true);
    const definition = stdioServer(['--marker', marker], { env: { API_KEY: '${MY_KEY}' } });
    await writeMcpJson({ repo: definition });
    assert.match((await run(box, 'list')).stdout, /repo .* awaiting approval\n.*\n {4}New in \.mcp\.json.*\n {4}To approve it: agentgate mcp approve repo/);

    const approved = await run(box, 'approve', 'repo');
    assert.equal(approved.code, 0, approved.stderr);
    assert.ok(approved.stdout.includes(`Runs: ${process.execPath} ${STDIO_SERVER} --marker ${marker}`));
    assert.ok(approved.stdout.includes(`Arguments: ${JSON.stringify([STDIO_SERVER, '--marker', marker])}`));
    assert.match(approved.stdout, /Environment variables set: API_KEY \(from \$\{MY_KEY\}\)/);
    assert.match(approved.stdout, /Reads from your environment: \$\{MY_KEY\}/);
    assert.match(approved.stdout, /Pinned to SHA-256 [0-9a-f]{64}/);
    assert.match(approved.stdout, /it starts the next time the agent runs here/);
    const stored = JSON.parse(await readFile(path.join(box.home, '.agentgate', 'mcp-approvals.json'), 'utf8')) as { workspaces: Record<string, { servers: Record<string, { sha256: string }> }> };
    assert.match(stored.workspaces[box.cwd]!.servers.repo!.sha256, /^[0-9a-f]{64}$/);
    assert.match((await run(box, 'list')).stdout, /repo .* ready/);

    const settings = await loadSettings({ cwd: box.cwd, home: box.home, trusted: true });
    const env = { PATH: process.env.PATH, MY_KEY: 'k' };
    const first = await startMcpForRun({ cwd: box.cwd, home: box.home, settings, trusted: true, mcpConfigFiles: [], env });
    assert.equal(first.report[0]!.state, 'running', first.report[0]!.reason);
    await first.dispose();
    assert.equal(starts(marker).length, 1);

    await writeMcpJson({ repo: { ...definition, args: [...definition.args, '--name', 'edited'] } });
    assert.match((await run(box, 'list')).stdout, /repo .* awaiting approval\n.*\n {4}The definition in \.mcp\.json changed/);
    const second = await startMcpForRun({ cwd: box.cwd, home: box.home, settings, trusted: true, mcpConfigFiles: [], env });
    assert.equal(second.report[0]!.state, 'awaitingApproval');
    await second.dispose();
    assert.equal(starts(marker).length, 1, 'the edited definition did not start');

    const revoked = await run(box, 'revoke', 'repo');
    assert.equal(revoked.code, 0);
    assert.match(revoked.stdout, /Revoked the approval of "repo"/);
    assert.equal((await run(box, 'revoke', 'repo')).code, 1);
  });

  it('approve --all approves every .mcp.json server and says why one cannot start yet', async () => {
    await writeMcpJson({ a: stdioServer(['--name', 'a']), b: { type: 'sse', url: 'https://mcp.example.com/sse' } });
    const { code, stdout } = await run(box, 'approve', '--all');
    assert.equal(code, 0);
    assert.match(stdout, /Approving MCP server "a"/);
    assert.match(stdout, /Approving MCP server "b".*\n {2}Connects to \(SSE\): https:\/\/mcp\.example\.com\/sse/);
    assert.match(stdout, /Approved "a", but it will not start yet: This folder is not trusted/);
  });

  it('refuses unknown servers, the person\'s own servers, and bad command lines', async () => {
    await writeMcpJson({ a: stdioServer() });
    await writeFile(path.join(box.home, '.claude.json'), JSON.stringify({ mcpServers: { mine: { command: 'x' } } }));
    await assert.rejects(run(box, 'approve', 'nope'), /no server "nope" in this folder's \.mcp\.json \(servers there: a\)/);
    await assert.rejects(run(box, 'approve', 'mine'), /your own server .* needs no approval/);
    await assert.rejects(run(box, 'approve'), /name a server/);
    await assert.rejects(run(box, 'approve', 'a', '--all'), /not both/);
    await assert.rejects(run(box, 'frobnicate'), /unknown subcommand/);
  });
});
