/**
 * Debian's Chromium driven by playwright-core, with a fresh profile inside the sandbox. Never a
 * Playwright browser download: CI machines get Chromium from apt (.ci/run).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { onCleanup } from './cleanup';
import { CHROMIUM_PATH } from './config';
import { type Sandbox } from './sandbox';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Fails with the exact install command when Chromium is missing (never a silent skip). */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}; the VS Code tests drive it. Install it with:\n` +
        '  sudo apt-get install chromium\n' +
        '(or set AGENTGATE_CHROMIUM to another Chromium executable).',
    );
  }
}

export async function launchBrowser(sandbox: Sandbox, options: { headless?: boolean } = {}): Promise<Browser> {
  requireChromium();
  const context = await chromium.launchPersistentContext(path.join(sandbox.root, 'chromium-profile'), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: options.headless ?? process.env.AGENTGATE_HEADED !== '1',
    env: sandbox.env,
    viewport: { width: 1280, height: 800 },
    // The harness stops the browser itself (after code-server's cleanup is registered).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= context.close().catch(() => undefined));
  const removeCleanup = onCleanup(close);
  return {
    context,
    page,
    close() {
      removeCleanup();
      return close();
    },
  };
}
