import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../../src/cli/io';
import { parseRunArgs } from '../../../src/cli/runArgs';
import { resultJson } from '../../../src/cli/runOutput';
import type { RunResult } from '../../../src/core/agent/loop';
import { emptyUsage } from '../../../src/core/agent/usage';

describe('agentgate run: arguments', () => {
  it('takes every word after --allowedTools up to the next option, like Claude Code', () => {
    const args = parseRunArgs(['-p', 'go', '--allowedTools', 'Bash(npm test:*)', 'Read', '--model', 'opus', '--disallowedTools', 'Bash(rm:*),WebFetch']);
    assert.deepEqual(args.allowedTools, ['Bash(npm test:*)', 'Read']);
    assert.deepEqual(args.disallowedTools, ['Bash(rm:*)', 'WebFetch']);
    assert.equal(args.model, 'opus');
  });

  it('splits one quoted list and accepts the flag repeated', () => {
    const args = parseRunArgs(['-p', 'go', '--allowedTools', 'Bash(git log:*) Edit', '--allowed-tools', 'Glob']);
    assert.deepEqual(args.allowedTools, ['Bash(git log:*)', 'Edit', 'Glob']);
  });

  it('reads every option and defaults to text output', () => {
    assert.deepEqual(parseRunArgs(['--print', 'hi']), { prompt: 'hi', allowedTools: [], disallowedTools: [], settingsFiles: [], mcpConfigFiles: [], outputFormat: 'text' });
    const all = parseRunArgs(['-p', '-', '--cwd', '/w', '--permission-mode', 'plan', '--max-turns', '7', '--output-format', 'stream-json', '--resume', 'abc', '--settings', 'a.json', '--mcp-config', 'm.json', '--mcp-config', 'n.json']);
    assert.deepEqual(all, {
      prompt: '-',
      cwd: '/w',
      permissionMode: 'plan',
      maxTurns: 7,
      outputFormat: 'stream-json',
      resume: 'abc',
      settingsFiles: ['a.json'],
      mcpConfigFiles: ['m.json', 'n.json'],
      allowedTools: [],
      disallowedTools: [],
    });
  });

  it('rejects what it cannot use with a usage error that says what to do', () => {
    const cases: [string[], RegExp][] = [
      [[], /prompt is missing/],
      [['-p', '   '], /prompt is missing/],
      [['-p', 'x', '--max-turns', '1.5'], /--max-turns must be a whole number/],
      [['-p', 'x', '--output-format', 'xml'], /text, json, stream-json/],
      [['-p', 'x', '--permission-mode', 'auto'], /default, acceptEdits, plan, bypassPermissions/],
      [['-p', 'x', '--frobnicate'], /frobnicate/],
      [['-p', 'x', 'stray'], /unexpected argument 'stray'/],
    ];
    for (const [argv, message] of cases) assert.throws(() => parseRunArgs(argv), (error: unknown) => error instanceof UsageError && message.test(error.message), argv.join(' '));
  });
});

describe('agentgate run: result object', () => {
  const base: RunResult = {
    sessionId: 's',
    reason: 'done',
    finalText: 'ok',
    turns: 3,
    usage: { ...emptyUsage(), input_tokens: 10, output_tokens: 4, cache_read_input_tokens: 100 },
    costUsd: 0.5,
    denials: [{ toolName: 'Bash', toolUseId: 't1', toolInput: { command: 'rm x' }, by: 'rule', message: 'denied' }],
  };

  it('has Claude Code shape on success', () => {
    assert.deepEqual(resultJson(base, 1234), {
      type: 'result',
      subtype: 'success',
      is_error: false,
      result: 'ok',
      num_turns: 3,
      session_id: 's',
      total_cost_usd: 0.5,
      usage: { input_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 100, output_tokens: 4 },
      permission_denials: [{ tool_name: 'Bash', tool_use_id: 't1', tool_input: { command: 'rm x' } }],
      duration_ms: 1234,
    });
  });

  it('marks the turn limit, failures and cancellation as errors, and an unknown price as null', () => {
    assert.equal(resultJson({ ...base, reason: 'maxTurns' }, 1).subtype, 'error_max_turns');
    const failed = resultJson({ ...base, reason: 'error', error: new Error('boom'), costUsd: null }, 1);
    assert.deepEqual([failed.subtype, failed.is_error, failed.error, failed.total_cost_usd], ['error_during_execution', true, 'boom', null]);
    assert.equal(resultJson({ ...base, reason: 'cancelled' }, 1).error, 'The session was cancelled.');
  });
});
