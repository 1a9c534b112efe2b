/**
 * Bundles the integration tests for the extension host: test/integration/index.ts (the mocha
 * entry VS Code calls) and every *.test.ts, one CommonJS file each under out/test/integration/.
 * `vscode` comes from the host and mocha from node_modules at run time.
 */
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from './config';

export const INTEGRATION_SRC = path.join(REPO_ROOT, 'test', 'integration');
export const INTEGRATION_OUT = path.join(REPO_ROOT, 'out', 'test', 'integration');

export async function bundleIntegrationTests(): Promise<string> {
  const tests = readdirSync(INTEGRATION_SRC, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .sort();
  if (tests.length === 0) throw new Error(`no *.test.ts under ${INTEGRATION_SRC}`);
  await rm(INTEGRATION_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: ['index.ts', ...tests].map((name) => path.join(INTEGRATION_SRC, name)),
    outbase: INTEGRATION_SRC,
    outdir: INTEGRATION_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return INTEGRATION_OUT;
}
