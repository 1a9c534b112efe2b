import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { isInsideGitRepo } from '../../../../src/core/agent/environment';
import { loadMemoryFiles, MEMORY_FILE_MAX_CHARS } from '../../../../src/core/agent/memory';
import { buildSystemPrompt } from '../../../../src/core/agent/systemPrompt';

const root = mkdtempSync(path.join(os.tmpdir(), 'agentgate-memory-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, content: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

describe('memory files and the system prompt', () => {
  const home = path.join(root, 'home');
  const repo = path.join(root, 'repos', 'shop');
  const cwd = path.join(repo, 'packages', 'api');
  write(path.join(home, '.claude', 'CLAUDE.md'), 'Answer in British English.');
  write(path.join(root, 'repos', 'CLAUDE.md'), 'All repos: use conventional commits.');
  write(path.join(repo, 'CLAUDE.md'), 'Shop: run npm test before committing.');
  write(path.join(repo, 'CLAUDE.local.md'), 'My sandbox DB is on port 5433.');
  write(path.join(cwd, 'CLAUDE.md'), 'API package: never edit generated/.');
  write(path.join(cwd, 'README.md'), 'not memory');
  mkdirSync(path.join(repo, '.git'), { recursive: true });

  it('reads the user file, then every folder from the outermost down to the working directory', async () => {
    const { files, problems } = await loadMemoryFiles({ cwd, home });
    assert.deepEqual(problems, []);
    assert.deepEqual(
      files.map((file) => [path.relative(root, file.path), file.scope]),
      [
        ['home/.claude/CLAUDE.md', 'user'],
        ['repos/CLAUDE.md', 'project'],
        ['repos/shop/CLAUDE.md', 'project'],
        ['repos/shop/CLAUDE.local.md', 'local'],
        ['repos/shop/packages/api/CLAUDE.md', 'project'],
      ],
    );
    assert.equal(files[0]!.content, 'Answer in British English.');
  });

  it('cuts a very long file and says so', async () => {
    const big = path.join(root, 'big');
    write(path.join(big, 'CLAUDE.md'), 'x'.repeat(MEMORY_FILE_MAX_CHARS + 10));
    const { files } = await loadMemoryFiles({ cwd: big, home: path.join(root, 'nohome') });
    const file = files.find((f) => f.path === path.join(big, 'CLAUDE.md'))!;
    assert.equal(file.truncated, true);
    assert.equal(file.content.length, MEMORY_FILE_MAX_CHARS);
    assert.match(buildSystemPrompt({ cwd: big, workspaceFolders: [], platform: 'linux', osVersion: 'Linux', date: '2026-11-20', isGitRepo: false }, files).at(-1)!.text, /only its beginning is shown/);
  });

  it('reports a memory file that exists but cannot be read', { skip: process.getuid?.() === 0 ? 'root reads everything' : false }, async () => {
    const locked = path.join(root, 'locked');
    write(path.join(locked, 'CLAUDE.md'), 'secret rules');
    chmodSync(path.join(locked, 'CLAUDE.md'), 0o000);
    const { files, problems } = await loadMemoryFiles({ cwd: locked, home });
    assert.ok(!files.some((f) => f.path.startsWith(locked)));
    assert.equal(problems[0]?.path, path.join(locked, 'CLAUDE.md'));
  });

  it('reports a read failure given by an injected reader', async () => {
    const { problems } = await loadMemoryFiles({
      cwd: '/a',
      home: '/h',
      readText: async (file) => {
        if (file === '/a/CLAUDE.md') throw new Error('EACCES: permission denied');
        return undefined;
      },
    });
    assert.deepEqual(problems, [{ path: '/a/CLAUDE.md', message: 'EACCES: permission denied' }]);
  });

  it('states the environment and the memory in the system prompt', async () => {
    const { files } = await loadMemoryFiles({ cwd, home });
    const env = { cwd, workspaceFolders: [repo], platform: 'linux', osVersion: 'Linux 6.1', date: '2026-11-20', isGitRepo: await isInsideGitRepo(cwd) };
    const blocks = buildSystemPrompt(env, files);
    assert.equal(blocks.length, 3);
    const environment = blocks[1]!.text;
    assert.match(environment, new RegExp(`Working directory: ${cwd}`));
    assert.match(environment, new RegExp(`Workspace folders: ${repo}`));
    assert.match(environment, /Is a git repository: yes/);
    assert.match(environment, /Platform: linux/);
    assert.match(environment, /Today's date: 2026-11-20/);
    const memory = blocks[2]!.text;
    assert.ok(memory.indexOf('British English') < memory.indexOf('never edit generated/'));
    assert.match(memory, /private instructions for this project/);
    assert.equal(buildSystemPrompt(env, []).length, 2);
  });

  it('tells a folder outside any repository from one inside', async () => {
    assert.equal(await isInsideGitRepo(cwd), true);
    assert.equal(await isInsideGitRepo(home), false);
  });
});
