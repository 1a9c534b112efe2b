/**
 * End-to-end tier: each test/e2e/*.test.ts (node:test) installs the packaged extension into its
 * own code-server and drives the workbench in Chromium. This runner checks what they need first
 * (Chromium, the VSIX, the cached code-server, installing it with progress if needed), then runs
 * them one file at a time.
 *
 * Usage: tsx test/support/runE2e.ts [test files…]   (after `npm run package`)
 * Env:   AGENTGATE_KEEP_RUNS=1 keeps each run's folder, AGENTGATE_HEADED=1 shows the browser.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { requireChromium } from './harness/browser';
import { REPO_ROOT, vsixPath } from './harness/config';
import { ensureTools } from './harness/install';
import { say, seconds } from './harness/progress';

const E2E_DIR = path.join(REPO_ROOT, 'test', 'e2e');
const TEST_TIMEOUT_MS = 180_000;

function testFiles(): string[] {
  const given = process.argv.slice(2);
  if (given.length > 0) return given;
  return readdirSync(E2E_DIR, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => path.join(E2E_DIR, name));
}

async function main(): Promise<number> {
  const started = performance.now();
  requireChromium();
  const vsix = await vsixPath();
  if (!existsSync(vsix)) throw new Error(`${path.basename(vsix)} is missing: run \`npm run package\` first (npm run test:e2e does).`);
  await ensureTools();
  const files = testFiles();
  say(`running ${files.length} end-to-end file(s) against ${path.basename(vsix)}…`);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', `--test-timeout=${TEST_TIMEOUT_MS}`, ...files],
      { cwd: REPO_ROOT, stdio: 'inherit' },
    );
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('close', (exitCode) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(exitCode ?? 1);
    });
  });
  say(`end-to-end tests exited with ${code} after ${seconds(started)}`);
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
