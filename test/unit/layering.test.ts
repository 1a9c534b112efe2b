import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../..');
const violation = readFileSync(path.join(root, 'test/fixtures/layering/coreImportsVscode.ts'), 'utf8');

async function lintAs(filePath: string, text: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(text, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering: lint zones', () => {
  for (const zone of ['src/core/agent/leak.ts', 'src/protocol/leak.ts', 'src/webview/leak.ts']) {
    it(`rejects importing vscode from ${zone}`, async () => {
      const messages = await lintAs(zone, violation);
      assert.ok(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes("'vscode'")), messages.join('\n'));
    });
  }

  it('rejects core importing host code', async () => {
    const messages = await lintAs('src/core/agent/leak.ts', "import { x } from '../../host/approvals';\nexport const y = x;\n");
    assert.ok(messages.some((m) => m.startsWith('no-restricted-imports')), messages.join('\n'));
  });

  it('rejects the webview importing core', async () => {
    const messages = await lintAs('src/webview/leak.ts', "import { x } from '../core/agent/loop';\nexport const y = x;\n");
    assert.ok(messages.some((m) => m.startsWith('no-restricted-imports')), messages.join('\n'));
  });

  it('lets host code import vscode', async () => {
    const messages = await lintAs('src/host/fine.ts', violation);
    assert.deepEqual(messages.filter((m) => m.startsWith('no-restricted-imports')), []);
  });
});

describe('layering: the type checker', () => {
  it('fails core code that imports vscode (src/core/tsconfig.json has no VS Code types)', () => {
    const config = path.join(root, 'test/fixtures/layering/tsconfig.json');
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config, '--noEmit'], { encoding: 'utf8' });
    assert.notEqual(tsc.status, 0, 'tsc should reject the import');
    assert.match(tsc.stdout, /error TS\d+: .*noVscode/);
  });
});
