import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createGrepTool } from '../../../../src/core/tools/grep';
import { findRipgrepOnPath } from '../../../../src/core/tools/grepRipgrep';
import { call, makeContext, put, tempDir, type TestContext } from './toolTestContext';

const ripgrep = findRipgrepOnPath();
const backends = [
  { name: 'JavaScript backend', tool: createGrepTool({ ripgrepPath: null }), skip: false },
  { name: 'ripgrep backend', tool: createGrepTool({ ripgrepPath: ripgrep ?? null }), skip: ripgrep === undefined },
];

for (const backend of backends) {
  describe(`Grep (${backend.name})`, { skip: backend.skip && 'rg is not installed' }, () => {
    let dir: string;
    let cleanup: () => Promise<void>;
    let ctx: TestContext;
    beforeEach(async () => {
      ({ dir, cleanup } = await tempDir());
      ctx = makeContext(dir);
      await put(dir, {
        '.gitignore': 'ignored/\n',
        'a.ts': 'const Alpha = 1;\nconst beta = 2;\n',
        'src/b.ts': 'function alpha() {\n  return 1;\n}\n// alpha again\n',
        'src/c.js': 'let ALPHA;\n',
        'ignored/d.ts': 'alpha\n',
        'node_modules/m/e.js': 'alpha\n',
        'notes.md': 'line1\nline2 alpha\nline3\nline4\nline5\nline6 alpha\nline7\n',
        'bin.dat': '\u0000alpha\n',
      });
    });
    afterEach(() => cleanup());

    const grep = async (input: Record<string, unknown>): Promise<string> => {
      const result = await call(backend.tool, input, ctx);
      assert.notEqual(result.isError, true, result.content);
      return result.content;
    };
    const p = (name: string): string => path.join(dir, name);

    it('lists matching files newest first, skipping ignored, node_modules and binary files', async () => {
      assert.equal(await grep({ pattern: 'alpha' }), ['Found 2 files', p('notes.md'), p('src/b.ts')].join('\n'));
    });

    it('searches case-insensitively with -i', async () => {
      const out = await grep({ pattern: 'alpha', '-i': true });
      assert.deepEqual(out.split('\n'), ['Found 4 files', p('notes.md'), p('src/c.js'), p('src/b.ts'), p('a.ts')]);
    });

    it('shows matching lines with line numbers in content mode', async () => {
      const out = await grep({ pattern: 'alpha', path: 'src/b.ts', output_mode: 'content' });
      assert.equal(out, [`${p('src/b.ts')}:1:function alpha() {`, `${p('src/b.ts')}:4:// alpha again`].join('\n'));
      const plain = await grep({ pattern: 'line2', output_mode: 'content', '-n': false });
      assert.equal(plain, `${p('notes.md')}:line2 alpha`);
    });

    it('shows context lines with -C, -A and -B', async () => {
      const f = p('notes.md');
      const out = await grep({ pattern: 'alpha', path: 'notes.md', output_mode: 'content', '-C': 1 });
      assert.equal(out, [`${f}-1-line1`, `${f}:2:line2 alpha`, `${f}-3-line3`, '--', `${f}-5-line5`, `${f}:6:line6 alpha`, `${f}-7-line7`].join('\n'));
      const after = await grep({ pattern: 'line6', path: 'notes.md', output_mode: 'content', '-A': 1 });
      assert.equal(after, [`${f}:6:line6 alpha`, `${f}-7-line7`].join('\n'));
      const before = await grep({ pattern: 'line2', path: 'notes.md', output_mode: 'content', '-B': 1 });
      assert.equal(before, [`${f}-1-line1`, `${f}:2:line2 alpha`].join('\n'));
    });

    it('counts matching lines per file', async () => {
      const out = await grep({ pattern: 'alpha', '-i': true, output_mode: 'count' });
      assert.equal(out, [`${p('a.ts')}:1`, `${p('notes.md')}:2`, `${p('src/b.ts')}:2`, `${p('src/c.js')}:1`, '', 'Found 6 matching line(s) in 4 file(s).'].join('\n'));
    });

    it('filters by glob and by type', async () => {
      assert.deepEqual((await grep({ pattern: 'alpha', '-i': true, glob: '*.ts' })).split('\n'), ['Found 2 files', p('src/b.ts'), p('a.ts')]);
      assert.deepEqual((await grep({ pattern: 'alpha', '-i': true, type: 'js' })).split('\n'), ['Found 1 file', p('src/c.js')]);
      assert.deepEqual((await grep({ pattern: 'alpha', '-i': true, glob: '*.{js,md}' })).split('\n'), ['Found 2 files', p('notes.md'), p('src/c.js')]);
    });

    it('limits output with head_limit', async () => {
      const out = await grep({ pattern: 'alpha', output_mode: 'content', head_limit: 1 });
      assert.equal(out, [`${p('notes.md')}:2:line2 alpha`, '(3 more lines not shown because of head_limit.)'].join('\n'));
    });

    it('matches across lines only in multiline mode', async () => {
      const input = { pattern: 'alpha\\(\\) \\{\\s+return', output_mode: 'content' };
      assert.equal(await grep(input), 'No matches found');
      assert.equal(await grep({ ...input, multiline: true }), [`${p('src/b.ts')}:1:function alpha() {`, `${p('src/b.ts')}:2:  return 1;`].join('\n'));
    });

    it('reports no matches, an invalid pattern and a missing path', async () => {
      assert.equal(await grep({ pattern: 'zeta' }), 'No files found');
      const invalid = await call(backend.tool, { pattern: 'foo(' }, ctx);
      assert.equal(invalid.isError, true);
      assert.match(invalid.content, /regex|regular expression/i);
      const missing = await call(backend.tool, { pattern: 'x', path: 'nope' }, ctx);
      assert.equal(missing.isError, true);
      assert.match(missing.content, /does not exist/);
    });
  });
}
