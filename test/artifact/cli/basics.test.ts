import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist/cli.js');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

function run(...args: string[]) {
  return spawnSync(cli, args, { encoding: 'utf8' });
}

describe('cli basics (the built dist/cli.js)', () => {
  before(() => assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first'));

  it('is executable with a shebang', () => {
    assert.ok(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'));
  });

  it('prints the package version', () => {
    const result = run('--version');
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `${pkg.version}\n`);
  });

  it('prints help naming the commands and exit codes', () => {
    const result = run('--help');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Usage:/);
    assert.match(result.stdout, /Exit codes/);
  });

  it('rejects an unknown command with exit code 2 and a hint', () => {
    const result = run('frobnicate');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown command 'frobnicate'/);
    assert.match(result.stderr, /--help/);
    assert.equal(result.stdout, '');
  });
});
