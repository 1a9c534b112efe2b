import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';

const cli = path.resolve(__dirname, '../../../dist/cli.js');

describe('agentgate trust', () => {
  let home: string;
  let folder: string;
  beforeEach(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'agentgate-cli-home-'));
    folder = await realpath(await mkdtemp(path.join(tmpdir(), 'agentgate-cli-work-')));
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
    await rm(folder, { recursive: true, force: true });
  });

  const run = (...args: string[]) => spawnSync(cli, args, { encoding: 'utf8', env: { ...process.env, HOME: home } });
  const trusted = async () =>
    (JSON.parse(await readFile(path.join(home, '.agentgate/trust.json'), 'utf8')) as { folders: Record<string, { trusted: boolean }> }).folders[folder]?.trusted;

  it('trusts the folder named by --cwd and says what that enables', async () => {
    const result = run('trust', '--cwd', folder);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Trusted: .*project allow rules/);
    assert.equal(await trusted(), true);
  });

  it('--revoke takes trust back', async () => {
    run('trust', '--cwd', folder);
    const result = run('trust', '--cwd', folder, '--revoke');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /No longer trusted/);
    assert.equal(await trusted(), false);
  });

  it('rejects an unknown option with exit code 2 and a hint', () => {
    const result = run('trust', '--everything');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Unknown option '--everything'/);
    assert.match(result.stderr, /agentgate help trust/);
  });
});
