import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { FileTrustStore, TrustFileError } from '../../../../src/core/trust/trustStore';

describe('FileTrustStore', () => {
  let home: string;
  let work: string;
  beforeEach(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'agentgate-trust-home-'));
    work = await mkdtemp(path.join(tmpdir(), 'agentgate-trust-work-'));
    await mkdir(path.join(work, 'app', 'pkg'), { recursive: true });
    await mkdir(path.join(work, 'app_evil'), { recursive: true });
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  it('treats an unknown folder as untrusted (no trust file yet)', async () => {
    assert.equal(await FileTrustStore.forHome(home).isTrusted(path.join(work, 'app')), false);
  });

  it('remembers trust in ~/.agentgate/trust.json with owner-only permissions', async () => {
    const store = FileTrustStore.forHome(home);
    await store.setTrusted(path.join(work, 'app'), true);
    assert.equal(await store.isTrusted(path.join(work, 'app')), true);
    const file = path.join(home, '.agentgate', 'trust.json');
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const data = JSON.parse(await readFile(file, 'utf8')) as { folders: Record<string, { trusted: boolean }> };
    assert.equal(data.folders[path.join(await realpath(work), 'app')]?.trusted, true);
  });

  it('trusts subfolders of a trusted folder, but a closer distrust wins', async () => {
    const store = FileTrustStore.forHome(home);
    await store.setTrusted(path.join(work, 'app'), true);
    assert.equal(await store.isTrusted(path.join(work, 'app', 'pkg')), true);
    await store.setTrusted(path.join(work, 'app', 'pkg'), false);
    assert.equal(await store.isTrusted(path.join(work, 'app', 'pkg')), false);
  });

  it('attack: a sibling sharing the name prefix (/work/app_evil) is not trusted by /work/app', async () => {
    const store = FileTrustStore.forHome(home);
    await store.setTrusted(path.join(work, 'app'), true);
    assert.equal(await store.isTrusted(path.join(work, 'app_evil')), false);
  });

  it('attack: a symlink to an untrusted folder placed inside a trusted one is judged by its real path', async () => {
    const store = FileTrustStore.forHome(home);
    await store.setTrusted(path.join(work, 'app'), true);
    const link = path.join(work, 'app', 'link-to-evil');
    await symlink(path.join(work, 'app_evil'), link);
    assert.equal(await store.isTrusted(link), false);
  });

  it('revoking trust makes the folder untrusted again', async () => {
    const store = FileTrustStore.forHome(home);
    await store.setTrusted(path.join(work, 'app'), true);
    await store.setTrusted(path.join(work, 'app'), false);
    assert.equal(await store.isTrusted(path.join(work, 'app')), false);
  });

  it('a corrupt trust file trusts nothing and is never overwritten', async () => {
    const file = path.join(home, '.agentgate', 'trust.json');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{ "version": 1, "folders": { oops');
    const store = FileTrustStore.forHome(home);
    assert.equal(await store.isTrusted(work), false);
    await assert.rejects(store.setTrusted(work, true), TrustFileError);
    assert.equal(await readFile(file, 'utf8'), '{ "version": 1, "folders": { oops');
  });
});
