/**
 * The attack: the engine decides a Glob or Grep call on its search root only, and reading inside
 * the workspace needs no rule, so with the team rule `"deny": ["Read(./.env)"]` a search of the
 * whole workspace used to return the secret's lines, or list the file. Each file found must pass
 * the same Read decision the engine makes for `Read {file_path}`.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { globTool } from '../../../../src/core/tools/glob';
import { createGrepTool } from '../../../../src/core/tools/grep';
import { findRipgrepOnPath } from '../../../../src/core/tools/grepRipgrep';
import { NodeFileSystem } from '../../../../src/core/tools/nodeFileSystem';
import type { AgentTool } from '../../../../src/core/tools/types';
import { EVERYDAY_FILES, link, linkFollowingFs, permissionWorkspace, recordingFs, ripgrepSpy, SECRET, type PermissionWorkspace } from './searchPermissionFixture';
import { call, makeContext, put } from './toolTestContext';

const ripgrep = findRipgrepOnPath();
const ONE_LEFT_OUT = '(1 file was left out because permission rules do not allow reading it.)';
const MODES = ['content', 'files_with_matches', 'count'] as const;

const backends = [
  { name: 'ripgrep', tool: createGrepTool({ ripgrepPath: ripgrep ?? null }), skip: ripgrep === undefined },
  { name: 'JavaScript search', tool: createGrepTool({ ripgrepPath: null }), skip: false },
];

let workspace: PermissionWorkspace | undefined;
afterEach(async () => {
  await workspace?.cleanup();
  workspace = undefined;
});

async function setUp(permissions: Record<string, string[]>, files?: Record<string, string>): Promise<PermissionWorkspace> {
  workspace = await permissionWorkspace(permissions, files);
  return workspace;
}

async function run(tool: AgentTool, input: Record<string, unknown>, ctx: Parameters<typeof call>[2]): Promise<string> {
  const result = await call(tool, input, ctx);
  assert.notEqual(result.isError, true, result.content);
  return result.content;
}

/** No line of the result names `file`, and nothing of its content is there. */
function assertNothingOf(out: string, file: string, content: readonly string[]): void {
  for (const line of out.split('\n')) assert.ok(!line.startsWith(file), `a line names ${file}: ${line}\n${out}`);
  for (const text of content) assert.ok(!out.includes(text), `the result contains "${text}":\n${out}`);
}

for (const backend of backends) {
  describe(`Grep (${backend.name}) with Read(./.env) denied`, { skip: backend.skip && 'rg is not installed' }, () => {
    for (const mode of MODES) {
      it(`returns no line of .env in ${mode} mode, and says one file was left out`, async () => {
        const ws = await setUp({ deny: ['Read(./.env)'] });
        const input = { pattern: 'API_KEY', path: '.', output_mode: mode };
        const { ctx, root } = await ws.contextFor('Grep', input);
        assert.equal(root.decision, 'allow', 'the premise: searching the workspace needs no rule');
        const unfiltered = await run(backend.tool, input, makeContext(ws.ws));
        assert.ok(unfiltered.split('\n').some((line) => line.startsWith(ws.w('.env'))), `the premise: without the filter .env is found:\n${unfiltered}`);

        const out = await run(backend.tool, input, ctx);
        assertNothingOf(out, ws.w('.env'), [SECRET, 'DEBUG']);
        assert.ok(out.includes(ws.w('src', 'config.ts')), out);
        assert.ok(out.includes(ws.w('README.md')), out);
        assert.equal(out.split('\n').at(-1), ONE_LEFT_OUT);
      });
    }

    it('finds nothing when searching for the secret itself, with context, or with a glob naming the file', async () => {
      const ws = await setUp({ deny: ['Read(./.env)'] });
      for (const input of [
        { pattern: SECRET, output_mode: 'content', '-C': 5 },
        { pattern: 'API_KEY', glob: '.env', output_mode: 'content' },
        { pattern: 'DEBUG', path: ws.ws, output_mode: 'count' },
        { pattern: 'API_KEY', output_mode: 'content', '-A': 3, '-i': true, multiline: true },
      ]) {
        const { ctx } = await ws.contextFor('Grep', input);
        const out = await run(backend.tool, input, ctx);
        assertNothingOf(out, ws.w('.env'), [SECRET, 'DEBUG=1']);
        assert.ok(out.endsWith(ONE_LEFT_OUT), out);
      }
    });

    it('leaves out a denied folder whole and a file that asks, and keeps the files next to them', async () => {
      const ws = await setUp(
        { deny: ['Read(./secrets/**)'], ask: ['Read(**/*.pem)'] },
        { 'secrets/a.txt': 'token a\n', 'secrets/b/c.txt': 'token c\n', 'secrets-readme.txt': 'token note\n', 'keys/server.pem': 'token pem\n', 'src/x.ts': 'token x\n' },
      );
      const input = { pattern: 'token', output_mode: 'content' };
      const { ctx, root } = await ws.contextFor('Grep', input);
      assert.equal(root.decision, 'allow');
      const out = await run(backend.tool, input, ctx);
      assert.deepEqual(out.split('\n'), [
        `${ws.w('secrets-readme.txt')}:1:token note`,
        `${ws.w('src', 'x.ts')}:1:token x`,
        '(3 files were left out because permission rules do not allow reading them.)',
      ]);
    });

    it('searches a denied file named as the path for nothing', async () => {
      const ws = await setUp({ deny: ['Read(./.env)'], allow: ['Grep'] });
      const input = { pattern: 'API_KEY', path: '.env', output_mode: 'content' };
      // The engine refuses Grep {path: ".env"} itself; the tool must hold even if it ran.
      assert.equal((await ws.decide({ tool: 'Grep', input })).decision, 'deny');
      const { ctx } = await ws.contextFor('Grep', { pattern: 'API_KEY' });
      const out = await run(backend.tool, input, ctx);
      assert.equal(out, ['No matches found', ONE_LEFT_OUT].join('\n'));
    });
  });
}

describe('Grep never opens a file the rules do not let it read', () => {
  it('ripgrep is told to skip it before the search', { skip: ripgrep === undefined && 'rg is not installed' }, async () => {
    const ws = await setUp({ deny: ['Read(./.env)', 'Read(./secrets/**)'] }, { ...EVERYDAY_FILES, 'secrets/a.txt': 'API_KEY\n', 'secrets/b/c.txt': 'API_KEY\n' });
    const spy = await ripgrepSpy(ws.root, ripgrep as string);
    const input = { pattern: 'API_KEY', output_mode: 'content' };
    const { ctx } = await ws.contextFor('Grep', input);
    const out = await run(createGrepTool({ ripgrepPath: spy.path }), input, ctx);
    assertNothingOf(out, ws.w('.env'), [SECRET]);
    const calls = (await readFile(spy.log, 'utf8')).trim().split('\n');
    const search = calls.find((line) => line.includes('--regexp'));
    assert.ok(search, calls.join('\n'));
    assert.ok(search.includes('--glob=!/.env '), search);
    assert.ok(search.includes('--glob=!/secrets/ '), search);
  });

  it('ripgrep skips them when the search root is a folder below the working directory, or outside it', { skip: ripgrep === undefined && 'rg is not installed' }, async () => {
    const ws = await setUp(
      { deny: ['Read(./src/private/**)', 'Read(./src/key.ts)', 'Read(/{outside}/b.txt)'] },
      { 'src/private/a.ts': 'API_KEY a\n', 'src/key.ts': 'API_KEY key\n', 'src/ok.ts': 'API_KEY ok\n' },
    );
    await put(ws.outside, { 'a.txt': 'API_KEY outside a\n', 'b.txt': 'API_KEY outside b\n' });
    const spy = await ripgrepSpy(ws.root, ripgrep as string);
    const tool = createGrepTool({ ripgrepPath: spy.path });
    const inSrc = { pattern: 'API_KEY', path: 'src', output_mode: 'content', glob: 'src/**' };
    const src = await ws.contextFor('Grep', inSrc);
    assert.equal(await run(tool, inSrc, src.ctx), [`${ws.w('src', 'ok.ts')}:1:API_KEY ok`, '(2 files were left out because permission rules do not allow reading them.)'].join('\n'));
    const outside = { pattern: 'API_KEY', path: ws.outside, output_mode: 'content' };
    const out = await ws.contextFor('Grep', outside, { kind: 'allowOnce' });
    assert.equal(await run(tool, outside, out.ctx), [`${path.join(ws.outside, 'a.txt')}:1:API_KEY outside a`, ONE_LEFT_OUT].join('\n'));
    const searches = (await readFile(spy.log, 'utf8')).trim().split('\n').filter((line) => line.includes('--regexp'));
    assert.equal(searches.length, 2, searches.join('\n'));
    assert.ok(searches[0]!.includes('--glob=!/src/private/ ') && searches[0]!.includes('--glob=!/src/key.ts '), searches[0]);
    assert.ok(searches[1]!.includes('--glob=!/b.txt '), searches[1]);
  });

  it('a line of a file that was not excluded is still dropped from the output', { skip: ripgrep === undefined && 'rg is not installed' }, async () => {
    const ws = await setUp({ deny: ['Read(./.env)'] });
    const spy = await ripgrepSpy(ws.root, ripgrep as string, { dropExclusions: true });
    const tool = createGrepTool({ ripgrepPath: spy.path });
    for (const mode of MODES) {
      const input = { pattern: 'API_KEY', output_mode: mode, '-C': 1 };
      const { ctx } = await ws.contextFor('Grep', input);
      const out = await run(tool, input, ctx);
      assertNothingOf(out, ws.w('.env'), [SECRET, 'DEBUG']);
      assert.ok(out.includes(ws.w('src', 'config.ts')), out);
      assert.ok(out.endsWith(ONE_LEFT_OUT), out);
      if (mode === 'content') assert.ok(!out.startsWith('--') && !out.includes('--\n--'), out);
    }
  });

  it('the JavaScript search does not read it', async () => {
    const ws = await setUp({ deny: ['Read(./.env)', 'Read(./secrets/**)'] }, { ...EVERYDAY_FILES, 'secrets/a.txt': 'API_KEY\n' });
    const fs = recordingFs(new NodeFileSystem());
    const input = { pattern: 'API_KEY', output_mode: 'files_with_matches' };
    const { ctx } = await ws.contextFor('Grep', input, undefined, fs);
    const out = await run(createGrepTool({ ripgrepPath: null }), input, ctx);
    assert.ok(fs.reads.includes(ws.w('src', 'config.ts')), fs.reads.join('\n'));
    assert.deepEqual(fs.reads.filter((file) => file === ws.w('.env') || file.startsWith(ws.w('secrets'))), []);
    assert.ok(out.endsWith('(2 files were left out because permission rules do not allow reading them.)'), out);
  });
});

describe('Glob with Read(./.env) denied', () => {
  it('does not list .env for **/.env* or **/*', async () => {
    const ws = await setUp({ deny: ['Read(./.env)'] });
    const unfiltered = await run(globTool, { pattern: '**/.env*' }, makeContext(ws.ws));
    assert.equal(unfiltered, ws.w('.env'), 'the premise: without the filter Glob lists it');

    const { ctx, root } = await ws.contextFor('Glob', { pattern: '**/.env*' });
    assert.equal(root.decision, 'allow');
    assert.equal(await run(globTool, { pattern: '**/.env*' }, ctx), ['No files found', ONE_LEFT_OUT].join('\n'));

    const all = await ws.contextFor('Glob', { pattern: '**/*' });
    const listed = (await run(globTool, { pattern: '**/*' }, all.ctx)).split('\n');
    assert.ok(!listed.includes(ws.w('.env')), listed.join('\n'));
    assert.ok(listed.includes(ws.w('src', 'config.ts')), listed.join('\n'));
    assert.equal(listed.at(-1), ONE_LEFT_OUT);
  });
});

describe('Glob with many matches', () => {
  const many = (): Record<string, string> => Object.fromEntries(Array.from({ length: 105 }, (_, i) => [`many/f${String(i).padStart(3, '0')}.txt`, '']));

  it('fills its page with allowed files, newest first, and counts the ones it left out', async () => {
    const ws = await setUp({ deny: ['Read(./many/f10*.txt)'] }, many());
    const { ctx } = await ws.contextFor('Glob', { pattern: 'many/*' });
    const lines = (await run(globTool, { pattern: 'many/*' }, ctx)).split('\n');
    assert.equal(lines.length, 101, lines.join('\n'));
    assert.equal(lines[0], ws.w('many', 'f099.txt'));
    assert.equal(lines[99], ws.w('many', 'f000.txt'));
    assert.equal(lines[100], '(5 files were left out because permission rules do not allow reading them.)');
  });

  it('does not check files past a full page, and says the total is an upper bound', async () => {
    const ws = await setUp({ deny: ['Read(./many/f000.txt)'] }, many());
    const { ctx } = await ws.contextFor('Glob', { pattern: 'many/*' });
    const lines = (await run(globTool, { pattern: 'many/*' }, ctx)).split('\n');
    assert.equal(lines.length, 101, lines.join('\n'));
    assert.equal(lines[0], ws.w('many', 'f104.txt'));
    assert.equal(lines[99], ws.w('many', 'f005.txt'));
    assert.equal(lines[100], '(Results are truncated: showing 100 of up to 105 files. Use a more specific pattern or path.)');
  });
});

describe('a symbolic link in the workspace to a file outside it', () => {
  const OUTSIDE_SECRET = 'outside-only-7777';
  const setUpLink = async (permissions: Record<string, string[]>) => {
    const ws = await setUp(permissions);
    await put(ws.outside, { 'secret.txt': `${OUTSIDE_SECRET}\n` });
    await link(path.join(ws.outside, 'secret.txt'), ws.w('src', 'leak.txt'));
    return ws;
  };

  it('is left out when its Read would ask and the root was allowed without asking', async () => {
    const ws = await setUpLink({});
    assert.equal((await ws.decide({ tool: 'Read', input: { file_path: ws.w('src', 'leak.txt') } })).decision, 'ask');
    const fs = linkFollowingFs(new NodeFileSystem());
    const unfiltered = await run(globTool, { pattern: '**/*.txt' }, makeContext(ws.ws, { fs }));
    assert.equal(unfiltered, ws.w('src', 'leak.txt'), 'the premise: a file system that follows links lists it');

    const glob = await ws.contextFor('Glob', { pattern: '**/*.txt' }, undefined, fs);
    assert.equal(glob.root.decision, 'allow');
    assert.equal(await run(globTool, { pattern: '**/*.txt' }, glob.ctx), ['No files found', ONE_LEFT_OUT].join('\n'));

    for (const backend of backends.filter((b) => !b.skip)) {
      const input = { pattern: OUTSIDE_SECRET, output_mode: 'content' };
      const grep = await ws.contextFor('Grep', input, undefined, fs);
      const out = await run(backend.tool, input, grep.ctx);
      assertNothingOf(out, ws.w('src', 'leak.txt'), [OUTSIDE_SECRET]);
      assert.deepEqual(fs.reads.filter((file) => file.endsWith('leak.txt')), [], backend.name);
    }
  });

  it('is kept when the person approved the search, but a denied file still is not', async () => {
    const ws = await setUpLink({ ask: ['Glob', 'Grep'], deny: ['Read(./.env)'] });
    const fs = linkFollowingFs(new NodeFileSystem());
    const glob = await ws.contextFor('Glob', { pattern: '**/*' }, { kind: 'allowOnce' }, fs);
    assert.equal(glob.root.decision, 'ask');
    const listed = (await run(globTool, { pattern: '**/*' }, glob.ctx)).split('\n');
    assert.ok(listed.includes(ws.w('src', 'leak.txt')), listed.join('\n'));
    assert.ok(!listed.includes(ws.w('.env')), listed.join('\n'));
    assert.equal(listed.at(-1), ONE_LEFT_OUT);
  });
});

describe('everyday searches when no rule denies anything', () => {
  const inputs: Record<string, unknown>[] = [
    { pattern: 'API_KEY' },
    { pattern: 'api_key', '-i': true, output_mode: 'content', '-C': 1 },
    { pattern: 'API_KEY', output_mode: 'count' },
    { pattern: 'API_KEY', output_mode: 'content', '-n': false, glob: '*.ts' },
    { pattern: 'apiKey', path: 'src', output_mode: 'content' },
  ];

  for (const backend of backends) {
    it(`Grep (${backend.name}) returns what it returns without the filter, with no note`, { skip: backend.skip && 'rg is not installed' }, async () => {
      const ws = await setUp({});
      for (const input of inputs) {
        const { ctx } = await ws.contextFor('Grep', input);
        const out = await run(backend.tool, input, ctx);
        assert.equal(out, await run(backend.tool, input, makeContext(ws.ws)));
        assert.ok(!out.includes('left out'), out);
      }
      const { ctx } = await ws.contextFor('Grep', inputs[1]!);
      const lines = (await run(backend.tool, inputs[1]!, ctx)).split('\n');
      assert.ok(lines.includes(`${ws.w('.env')}:1:API_KEY=${SECRET}`), lines.join('\n'));
    });
  }

  it('Glob returns what it returns without the filter', async () => {
    const ws = await setUp({});
    for (const pattern of ['**/*', '**/.env*', 'src/**/*.ts', '*.md']) {
      const { ctx } = await ws.contextFor('Glob', { pattern });
      const out = await run(globTool, { pattern }, ctx);
      assert.equal(out, await run(globTool, { pattern }, makeContext(ws.ws)));
      assert.ok(!out.includes('left out'), out);
    }
  });
});
