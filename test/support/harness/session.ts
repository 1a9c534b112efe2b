/**
 * One workbench for a test scenario: a sandbox, code-server (optionally with the packaged
 * extension installed) and Chromium with a fresh profile. Close it in the scenario's `after`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type FrameLocator, type Page } from 'playwright-core';
import { type Browser, launchBrowser } from './browser';
import { type CodeServer, installExtension, startCodeServer } from './codeServer';
import { REPO_ROOT, SAMPLE_WORKSPACE } from './config';
import { ensureTools } from './install';
import { type Sandbox, type SandboxOptions, createSandbox } from './sandbox';
import { agentGateWebview, waitForWorkbench } from './workbench';

export interface WorkbenchOptions extends SandboxOptions {
  /** Names the sandbox folder and the screenshots' folder (e.g. the scenario). */
  readonly label: string;
  /** Install this packaged extension (`.vsix`) before starting. */
  readonly vsix?: string;
  readonly smokeTestDriver?: boolean;
  readonly port?: number;
}

export interface Workbench {
  readonly sandbox: Sandbox;
  readonly server: CodeServer;
  readonly browser: Browser;
  readonly page: Page;
  /** Loads the workbench on `folder` (default: the sample workspace) and waits until it is ready. */
  open(folder?: string): Promise<void>;
  /** AgentGate's webview document (see workbench.ts). */
  webview(): FrameLocator;
  /** Saves a full-page screenshot to test-results/<label>/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Stops the browser and code-server and deletes the sandbox (unless `keepSandbox`). */
  close(options?: { keepSandbox?: boolean }): Promise<void>;
}

export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const tools = await ensureTools();
  const sandbox = await createSandbox(options.label, options);
  const started: { server?: CodeServer; browser?: Browser } = {};
  const close = async ({ keepSandbox = false } = {}) => {
    await started.browser?.close();
    await started.server?.stop();
    if (!keepSandbox) await sandbox.remove();
  };
  try {
    if (options.vsix) await installExtension(tools, sandbox, options.vsix);
    started.server = await startCodeServer({ tools, sandbox, port: options.port, smokeTestDriver: options.smokeTestDriver });
    started.browser = await launchBrowser(sandbox);
  } catch (error) {
    await close({ keepSandbox: true });
    throw new Error(`${(error as Error).message}\n(run folder kept: ${sandbox.root})`, { cause: error });
  }
  const { server, browser } = started;
  const { page } = browser;
  return {
    sandbox,
    server,
    browser,
    page,
    async open(folder = SAMPLE_WORKSPACE) {
      await page.goto(server.workbenchUrl(folder));
      await waitForWorkbench(page);
    },
    webview: () => agentGateWebview(page),
    async screenshot(name) {
      const dir = path.join(RESULTS_DIR, options.label);
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    close,
  };
}
