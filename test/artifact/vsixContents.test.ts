import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '../..');

describe('VSIX contents (vsce ls, after npm run build)', () => {
  const listed = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  const files = listed.stdout.split('\n').filter((line) => line.trim() !== '');

  it('lists the package', () => {
    assert.equal(listed.status, 0, listed.stderr);
  });

  it('holds the bundles, their run-time assets, media, manifest, README, LICENSE and CHANGELOG', () => {
    for (const expected of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/extension.js', 'dist/cli.js', 'dist/tree-sitter-bash.wasm', 'dist/web-tree-sitter.wasm', 'dist/settings.schema.json', 'media/webview.js', 'media/icon.png']) {
      assert.ok(files.includes(expected), `${expected} is missing from the VSIX`);
    }
  });

  it('holds no sources, tests, dependencies, source maps or build configuration', () => {
    const unwanted = files.filter((file) => /^(src|test|bench|node_modules|out|\.ci)\//.test(file) || file.endsWith('.map') || file.endsWith('.ts') || /^(tsconfig|eslint|esbuild)/.test(file));
    assert.deepEqual(unwanted, []);
  });
});
