import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { BASH_MAX_OUTPUT_CHARS, bashTool } from '../../../../src/core/tools/bash';
import type { ProcessRunner } from '../../../../src/core/tools/types';
import { call, makeContext, tempDir, type TestContext } from './toolTestContext';

describe('Bash', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ctx: TestContext;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    ctx = makeContext(dir);
  });
  afterEach(() => cleanup());

  it('runs in the working directory and returns the output', async () => {
    const result = await call(bashTool, { command: 'pwd && echo hello', description: 'Print directory' }, ctx);
    assert.equal(result.isError, false);
    assert.equal(result.content, `${dir}\nhello`);
  });

  it('includes stderr and a non-zero exit code', async () => {
    const result = await call(bashTool, { command: 'echo out; echo err >&2; exit 4' }, ctx);
    assert.equal(result.isError, true);
    assert.equal(result.content, 'out\nerr\nExit code 4');
  });

  it('says when there was no output', async () => {
    assert.equal((await call(bashTool, { command: 'true' }, ctx)).content, '(no output)');
  });

  it('shortens long output in the middle and says so', async () => {
    const result = await call(bashTool, { command: 'seq 1 40000' }, ctx);
    assert.ok(result.content.length < BASH_MAX_OUTPUT_CHARS + 500);
    assert.ok(result.content.startsWith('1\n2\n3\n'));
    assert.match(result.content, /characters omitted/);
    assert.match(result.content, /40000\n\(Output was too long/);
  });

  it('stops a command at its timeout and tells the model', async () => {
    const result = await call(bashTool, { command: 'echo begun; sleep 30', timeout: 500 }, ctx);
    assert.equal(result.isError, true);
    assert.match(result.content, /^begun\nCommand timed out after 0\.5 s/);
  });

  it('uses a default timeout of 120 s and passes the cancellation signal', async () => {
    const seen: Parameters<ProcessRunner['run']>[1][] = [];
    const processes: ProcessRunner = {
      run: (_command, options) => {
        seen.push(options);
        return Promise.resolve({ exitCode: 0, signal: null, stdout: 'ok', stderr: '', timedOut: false, truncated: false });
      },
    };
    await call(bashTool, { command: 'x' }, { ...ctx, processes });
    assert.equal(seen[0]?.timeoutMs, 120_000);
    assert.equal(seen[0]?.signal, ctx.signal);
    assert.equal(seen[0]?.cwd, dir);
  });

  it('rejects a timeout above 600000 ms and an empty command', async () => {
    const long = await call(bashTool, { command: 'true', timeout: 600_001 }, ctx);
    assert.equal(long.isError, true);
    assert.match(long.content, /timeout/);
    const empty = await call(bashTool, { command: '' }, ctx);
    assert.equal(empty.isError, true);
    assert.match(empty.content, /command/);
  });

  it('rethrows cancellation instead of reporting it as the model\'s error', async () => {
    const running = call(bashTool, { command: 'sleep 30' }, ctx);
    setImmediate(() => ctx.controller.abort());
    await assert.rejects(running, { name: 'AbortError' });
  });
});
