import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { formatDiagnostic, validateMcpJson, validateSettingsFile } from '../../../../src/core/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'agentgate-validate-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, text: string): Promise<string> {
  const full = path.join(dir, name);
  await writeFile(full, text);
  return full;
}

describe('validateSettingsFile', () => {
  it('a valid file has no diagnostics', async () => {
    assert.deepEqual(await validateSettingsFile(await file('s.json', '{"permissions": {"allow": ["Edit"]}}'), 'project'), []);
  });

  it('prints as file:line:column: message, relative to a folder', async () => {
    const f = await file('settings.json', '{\n  "permissions": {\n    "allow": "Bash(npm test)"\n  }\n}');
    const [d] = await validateSettingsFile(f, 'project');
    assert.equal(
      formatDiagnostic(d, dir),
      'settings.json:3:14: "permissions.allow" must be a list of rule strings like "Bash(npm test)", but it is the string "Bash(npm test)". Wrap it in [ ].',
    );
  });

  it('a file named on the command line that does not exist is an error', async () => {
    const [d] = await validateSettingsFile(path.join(dir, 'nope.json'), 'user');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /does not exist/);
  });

  it('the level decides what is reported (allowedMcpServers outside managed)', async () => {
    const f = await file('s.json', '{"allowedMcpServers": [{"serverName": "x"}]}');
    assert.equal((await validateSettingsFile(f, 'user')).length, 1);
    assert.equal((await validateSettingsFile(f, 'managed')).length, 0);
  });
});

describe('validateMcpJson', () => {
  it('accepts stdio and remote servers', async () => {
    const f = await file('.mcp.json', JSON.stringify({
      mcpServers: {
        github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'], env: { TOKEN: 'x' } },
        docs: { type: 'http', url: 'https://docs.example.com/mcp', headers: { Authorization: 'Bearer x' } },
        events: { type: 'sse', url: 'https://events.example.com/sse' },
      },
    }));
    assert.deepEqual(await validateMcpJson(f), []);
  });

  it('a stdio server without a command: pointed at the server name', async () => {
    const f = await file('.mcp.json', '{\n  "mcpServers": {\n    "github": { "args": ["x"] }\n  }\n}');
    const [d, ...rest] = await validateMcpJson(f);
    assert.equal(rest.length, 0);
    assert.deepEqual(d.position, { line: 3, column: 5 });
    assert.match(d.message, /^This server has no "command"\. Add "command"/);
  });

  it('an http server without a url', async () => {
    const [d] = await validateMcpJson(await file('.mcp.json', '{"mcpServers": {"docs": {"type": "http"}}}'));
    assert.match(d.message, /"type": "http" but no "url"/);
  });

  it('wrong types name the key and the fix', async () => {
    const diagnostics = await validateMcpJson(await file('.mcp.json', '{"mcpServers": {"a": {"command": "npx", "args": "-y server", "env": {"PORT": 1}, "type": "websocket"}}}'));
    const messages = diagnostics.map((d) => d.message);
    assert.ok(messages.some((m) => /^"mcpServers.a.args" must be a list of argument strings.*Wrap it in \[ \]\.$/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^"mcpServers.a.env.PORT" must be a string, but it is the number 1\. Put it in double quotes\.$/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^"mcpServers.a.type" must be one of "stdio", "http", "sse"/.test(m)), messages.join('\n'));
  });

  it('a missing mcpServers key, bad JSON and unknown keys are reported', async () => {
    const [missing] = await validateMcpJson(await file('a.json', '{"servers": {}}'));
    assert.match(missing.message, /^"mcpServers" is missing: it must be an object of servers by name/);
    const [bad] = await validateMcpJson(await file('b.json', '{"mcpServers": {,}}'));
    assert.match(bad.message, /^The file is not valid JSON/);
    const unknown = await validateMcpJson(await file('c.json', '{"mcpServers": {"a": {"command": "x", "timeout": 5}}}'));
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].severity, 'warning');
    assert.match(unknown[0].message, /^Unknown key "timeout" in server "a" at line 1, column 39/);
  });
});
