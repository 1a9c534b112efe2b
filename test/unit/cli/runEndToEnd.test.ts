/**
 * `agentgate run` end to end: the real settings, trust store, permission engine, tools and
 * providers, talking to local servers that speak each provider's wire protocol. Runs in-process
 * through runCommand (the same code the built dist/cli.js runs), with a temporary home and
 * workspace and only the environment given here.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from '../../../src/cli/run';
import { projectDirName } from '../../../src/core/agent/transcript';
import { fault, reply, say, toolUse } from '../../support/modelServers/script';
import { startModelServer, type ModelServer, type ModelServerKind } from '../../support/modelServers';

interface Sandbox {
  home: string;
  workspace: string;
  cleanup(): void;
}

function makeSandbox(files: Record<string, string> = {}): Sandbox {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'agentgate-run-')));
  const home = path.join(root, 'home');
  const workspace = path.join(root, 'workspace');
  mkdirSync(home, { recursive: true });
  mkdirSync(workspace, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    writeFileSync(path.join(workspace, name), content);
  }
  return { home, workspace, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

interface RunOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `agentgate run ARGS` in-process with only the given environment (plus HOME and PATH). */
async function runAgentgate(args: string[], sandbox: Sandbox, env: Record<string, string>): Promise<RunOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await runCommand(['--cwd', sandbox.workspace, ...args], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: { HOME: sandbox.home, PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
  });
  return { code, stdout, stderr };
}

/** The records of the session's transcript. */
function transcriptRecords(sandbox: Sandbox, sessionId: string): Record<string, unknown>[] {
  const file = path.join(sandbox.home, '.agentgate', 'projects', projectDirName(sandbox.workspace), `${sessionId}.jsonl`);
  return readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function transcriptFiles(sandbox: Sandbox): string[] {
  return readdirSync(path.join(sandbox.home, '.agentgate', 'projects', projectDirName(sandbox.workspace)));
}

/** The text of every tool_result block in a recorded request body. */
function toolResultTexts(body: Record<string, unknown> | undefined): string[] {
  const messages = (body?.messages ?? []) as { role: string; content: unknown }[];
  return messages.flatMap((message) =>
    Array.isArray(message.content)
      ? (message.content as { type: string; content?: unknown }[])
          .filter((block) => block.type === 'tool_result')
          .map((block) => (typeof block.content === 'string' ? block.content : JSON.stringify(block.content)))
      : [],
  );
}

function eventTypes(records: Record<string, unknown>[]): string[] {
  return records.map((record) => (record.type === 'event' ? (record.event as { type: string }).type : String(record.type)));
}

const NOTE = 'The secret ingredient is saffron.\n';
const servers: ModelServer[] = [];
const sandboxes: Sandbox[] = [];
after(async () => {
  await Promise.all(servers.map((server) => server.close()));
  sandboxes.forEach((sandbox) => sandbox.cleanup());
});

async function setUp(kind: ModelServerKind, script: Parameters<typeof startModelServer>[1]) {
  const server = await startModelServer(kind, script);
  servers.push(server);
  const sandbox = makeSandbox({ 'notes.txt': NOTE });
  sandboxes.push(sandbox);
  return { server, sandbox };
}

interface ResultJson {
  type: string;
  subtype: string;
  is_error: boolean;
  result: string;
  num_turns: number;
  session_id: string;
  total_cost_usd: number | null;
  usage: Record<string, number>;
  permission_denials: { tool_name: string; tool_use_id: string; tool_input: Record<string, unknown> }[];
  duration_ms: number;
}

for (const kind of ['anthropic', 'bedrock', 'vertex'] as const) {
  describe(`agentgate run through ${kind}`, () => {
    it('reads a file the model asks for, sends it back, prints the json result and keeps a transcript', async () => {
      let notes = '';
      const { server, sandbox } = await setUp(kind, [
        () => reply('Let me read it.', toolUse('Read', { file_path: notes }, 'toolu_read_1')),
        say('The note says the secret ingredient is saffron.'),
      ]);
      notes = `${sandbox.workspace}/notes.txt`;
      const run = await runAgentgate(['-p', 'What does notes.txt say?', '--output-format', 'json'], sandbox, server.env);
      assert.equal(run.code, 0, run.stderr);
      const result = JSON.parse(run.stdout) as ResultJson;
      assert.equal(result.type, 'result');
      assert.equal(result.subtype, 'success');
      assert.equal(result.is_error, false);
      assert.equal(result.result, 'The note says the secret ingredient is saffron.');
      assert.equal(result.num_turns, 2);
      assert.match(result.session_id, /^[0-9a-f-]{36}$/);
      assert.equal(typeof result.total_cost_usd, 'number');
      assert.ok(result.usage.input_tokens > 0 && result.usage.output_tokens > 0);
      assert.deepEqual(result.permission_denials, []);
      assert.equal(typeof result.duration_ms, 'number');

      assert.equal(server.requests.length, 2);
      const [sent] = toolResultTexts(server.requests[1]!.body);
      assert.match(sent ?? '', /The secret ingredient is saffron\./);

      const records = transcriptRecords(sandbox, result.session_id);
      assert.deepEqual(eventTypes(records), [
        'session/start', 'prompt', 'assistant', 'tool/decision', 'tool/start', 'tool/result', 'turn/end', 'assistant', 'turn/end', 'session/end',
      ]);
      assert.ok(!JSON.stringify(records).includes('sk-ant-test-key'));
    });
  });
}

describe('agentgate run: headless refusals, broken streams, output formats, resume', () => {
  it('refuses an action that needs approval and lists it in permission_denials', async () => {
    const { server, sandbox } = await setUp('anthropic', [
      reply(toolUse('Write', { file_path: '/etc/agentgate-test.txt', content: 'x' }, 'toolu_write_1')),
      say('I could not write the file.'),
    ]);
    const run = await runAgentgate(['-p', 'write a file', '--output-format', 'json'], sandbox, server.env);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as ResultJson;
    assert.deepEqual(result.permission_denials, [
      { tool_name: 'Write', tool_use_id: 'toolu_write_1', tool_input: { file_path: '/etc/agentgate-test.txt', content: 'x' } },
    ]);
    const [sent] = toolResultTexts(server.requests[1]!.body);
    assert.match(sent ?? '', /nobody can approve it in a non-interactive run/);
  });

  it('runs a command allowed with --allowedTools, and refuses the same command without it', async () => {
    const touch = () => reply(toolUse('Bash', { command: 'touch made.txt' }, 'toolu_bash_1'));
    const { server, sandbox } = await setUp('anthropic', [touch, say('Refused.'), touch, say('Made it.')]);
    const refused = await runAgentgate(['-p', 'make the file', '--output-format', 'json'], sandbox, server.env);
    assert.equal((JSON.parse(refused.stdout) as ResultJson).permission_denials[0]?.tool_name, 'Bash');
    assert.ok(!existsSync(`${sandbox.workspace}/made.txt`));
    const allowed = await runAgentgate(['-p', 'make the file', '--allowedTools', 'Bash(touch:*)', '--output-format', 'json'], sandbox, server.env);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.deepEqual((JSON.parse(allowed.stdout) as ResultJson).permission_denials, []);
    assert.ok(existsSync(`${sandbox.workspace}/made.txt`));
  });

  it('survives a stream that breaks mid-way: the turn is requested again and the tool runs once', async () => {
    let notes = '';
    const read = () => reply(toolUse('Read', { file_path: notes }, 'toolu_read_1'));
    const { server, sandbox } = await setUp('anthropic', [
      () => fault.errorMidStream(5, read()),
      read,
      say('Saffron.'),
    ]);
    notes = `${sandbox.workspace}/notes.txt`;
    const run = await runAgentgate(['-p', 'read it', '--output-format', 'stream-json'], sandbox, server.env);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; subtype?: string; session_id: string });
    assert.equal(lines[0]!.type, 'system');
    assert.equal(lines[0]!.subtype, 'init');
    assert.equal(lines.at(-1)!.type, 'result');
    assert.deepEqual(lines.map((line) => line.type), ['system', 'assistant', 'user', 'assistant', 'result']);
    assert.equal(server.requests.length, 3);
    const records = transcriptRecords(sandbox, lines[0]!.session_id);
    assert.equal(eventTypes(records).filter((type) => type === 'tool/start').length, 1);
    assert.equal(eventTypes(records).filter((type) => type === 'model/retry').length, 1);
    assert.equal(toolResultTexts(server.requests[2]!.body).length, 1);
  });

  it('prints only the answer in text format, and resumes the session by id', async () => {
    const { server, sandbox } = await setUp('anthropic', [say('First answer.'), say('Second answer.')]);
    const first = await runAgentgate(['-p', 'one', '--output-format', 'json'], sandbox, server.env);
    const { session_id: id } = JSON.parse(first.stdout) as ResultJson;
    const second = await runAgentgate(['-p', 'two', '--resume', id], sandbox, server.env);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(second.stdout, 'Second answer.\n');
    const messages = server.requests[1]!.body!.messages as { role: string }[];
    assert.deepEqual(messages.map((m) => m.role), ['user', 'assistant', 'user']);
    assert.deepEqual(transcriptFiles(sandbox), [`${id}.jsonl`]);
  });

  it('stops at --max-turns with error_max_turns and a non-zero exit', async () => {
    let notes = '';
    const { server, sandbox } = await setUp('anthropic', [() => reply(toolUse('Read', { file_path: notes }))]);
    notes = `${sandbox.workspace}/notes.txt`;
    const run = await runAgentgate(['-p', 'loop', '--max-turns', '1', '--output-format', 'json'], sandbox, server.env);
    assert.equal(run.code, 1);
    const result = JSON.parse(run.stdout) as ResultJson;
    assert.equal(result.subtype, 'error_max_turns');
    assert.equal(result.is_error, true);
    assert.match(run.stderr, /turn limit/);
  });

  it('fails with exit 1 and a message when the provider refuses the key', async () => {
    const { server, sandbox } = await setUp('anthropic', [fault.unauthorized()]);
    const run = await runAgentgate(['-p', 'hi', '--output-format', 'json'], sandbox, server.env);
    assert.equal(run.code, 1);
    assert.equal((JSON.parse(run.stdout) as ResultJson).subtype, 'error_during_execution');
    assert.match(run.stderr, /agentgate run: /);
    assert.ok(!run.stderr.includes('sk-ant-test-key'));
  });

  it('answers usage mistakes with exit 2 and a hint', async () => {
    const sandbox = makeSandbox();
    sandboxes.push(sandbox);
    for (const args of [[], ['-p', 'x', '--output-format', 'yaml'], ['-p', 'x', '--max-turns', '0'], ['-p', 'x', '--permission-mode', 'yolo'], ['-p', 'x', 'extra'], ['-p', 'x', '--allowedTools', 'Bash(']]) {
      const run = await runAgentgate(args, sandbox, {});
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /agentgate help run/);
      assert.equal(run.stdout, '');
    }
  });
});

describe('agentgate run: the built command', () => {
  it('runs as dist/cli.js in its own process and prints the json result', async () => {
    const cli = path.resolve(__dirname, '../../../dist/cli.js');
    assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
    const { server, sandbox } = await setUp('anthropic', [say('Hello from the scripted model.')]);
    const child = spawn(cli, ['run', '--cwd', sandbox.workspace, '-p', 'Say hello', '--output-format', 'json'], {
      env: { HOME: sandbox.home, PATH: process.env.PATH ?? '/usr/bin:/bin', ...server.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    assert.equal(code, 0, stderr);
    const result = JSON.parse(stdout) as ResultJson;
    assert.equal(result.subtype, 'success');
    assert.equal(result.result, 'Hello from the scripted model.');
    assert.equal(server.requests.length, 1);
  });
});
