import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { NodeProcessRunner } from '../../../../src/core/tools/nodeProcessRunner';
import { isRunning, tempDir, waitFor } from './toolTestContext';

describe('NodeProcessRunner', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const runner = new NodeProcessRunner({ killGraceMs: 300 });
  beforeEach(async () => ({ dir, cleanup } = await tempDir('agentgate-proc-')));
  afterEach(() => cleanup());

  const options = (extra: Partial<Parameters<NodeProcessRunner['run']>[1]> = {}) => ({
    cwd: dir,
    timeoutMs: 60_000,
    maxOutputBytes: 100_000,
    signal: new AbortController().signal,
    ...extra,
  });

  async function pids(file: string, count: number): Promise<number[]> {
    let found: number[] = [];
    await waitFor(async () => {
      const text = await readFile(file, 'utf8').catch(() => '');
      found = text.split('\n').filter(Boolean).map(Number);
      return found.length >= count;
    }, `${count} pids in ${file}`);
    return found;
  }

  // Two background sleeps, one of them in a nested shell: grandchildren and great-grandchildren.
  const tree = (pidFile: string, prefix = ''): string =>
    `${prefix}sleep 1000 & echo $! >> ${pidFile}; sh -c 'sleep 1000 & echo $! >> ${pidFile}; wait' & wait`;

  it('returns stdout, stderr and the exit code, in the working directory', async () => {
    const result = await runner.run('pwd; echo oops >&2; exit 3', options());
    assert.equal(result.exitCode, 3);
    assert.equal(result.stdout, `${dir}\n`);
    assert.equal(result.stderr, 'oops\n');
    assert.equal(result.timedOut, false);
    assert.equal(result.truncated, false);
  });

  it('reports a command killed by a signal', async () => {
    const result = await runner.run('kill -9 $$', options());
    assert.equal(result.exitCode, null);
    assert.equal(result.signal, 'SIGKILL');
  });

  it('passes the environment it is given and closes stdin', async () => {
    const result = await runner.run('cat; echo "$AGENTGATE_TEST"', options({ env: { PATH: process.env.PATH, AGENTGATE_TEST: 'value' } }));
    assert.equal(result.exitCode, 0);
    assert.equal(result.stdout, 'value\n');
  });

  it('keeps the start and the end of long output and marks the cut', async () => {
    const result = await runner.run("echo START; head -c 200000 /dev/zero | tr '\\0' x; echo; echo END", options({ maxOutputBytes: 1000 }));
    assert.equal(result.truncated, true);
    assert.ok(result.stdout.startsWith('START\nxxx'));
    assert.ok(result.stdout.endsWith('xxx\nEND\n'));
    assert.match(result.stdout, /\.\.\. \[\d+ bytes of output omitted\] \.\.\./);
    assert.ok(result.stdout.length < 1200);
  });

  it('on timeout stops the whole process tree', async () => {
    const pidFile = path.join(dir, 'pids');
    const result = await runner.run(tree(pidFile), options({ timeoutMs: 1500 }));
    assert.equal(result.timedOut, true);
    const started = await pids(pidFile, 2);
    for (const pid of started) await waitFor(() => !isRunning(pid), `process ${pid} to stop`);
    assert.ok(started.every((pid) => !isRunning(pid)));
  });

  it('escalates to SIGKILL when the tree ignores SIGTERM', async () => {
    const pidFile = path.join(dir, 'pids');
    const result = await runner.run(tree(pidFile, "trap '' TERM; "), options({ timeoutMs: 1500 }));
    assert.equal(result.timedOut, true);
    for (const pid of await pids(pidFile, 2)) await waitFor(() => !isRunning(pid), `process ${pid} to stop`);
  });

  it('on cancellation stops the whole tree and rejects with AbortError', async () => {
    const pidFile = path.join(dir, 'pids');
    const controller = new AbortController();
    const running = runner.run(tree(pidFile), options({ signal: controller.signal }));
    const started = await pids(pidFile, 2);
    assert.ok(started.every(isRunning));
    controller.abort();
    await assert.rejects(running, { name: 'AbortError' });
    for (const pid of started) await waitFor(() => !isRunning(pid), `process ${pid} to stop`);
  });

  it('stops background processes the command leaves behind', async () => {
    const pidFile = path.join(dir, 'pids');
    const result = await runner.run(`sleep 1000 & echo $! >> ${pidFile}; echo done`, options());
    assert.equal(result.exitCode, 0);
    assert.equal(result.stdout, 'done\n');
    for (const pid of await pids(pidFile, 1)) await waitFor(() => !isRunning(pid), `process ${pid} to stop`);
  });

  it('stops running commands on dispose', async () => {
    const pidFile = path.join(dir, 'pids');
    const own = new NodeProcessRunner({ killGraceMs: 300 });
    const running = own.run(tree(pidFile), options());
    const started = await pids(pidFile, 2);
    own.dispose();
    const result = await running;
    assert.equal(result.signal, 'SIGTERM');
    for (const pid of started) await waitFor(() => !isRunning(pid), `process ${pid} to stop`);
  });

  it('rejects at once when already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(runner.run('echo never', options({ signal: controller.signal })), { name: 'AbortError' });
  });
});
