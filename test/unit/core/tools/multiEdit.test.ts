import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { multiEditTool } from '../../../../src/core/tools/multiEdit';
import { readTool } from '../../../../src/core/tools/read';
import { call, makeContext, tempDir, type TestContext } from './toolTestContext';

describe('MultiEdit', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ctx: TestContext;
  let file: string;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    ctx = makeContext(dir);
    file = path.join(dir, 'a.py');
    await writeFile(file, 'def f():\n    return 1\n\ndef g():\n    return 2\n');
    await call(readTool, { file_path: file }, ctx);
  });
  afterEach(() => cleanup());

  it('applies edits in order, each to the result of the previous one', async () => {
    const result = await call(
      multiEditTool,
      {
        file_path: file,
        edits: [
          { old_string: 'return 1', new_string: 'return one' },
          { old_string: 'return', new_string: 'yield', replace_all: true },
        ],
      },
      ctx,
    );
    assert.equal(result.isError, undefined, result.content);
    assert.equal(await readFile(file, 'utf8'), 'def f():\n    yield one\n\ndef g():\n    yield 2\n');
    assert.match(result.content, /3 replacements/);
  });

  it('changes nothing when a later edit fails', async () => {
    const result = await call(
      multiEditTool,
      {
        file_path: file,
        edits: [
          { old_string: 'return 1', new_string: 'return 100' },
          { old_string: 'return 3', new_string: 'return 300' },
        ],
      },
      ctx,
    );
    assert.equal(result.isError, true);
    assert.match(result.content, /Edit 2 of 2: old_string was not found/);
    assert.equal(await readFile(file, 'utf8'), 'def f():\n    return 1\n\ndef g():\n    return 2\n');
  });

  it('rejects an edit whose old_string only exists because of an earlier edit', async () => {
    const result = await call(
      multiEditTool,
      {
        file_path: file,
        edits: [
          { old_string: 'return 1', new_string: 'return marker' },
          { old_string: 'marker', new_string: 'x' },
        ],
      },
      ctx,
    );
    assert.equal(result.isError, true);
    assert.match(result.content, /earlier edit/);
  });

  it('requires at least one edit', async () => {
    const result = await call(multiEditTool, { file_path: file, edits: [] }, ctx);
    assert.equal(result.isError, true);
    assert.match(result.content, /Invalid input for MultiEdit[\s\S]*edits/);
  });
});
