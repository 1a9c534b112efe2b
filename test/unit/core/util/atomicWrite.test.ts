import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { writeFileAtomic } from '../../../../src/core/util/atomicWrite';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'agentgate-atomic-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates the file and missing parent folders', async () => {
    const file = path.join(dir, 'a', 'b', 'c.txt');
    await writeFileAtomic(file, 'hello');
    assert.equal(await readFile(file, 'utf8'), 'hello');
  });

  it('replaces content, keeps the mode, and leaves no temporary file', async () => {
    const file = path.join(dir, 'script.sh');
    await writeFile(file, 'old');
    await chmod(file, 0o755);
    await writeFileAtomic(file, 'new');
    assert.equal(await readFile(file, 'utf8'), 'new');
    assert.equal((await stat(file)).mode & 0o777, 0o755);
    assert.deepEqual(await readdir(dir), ['script.sh']);
  });

  it('leaves the original intact when the write fails', async () => {
    const file = path.join(dir, 'keep.txt');
    await writeFile(file, 'original');
    await chmod(dir, 0o500);
    try {
      if (process.getuid?.() === 0) {
        // root ignores folder permissions: make the rename fail instead by targeting a folder.
        await chmod(dir, 0o700);
        const target = path.join(dir, 'folder');
        await writeFileAtomic(path.join(target, 'x'), 'x');
        await assert.rejects(writeFileAtomic(target, 'overwrite a folder'));
      } else {
        await assert.rejects(writeFileAtomic(file, 'new'));
      }
    } finally {
      await chmod(dir, 0o700);
    }
    assert.equal(await readFile(file, 'utf8'), 'original');
    assert.deepEqual((await readdir(dir)).filter((name) => name.endsWith('.tmp')), []);
  });
});
