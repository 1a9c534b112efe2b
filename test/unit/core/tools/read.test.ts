import assert from 'node:assert/strict';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { READ_MAX_LINE_CHARS, READ_MAX_OUTPUT_CHARS, READ_MAX_WHOLE_FILE_BYTES, readTool } from '../../../../src/core/tools/read';
import { call, makeContext, tempDir, type TestContext } from './toolTestContext';

describe('Read', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ctx: TestContext;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    ctx = makeContext(dir);
  });
  afterEach(() => cleanup());

  const lines = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

  it('numbers lines like cat -n and records the read', async () => {
    const file = path.join(dir, 'a.txt');
    await writeFile(file, 'alpha\n\tbeta\n');
    const result = await call(readTool, { file_path: file }, ctx);
    assert.equal(result.isError, undefined);
    assert.equal(result.content, '     1\talpha\n     2\t\tbeta');
    const s = await stat(file);
    assert.deepEqual(ctx.reads.lastRead(file), { mtimeMs: s.mtimeMs, size: s.size });
  });

  it('reads a range with offset and limit and says where to continue', async () => {
    const file = path.join(dir, 'a.txt');
    await writeFile(file, lines(10));
    const result = await call(readTool, { file_path: file, offset: 4, limit: 3 }, ctx);
    const [first, second, third, , note] = result.content.split('\n');
    assert.equal(first, '     4\tline 4');
    assert.equal(second, '     5\tline 5');
    assert.equal(third, '     6\tline 6');
    assert.match(note ?? '', /lines 4-6 of 10.*offset 7/);
  });

  it('shows at most 2000 lines by default', async () => {
    const file = path.join(dir, 'long.txt');
    await writeFile(file, lines(2500));
    const result = await call(readTool, { file_path: file }, ctx);
    const numbered = result.content.split('\n').filter((line) => /^\s+\d+\t/.test(line));
    assert.equal(numbered.length, 2000);
    assert.equal(numbered.at(-1), '  2000\tline 2000');
    assert.match(result.content, /offset 2001/);
  });

  it('cuts very long lines', async () => {
    const file = path.join(dir, 'wide.txt');
    await writeFile(file, `${'x'.repeat(READ_MAX_LINE_CHARS + 500)}\nshort\n`);
    const result = await call(readTool, { file_path: file }, ctx);
    const [first, second] = result.content.split('\n');
    assert.ok(first?.startsWith(`     1\t${'x'.repeat(READ_MAX_LINE_CHARS)}... (line cut`));
    assert.ok(!first?.includes('x'.repeat(READ_MAX_LINE_CHARS + 1)));
    assert.equal(second, '     2\tshort');
  });

  it('stops a range whose text is too long and says where to continue', async () => {
    const file = path.join(dir, 'dense.txt');
    await writeFile(file, `${'d'.repeat(1000)}\n`.repeat(200));
    const result = await call(readTool, { file_path: file }, ctx);
    assert.ok(result.content.length <= READ_MAX_OUTPUT_CHARS + 300);
    const shown = result.content.split('\n').filter((line) => /^\s+\d+\t/.test(line)).length;
    assert.ok(shown > 0 && shown < 200);
    assert.match(result.content, new RegExp(`lines 1-${shown} of 200 because the output reached.*offset ${shown + 1}`));
  });

  it('refuses a huge file without a range, and reads it with one', async () => {
    const file = path.join(dir, 'big.txt');
    await writeFile(file, `${'y'.repeat(99)}\n`.repeat(Math.ceil(READ_MAX_WHOLE_FILE_BYTES / 100) + 10));
    const whole = await call(readTool, { file_path: file }, ctx);
    assert.equal(whole.isError, true);
    assert.match(whole.content, /offset and limit/);
    assert.equal(ctx.reads.lastRead(file), undefined);
    const part = await call(readTool, { file_path: file, offset: 1, limit: 2 }, ctx);
    assert.equal(part.isError, undefined);
    assert.match(part.content, /^ {5}1\ty{99}\n {5}2\ty{99}/);
  });

  it('does not show binary files (NUL bytes or invalid UTF-8)', async () => {
    const nul = path.join(dir, 'image.bin');
    await writeFile(nul, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    const latin1 = path.join(dir, 'latin1.txt');
    await writeFile(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    for (const file of [nul, latin1]) {
      const result = await call(readTool, { file_path: file }, ctx);
      assert.match(result.content, /binary file/);
      assert.ok(!result.content.includes('PNG'));
    }
  });

  it('reports a missing file, a directory and a relative path as errors', async () => {
    const missing = await call(readTool, { file_path: path.join(dir, 'nope.txt') }, ctx);
    assert.equal(missing.isError, true);
    assert.match(missing.content, /does not exist/);
    await mkdir(path.join(dir, 'sub'));
    const folder = await call(readTool, { file_path: path.join(dir, 'sub') }, ctx);
    assert.equal(folder.isError, true);
    assert.match(folder.content, /is a directory/);
    const relative = await call(readTool, { file_path: 'a.txt' }, ctx);
    assert.equal(relative.isError, true);
    assert.match(relative.content, /absolute path/);
    assert.ok(relative.content.includes(path.join(dir, 'a.txt')));
  });

  it('shows CRLF files without carriage returns and strips a byte-order mark', async () => {
    const file = path.join(dir, 'win.txt');
    await writeFile(file, '\uFEFFone\r\ntwo\r\n');
    const result = await call(readTool, { file_path: file }, ctx);
    assert.equal(result.content, '     1\tone\n     2\ttwo');
  });

  it('explains an empty file and an offset past the end', async () => {
    const empty = path.join(dir, 'empty.txt');
    await writeFile(empty, '');
    assert.match((await call(readTool, { file_path: empty }, ctx)).content, /is empty/);
    const file = path.join(dir, 'three.txt');
    await writeFile(file, lines(3));
    assert.match((await call(readTool, { file_path: file, offset: 9 }, ctx)).content, /has 3 lines.*offset 9/);
  });

  it('rejects invalid input before touching the disk', async () => {
    const result = await call(readTool, { file_path: path.join(dir, 'a'), offset: -1, extra: true }, ctx);
    assert.equal(result.isError, true);
    assert.match(result.content, /Invalid input for Read/);
    assert.match(result.content, /offset/);
  });
});
