import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { readTool } from '../../../../src/core/tools/read';
import { writeTool } from '../../../../src/core/tools/write';
import { call, makeContext, tempDir, type TestContext } from './toolTestContext';

describe('Write', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ctx: TestContext;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    ctx = makeContext(dir);
  });
  afterEach(() => cleanup());

  it('creates a new file and its missing folders', async () => {
    const file = path.join(dir, 'a', 'b', 'new.txt');
    const result = await call(writeTool, { file_path: file, content: 'one\ntwo\n' }, ctx);
    assert.equal(result.isError, undefined, result.content);
    assert.match(result.content, /Created .*new\.txt \(2 lines\)/);
    assert.equal(await readFile(file, 'utf8'), 'one\ntwo\n');
    assert.deepEqual(await readdir(path.dirname(file)), ['new.txt']);
  });

  it('refuses to overwrite an existing file that was not read', async () => {
    const file = path.join(dir, 'keep.txt');
    await writeFile(file, 'precious');
    const result = await call(writeTool, { file_path: file, content: 'gone' }, ctx);
    assert.equal(result.isError, true);
    assert.match(result.content, /has not been read/);
    assert.equal(await readFile(file, 'utf8'), 'precious');
  });

  it('overwrites a file read in this session, unless it changed since', async () => {
    const file = path.join(dir, 'f.txt');
    await writeFile(file, 'old\n');
    await call(readTool, { file_path: file }, ctx);
    const result = await call(writeTool, { file_path: file, content: 'new\n' }, ctx);
    assert.equal(result.isError, undefined, result.content);
    assert.match(result.content, /Updated[\s\S]*-old\n\+new/);
    assert.equal(await readFile(file, 'utf8'), 'new\n');

    await writeFile(file, 'someone else\n');
    const stale = await call(writeTool, { file_path: file, content: 'mine\n' }, ctx);
    assert.equal(stale.isError, true);
    assert.match(stale.content, /modified since/);
    assert.equal(await readFile(file, 'utf8'), 'someone else\n');
  });

  it('previews before and after', async () => {
    const fresh = path.join(dir, 'fresh.txt');
    assert.deepEqual(await writeTool.preview?.({ file_path: fresh, content: 'x' }, ctx), [{ path: fresh, before: null, after: 'x' }]);
    const existing = path.join(dir, 'existing.txt');
    await writeFile(existing, 'before');
    await assert.rejects(writeTool.preview!({ file_path: existing, content: 'after' }, ctx), /has not been read/);
    await call(readTool, { file_path: existing }, ctx);
    assert.deepEqual(await writeTool.preview?.({ file_path: existing, content: 'after' }, ctx), [{ path: existing, before: 'before', after: 'after' }]);
    assert.equal(await readFile(existing, 'utf8'), 'before');
  });

  it('requires an absolute path', async () => {
    const result = await call(writeTool, { file_path: 'rel.txt', content: 'x' }, ctx);
    assert.equal(result.isError, true);
    assert.match(result.content, /absolute path/);
    assert.deepEqual(await readdir(dir), []);
  });
});
