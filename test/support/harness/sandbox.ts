/**
 * A fresh folder per run under the cache holding everything code-server, its extension hosts and
 * Chromium write: HOME, TMPDIR, the XDG folders, the user-data and extensions folders and the
 * config file. The developer's own settings (including ~/.claude) never leak into a test, and a
 * test never writes outside the cache.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onCleanup } from './cleanup';
import { FileTrustStore } from '../../../src/core/trust/trustStore';
import { CACHE_DIR, RUNS_DIR, SAMPLE_WORKSPACE } from './config';
import { inheritedEnv } from './env';

export interface Sandbox {
  readonly root: string;
  readonly home: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly configFile: string;
  readonly logsDir: string;
  /** The environment for every process started inside the sandbox. */
  readonly env: NodeJS.ProcessEnv;
  /** Deletes the sandbox (kept when persistent or AGENTGATE_KEEP_RUNS=1). */
  remove(): Promise<void>;
}

export interface SandboxOptions {
  /** Settings merged over SEEDED_SETTINGS (e.g. a scenario's model endpoint). */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Extra environment for code-server, its extension hosts and the browser. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Keep the sandbox across runs at `<cache>/<label>` (for `npm start`); the default is a fresh
   * folder per run under `<cache>/runs/`, deleted by `remove()`.
   */
  readonly persistent?: boolean;
  /**
   * Folders AgentGate trusts from the start (written to the sandbox's ~/.agentgate/trust.json;
   * trust covers subfolders). Default: the sample workspace and the sandbox itself (scenarios
   * copy their workspace into it), so tests about other things never meet the trust dialog; none
   * for a persistent sandbox. Pass [] to test the dialog.
   */
  readonly trustedFolders?: readonly string[];
}

/** User settings for a quiet, deterministic workbench: nothing phones home, nothing pops up. */
export const SEEDED_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'telemetry.feedback.enabled': false,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'chat.agent.enabled': false,
  'github.copilot.enable': { '*': false },
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'git.autoRepositoryDetection': false,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Unix socket paths are limited to 107 bytes. VS Code puts `vscode-ipc-<uuid>.sock` (53 bytes
 * with the slash) in XDG_RUNTIME_DIR and Chromium `org.chromium.Chromium.XXXXXX/SingletonSocket`
 * (45) in TMPDIR, so those two folders live under a short `<cache>/t/<id>/` rather than in the
 * run's folder, or, when even that is too deep, in a private folder of the system's temporary
 * folder. Either is deleted with the sandbox, and on Ctrl-C.
 */
const SOCKET_DIR_MAX = 107 - 53;
const SOCKETS_DIR = path.join(CACHE_DIR, 't');

async function createSocketsRoot(id: string): Promise<string> {
  const inCache = path.join(SOCKETS_DIR, id);
  if (path.join(inCache, 'run').length <= SOCKET_DIR_MAX) {
    await mkdir(inCache, { recursive: true });
    return inCache;
  }
  return mkdtemp(path.join(os.tmpdir(), 'agentgate-'));
}

export async function createSandbox(label: string, options: SandboxOptions = {}): Promise<Sandbox> {
  await pruneOldRuns();
  const id = randomBytes(2).toString('hex');
  const root = options.persistent ? path.join(CACHE_DIR, label) : path.join(RUNS_DIR, `${label}-${id}`);
  const dir = (...parts: string[]) => path.join(root, ...parts);
  for (const folder of ['home', 'xdg/config', 'xdg/data', 'xdg/cache', 'xdg/state', 'user-data/User', 'extensions', 'logs']) {
    await mkdir(dir(folder), { recursive: true });
  }
  const socketsRoot = await createSocketsRoot(options.persistent ? label : id);
  const removeSockets = () => rm(socketsRoot, { recursive: true, force: true });
  const unregister = onCleanup(removeSockets);
  const tmp = path.join(socketsRoot, 'tmp');
  const runtime = path.join(socketsRoot, 'run');
  await mkdir(tmp, { recursive: true });
  await mkdir(runtime, { recursive: true });
  await chmod(runtime, 0o700);

  const trust = FileTrustStore.forHome(dir('home'));
  for (const folder of options.trustedFolders ?? (options.persistent ? [] : [SAMPLE_WORKSPACE, root])) await trust.setTrusted(folder, true);

  const settingsFile = dir('user-data', 'User', 'settings.json');
  if (!options.persistent || !existsSync(settingsFile)) {
    await writeFile(settingsFile, `${JSON.stringify({ ...SEEDED_SETTINGS, ...options.settings }, null, 2)}\n`);
  }
  // Only read for defaults the command line does not give; the flags win.
  await writeFile(dir('code-server.yaml'), 'auth: none\ncert: false\n');
  const env: NodeJS.ProcessEnv = {
    ...inheritedEnv(),
    HOME: dir('home'),
    TMPDIR: tmp,
    XDG_CONFIG_HOME: dir('xdg', 'config'),
    XDG_DATA_HOME: dir('xdg', 'data'),
    XDG_CACHE_HOME: dir('xdg', 'cache'),
    XDG_STATE_HOME: dir('xdg', 'state'),
    XDG_RUNTIME_DIR: runtime,
    ...options.env,
  };
  return {
    root,
    home: dir('home'),
    userDataDir: dir('user-data'),
    extensionsDir: dir('extensions'),
    configFile: dir('code-server.yaml'),
    logsDir: dir('logs'),
    env,
    async remove() {
      unregister();
      await removeSockets();
      if (!options.persistent && process.env.AGENTGATE_KEEP_RUNS !== '1') await rm(root, { recursive: true, force: true });
    },
  };
}

/** Deletes sandboxes older than a day (kept ones, and ones left by a killed run). */
async function pruneOldRuns(): Promise<void> {
  for (const parent of [RUNS_DIR, SOCKETS_DIR]) {
    const names = await readdir(parent).catch(() => []);
    for (const name of names) {
      const folder = path.join(parent, name);
      const { mtimeMs } = await stat(folder);
      if (Date.now() - mtimeMs > DAY_MS) await rm(folder, { recursive: true, force: true });
    }
  }
}
