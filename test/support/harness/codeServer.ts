/**
 * code-server (the real VS Code server and web workbench) started from the cache, inside a
 * sandbox, detached in its own process group on a free 127.0.0.1 port.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { onCleanup } from './cleanup';
import { capture, run } from './exec';
import { freePort } from './freePort';
import { type Tools } from './install';
import { spawnGroup } from './processGroup';
import { say, seconds } from './progress';
import { type Sandbox } from './sandbox';

export interface CodeServerOptions {
  readonly tools: Tools;
  readonly sandbox: Sandbox;
  /** A fixed port (fails when taken); default: a free one. */
  readonly port?: number;
  /**
   * Enables the smoke-test driver, which makes the web client honour `extensionDevelopmentPath`
   * and `extensionTestsPath` in the URL's payload (and hides notification toasts).
   */
  readonly smokeTestDriver?: boolean;
}

export interface CodeServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly logFile: string;
  /** The workbench URL opening `folder`, with an optional smoke-test-driver payload. */
  workbenchUrl(folder: string, payload?: Readonly<Record<string, string>>): string;
  /** A `vscode-remote://` URI for a path on this server, as the payload needs. */
  remoteUri(absolutePath: string): string;
  /** Resolves when the server exits (by itself or by `stop`). */
  readonly exited: Promise<number | string | null>;
  /** The last lines of the server's log (for failure messages). */
  logTail(lines?: number): Promise<string>;
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 30_000;

function commonArgs(sandbox: Sandbox): string[] {
  return [
    '--user-data-dir', sandbox.userDataDir,
    '--extensions-dir', sandbox.extensionsDir,
    '--config', sandbox.configFile,
  ];
}

/** Installs a packaged extension (`.vsix`) into the sandbox's extensions folder. */
export async function installExtension(tools: Tools, sandbox: Sandbox, vsix: string): Promise<void> {
  const started = performance.now();
  const logFile = path.join(sandbox.logsDir, 'install-extension.log');
  await run(tools.node, [tools.codeServerEntry, ...commonArgs(sandbox), '--install-extension', vsix, '--force'], {
    env: sandbox.env,
    logFile,
  });
  say(`installed ${path.basename(vsix)} into code-server in ${seconds(started)}`);
}

/** The installed extensions as `publisher.name@version`, as code-server lists them. */
export async function listExtensions(tools: Tools, sandbox: Sandbox): Promise<string[]> {
  const out = await capture(tools.node, [tools.codeServerEntry, ...commonArgs(sandbox), '--list-extensions', '--show-versions'], sandbox.env);
  return out.split('\n').filter((line) => line.includes('@'));
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { tools, sandbox } = options;
  const started = performance.now();
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const logFile = path.join(sandbox.logsDir, 'code-server.log');
  const args = [
    tools.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    ...commonArgs(sandbox),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const group = spawnGroup(tools.node, args, { env: sandbox.env, cwd: sandbox.home, logFile });
  const removeCleanup = onCleanup(() => group.stop());
  const logTail = async (lines = 40) => {
    const text = await readFile(logFile, 'utf8').catch(() => '');
    return text.split('\n').slice(-lines).join('\n');
  };
  const server: CodeServer = {
    port,
    origin,
    logFile,
    exited: group.exit,
    workbenchUrl(folder, payload) {
      // Slashes stay readable in the folder path; everything else is encoded.
      let url = `${origin}/?folder=${encodeURIComponent(folder).replaceAll('%2F', '/')}`;
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(Object.entries(payload)))}`;
      return url;
    },
    remoteUri(absolutePath) {
      return `vscode-remote://127.0.0.1:${port}${absolutePath}`;
    },
    logTail,
    async stop() {
      removeCleanup();
      await group.stop();
    },
  };
  try {
    await waitForHealth(origin, () => group.exited);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- ${logFile} (last lines) ---\n${await logTail()}`, { cause: error });
  }
  say(`code-server ${origin} ready in ${seconds(started)}${options.smokeTestDriver ? ' (smoke-test driver on)' : ''}`);
  return server;
}

async function waitForHealth(origin: string, exited: () => boolean): Promise<void> {
  const deadline = performance.now() + HEALTH_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (exited()) throw new Error('code-server exited before it became healthy');
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${HEALTH_TIMEOUT_MS / 1000} s`);
}
