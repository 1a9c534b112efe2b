/**
 * Runs node:test suites in plain Node, TypeScript through tsx: the unit tests, which need no
 * build, or the artifact tests (`test/artifact`), which run the built dist/ and the VSIX listing.
 * Usage: tsx test/support/runUnit.ts [file-or-folder ...]   (default: test/unit)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function collect(target: string): string[] {
  if (statSync(target).isFile()) return [target];
  return readdirSync(target, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => path.join(target, name))
    .sort();
}

const targets = process.argv.slice(2);
const files = (targets.length > 0 ? targets : ['test/unit']).flatMap(collect);
if (files.length === 0) {
  console.error('No unit test files found.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
