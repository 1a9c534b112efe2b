import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { createBashParser, loadBashParser, wasmCandidates } from '../../../../../src/core/permissions/bash/parser';

const root = path.resolve(__dirname, '../../../../..');

describe('bash parser loading', () => {
  it('loads once and shares the parser', async () => {
    const first = loadBashParser();
    assert.equal(loadBashParser(), first);
    assert.equal(await first, await loadBashParser());
  });

  it('looks in the given folder first, then beside the bundle, then in node_modules', () => {
    const candidates = wasmCandidates({ wasmDir: '/opt/agentgate' });
    assert.equal(candidates.runtime[0], '/opt/agentgate/web-tree-sitter.wasm');
    assert.equal(candidates.bash[0], '/opt/agentgate/tree-sitter-bash.wasm');
    assert.equal(candidates.runtime[1], path.join(path.dirname(require.resolve('../../../../../src/core/permissions/bash/parser')), 'web-tree-sitter.wasm'));
    assert.ok(candidates.bash.at(-1)?.endsWith(path.join('tree-sitter-bash', 'tree-sitter-bash.wasm')));
  });

  it('loads from an explicit folder holding both files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'agentgate-wasm-'));
    try {
      copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), path.join(dir, 'web-tree-sitter.wasm'));
      copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), path.join(dir, 'tree-sitter-bash.wasm'));
      const parser = await createBashParser({ wasmDir: dir, searchDefaults: false });
      const tree = parser.parse('echo hi && ls');
      assert.equal(tree.rootNode.type, 'program');
      tree.delete();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bash analysis in a CommonJS bundle (as dist/extension.js and dist/cli.js are built)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agentgate-bundle-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('decides with the wasm files beside the bundle and no node_modules', async () => {
    const entry = path.join(dir, 'entry.ts');
    const decide = path.join(root, 'src/core/permissions/bash/decide.ts');
    writeFileSync(
      entry,
      `import { decideBash } from ${JSON.stringify(decide)};
const source = { level: 'project' as const, file: '/proj/.claude/settings.json', root: '/proj' };
decideBash({
  command: 'ls && rm -rf / ; echo $(id)',
  cwd: '/proj',
  rules: { allow: [], ask: [], deny: [{ raw: 'Bash(rm:*)', tool: 'Bash', specifier: 'rm:*', list: 'deny', source }] },
  allowReadOnly: true,
  checkWrite: () => ({ decision: 'ask', reason: 'outside', rule: null, source: null }),
}).then((d) => console.log(JSON.stringify({ decision: d.decision, rule: d.rule, subcommands: d.bash?.subcommands.length })));
`,
    );
    const out = path.join(dir, 'out');
    await esbuild.build({ entryPoints: [entry], outfile: path.join(out, 'bundle.js'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'silent', absWorkingDir: root });
    copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), path.join(out, 'web-tree-sitter.wasm'));
    copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), path.join(out, 'tree-sitter-bash.wasm'));
    const result = spawnSync(process.execPath, [path.join(out, 'bundle.js')], { cwd: os.tmpdir(), encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { decision: 'deny', rule: 'Bash(rm:*)', subcommands: 4 });
  });
});
