import assert from 'node:assert/strict';
import { chmod, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { NodeFileSystem } from '../../../../src/core/tools/nodeFileSystem';
import { tempDir } from './toolTestContext';

describe('NodeFileSystem', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const fs = new NodeFileSystem();
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('writes atomically: readers see the old or the new content, never a part', async () => {
    const file = path.join(dir, 'big.txt');
    const versions = ['a', 'b', 'c'].map((letter) => letter.repeat(2 * 1024 * 1024));
    await fs.writeFile(file, versions[0] ?? '');
    let writing = true;
    const seen = new Set<string>();
    const reader = (async () => {
      while (writing) {
        const content = await readFile(file, 'utf8');
        assert.ok(versions.includes(content), `a reader saw ${content.length} characters starting with ${content.slice(0, 1)}`);
        seen.add(content.slice(0, 1));
      }
    })();
    for (let round = 0; round < 12; round++) await fs.writeFile(file, versions[round % versions.length] ?? '');
    writing = false;
    await reader;
    assert.ok(seen.size >= 1);
    assert.deepEqual(await readdir(dir), ['big.txt']);
  });

  it('keeps the mode of the file it replaces and leaves no temporary file', async () => {
    const file = path.join(dir, 'run.sh');
    await writeFile(file, '#!/bin/sh\n');
    await chmod(file, 0o750);
    await fs.writeFile(file, '#!/bin/sh\necho hi\n');
    assert.equal((await stat(file)).mode & 0o777, 0o750);
    assert.deepEqual(await readdir(dir), ['run.sh']);
  });

  it('writes through a symbolic link to its target and keeps the link', async () => {
    const target = path.join(dir, 'real.txt');
    const link = path.join(dir, 'link.txt');
    await writeFile(target, 'old');
    await symlink(target, link);
    await fs.writeFile(link, 'new');
    assert.ok((await lstat(link)).isSymbolicLink());
    assert.equal(await readFile(target, 'utf8'), 'new');
  });

  it('leaves the target untouched and no temporary file when the write fails', async () => {
    const blocker = path.join(dir, 'blocker');
    await mkdir(path.join(blocker, 'inside'), { recursive: true });
    await assert.rejects(fs.writeFile(blocker, 'x'));
    assert.deepEqual((await readdir(dir)).sort(), ['blocker']);
    assert.deepEqual(await readdir(blocker), ['inside']);
  });

  it('reports missing paths as undefined from stat', async () => {
    assert.equal(await fs.stat(path.join(dir, 'missing')), undefined);
    assert.equal(await fs.stat(path.join(dir, 'missing', 'deeper')), undefined);
    await writeFile(path.join(dir, 'f'), 'abc');
    const s = await fs.stat(path.join(dir, 'f'));
    assert.equal(s?.size, 3);
    assert.equal(s?.isFile, true);
    assert.equal(s?.isDirectory, false);
  });
});
