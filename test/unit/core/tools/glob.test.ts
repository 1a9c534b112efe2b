import assert from 'node:assert/strict';
import { mkdir, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { GLOB_MAX_RESULTS, globTool } from '../../../../src/core/tools/glob';
import { call, makeContext, put, tempDir, type TestContext } from './toolTestContext';

describe('Glob', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ctx: TestContext;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    ctx = makeContext(dir);
  });
  afterEach(() => cleanup());

  const lines = async (input: Record<string, unknown>): Promise<string[]> => {
    const result = await call(globTool, input, ctx);
    assert.notEqual(result.isError, true, result.content);
    return result.content.split('\n');
  };
  const abs = (...names: string[]): string[] => names.map((name) => path.join(dir, name));

  it('lists matches newest first', async () => {
    await put(dir, { 'old.ts': '', 'src/middle.ts': '', 'src/deep/new.ts': '', 'readme.md': '' });
    assert.deepEqual(await lines({ pattern: '**/*.ts' }), abs('src/deep/new.ts', 'src/middle.ts', 'old.ts'));
    await utimes(path.join(dir, 'old.ts'), Date.now() / 1000, Date.now() / 1000);
    assert.deepEqual(await lines({ pattern: '**/*.ts' }), abs('old.ts', 'src/deep/new.ts', 'src/middle.ts'));
  });

  it('matches "*.ts" at the top level only, relative to path', async () => {
    await put(dir, { 'a.ts': '', 'src/b.ts': '', 'src/c.js': '' });
    assert.deepEqual(await lines({ pattern: '*.ts' }), abs('a.ts'));
    assert.deepEqual(await lines({ pattern: '*.ts', path: path.join(dir, 'src') }), abs('src/b.ts'));
    assert.deepEqual(await lines({ pattern: 'src/*.{ts,js}' }), abs('src/c.js', 'src/b.ts'));
    assert.deepEqual(await lines({ pattern: `${dir}/src/*.ts`, path: '/' }), abs('src/b.ts'));
  });

  it('respects .gitignore, including nested files and negation, and skips node_modules and .git', async () => {
    await put(dir, {
      '.gitignore': 'build/\n*.log\n',
      'keep.ts': '',
      'build/out.ts': '',
      'debug.log': '',
      'node_modules/pkg/index.ts': '',
      '.git/hooks/x.ts': '',
      'pkg/.gitignore': 'generated.ts\n!important.log\n',
      'pkg/generated.ts': '',
      'pkg/real.ts': '',
      'pkg/important.log': '',
      '.github/workflow.ts': '',
    });
    const found = await lines({ pattern: '**/*' });
    assert.deepEqual(found.sort(), abs('.github/workflow.ts', '.gitignore', 'keep.ts', 'pkg/.gitignore', 'pkg/important.log', 'pkg/real.ts').sort());
  });

  it('applies the repository .gitignore when searching a subfolder', async () => {
    await mkdir(path.join(dir, '.git'));
    await put(dir, { '.gitignore': 'secret*\n', 'sub/secret.ts': '', 'sub/open.ts': '' });
    assert.deepEqual(await lines({ pattern: '**/*.ts', path: 'sub' }), abs('sub/open.ts'));
  });

  it('still searches node_modules when the pattern names it', async () => {
    await put(dir, { 'node_modules/pkg/index.js': '' });
    assert.deepEqual(await lines({ pattern: 'node_modules/pkg/*.js' }), abs('node_modules/pkg/index.js'));
  });

  it(`caps the list at ${GLOB_MAX_RESULTS} and says so`, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < GLOB_MAX_RESULTS + 20; i++) files[`f${i}.txt`] = '';
    await put(dir, files);
    const found = await lines({ pattern: '*.txt' });
    assert.equal(found.length, GLOB_MAX_RESULTS + 1);
    assert.match(found.at(-1) ?? '', /truncated.*100 of 120/);
  });

  it('reports no matches, a missing path and a file as path', async () => {
    await put(dir, { 'a.txt': '' });
    assert.equal((await call(globTool, { pattern: '*.rs' }, ctx)).content, 'No files found');
    const missing = await call(globTool, { pattern: '*', path: 'nope' }, ctx);
    assert.equal(missing.isError, true);
    assert.match(missing.content, /does not exist/);
    const file = await call(globTool, { pattern: '*', path: 'a.txt' }, ctx);
    assert.equal(file.isError, true);
    assert.match(file.content, /must be a directory/);
  });
});
