import assert from 'node:assert/strict';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { editTool } from '../../../../src/core/tools/edit';
import { readTool } from '../../../../src/core/tools/read';
import { call, makeContext, tempDir, type TestContext } from './toolTestContext';

describe('Edit', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ctx: TestContext;
  let file: string;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    ctx = makeContext(dir);
    file = path.join(dir, 'code.ts');
  });
  afterEach(() => cleanup());

  async function prepare(content: string | Buffer): Promise<void> {
    await writeFile(file, content);
    const read = await call(readTool, { file_path: file }, ctx);
    assert.notEqual(read.isError, true, read.content);
  }

  it('refuses a file that was not read in this session', async () => {
    await writeFile(file, 'const a = 1;\n');
    const result = await call(editTool, { file_path: file, old_string: 'a = 1', new_string: 'a = 2' }, ctx);
    assert.equal(result.isError, true);
    assert.match(result.content, /has not been read.*Read tool/);
    assert.equal(await readFile(file, 'utf8'), 'const a = 1;\n');
  });

  it('replaces a unique string, reports the change and allows a follow-up edit without a new read', async () => {
    await prepare('const a = 1;\nconst b = 2;\n');
    const result = await call(editTool, { file_path: file, old_string: 'a = 1', new_string: 'a = 10' }, ctx);
    assert.equal(result.isError, undefined, result.content);
    assert.equal(await readFile(file, 'utf8'), 'const a = 10;\nconst b = 2;\n');
    assert.match(result.content, /1 replacement/);
    assert.match(result.content, /-const a = 1;\n\+const a = 10;/);
    const again = await call(editTool, { file_path: file, old_string: 'b = 2', new_string: 'b = 20' }, ctx);
    assert.equal(again.isError, undefined, again.content);
    assert.equal(await readFile(file, 'utf8'), 'const a = 10;\nconst b = 20;\n');
  });

  it('requires old_string to be unique unless replace_all is set', async () => {
    await prepare('x();\nx();\n');
    const ambiguous = await call(editTool, { file_path: file, old_string: 'x()', new_string: 'y()' }, ctx);
    assert.equal(ambiguous.isError, true);
    assert.match(ambiguous.content, /matches 2 places.*replace_all/);
    assert.equal(await readFile(file, 'utf8'), 'x();\nx();\n');
    const all = await call(editTool, { file_path: file, old_string: 'x()', new_string: 'y()', replace_all: true }, ctx);
    assert.equal(all.isError, undefined, all.content);
    assert.match(all.content, /2 replacements/);
    assert.equal(await readFile(file, 'utf8'), 'y();\ny();\n');
  });

  it('rejects identical strings and strings that are not in the file', async () => {
    await prepare('hello\n');
    const same = await call(editTool, { file_path: file, old_string: 'hello', new_string: 'hello' }, ctx);
    assert.equal(same.isError, true);
    assert.match(same.content, /identical/);
    const missing = await call(editTool, { file_path: file, old_string: 'goodbye', new_string: 'x' }, ctx);
    assert.equal(missing.isError, true);
    assert.match(missing.content, /not found/);
    assert.equal(await readFile(file, 'utf8'), 'hello\n');
  });

  it('refuses a file changed since it was read (content or modification time)', async () => {
    await prepare('one\n');
    await writeFile(file, 'one\ntwo\n');
    const grown = await call(editTool, { file_path: file, old_string: 'one', new_string: 'uno' }, ctx);
    assert.equal(grown.isError, true);
    assert.match(grown.content, /modified since it was last read.*Read it again/);
    assert.equal(await readFile(file, 'utf8'), 'one\ntwo\n');

    await prepare('one\n');
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    const touched = await call(editTool, { file_path: file, old_string: 'one', new_string: 'uno' }, ctx);
    assert.equal(touched.isError, true);
    assert.match(touched.content, /modified since/);
  });

  it('keeps CRLF line endings when the model writes \\n', async () => {
    await prepare('first\r\nsecond\r\nthird\r\n');
    const result = await call(editTool, { file_path: file, old_string: 'first\nsecond', new_string: 'one\ntwo\nmore' }, ctx);
    assert.equal(result.isError, undefined, result.content);
    assert.equal(await readFile(file, 'utf8'), 'one\r\ntwo\r\nmore\r\nthird\r\n');
  });

  it('keeps a byte-order mark and inserts replacement text literally', async () => {
    await prepare('\uFEFFvalue = 1\n');
    const result = await call(editTool, { file_path: file, old_string: '1', new_string: "'$&' + $1" }, ctx);
    assert.equal(result.isError, undefined, result.content);
    assert.equal(await readFile(file, 'utf8'), "\uFEFFvalue = '$&' + $1\n");
  });

  it('previews the change without writing it', async () => {
    await prepare('a\nb\n');
    const changes = await editTool.preview?.({ file_path: file, old_string: 'b', new_string: 'c', replace_all: false }, ctx);
    assert.deepEqual(changes, [{ path: file, before: 'a\nb\n', after: 'a\nc\n' }]);
    assert.equal(await readFile(file, 'utf8'), 'a\nb\n');
    await assert.rejects(editTool.preview!({ file_path: file, old_string: 'zzz', new_string: 'c', replace_all: false }, ctx), /not found/);
  });

  it('creates a new file from an empty old_string, and refuses other edits of missing files', async () => {
    const created = path.join(dir, 'new', 'file.txt');
    const result = await call(editTool, { file_path: created, old_string: '', new_string: 'fresh\n' }, ctx);
    assert.equal(result.isError, undefined, result.content);
    assert.equal(await readFile(created, 'utf8'), 'fresh\n');
    const missing = await call(editTool, { file_path: path.join(dir, 'nope.txt'), old_string: 'a', new_string: 'b' }, ctx);
    assert.equal(missing.isError, true);
    assert.match(missing.content, /does not exist/);
  });

  it('refuses to edit a binary file', async () => {
    await prepare(Buffer.from([0x00, 0x61, 0x62]));
    const result = await call(editTool, { file_path: file, old_string: 'ab', new_string: 'cd' }, ctx);
    assert.equal(result.isError, true);
    assert.match(result.content, /cannot be edited as text/);
  });
});
