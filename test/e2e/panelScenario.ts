/**
 * One end-to-end scenario of the panel: a scripted Anthropic model server, code-server with the
 * packaged extension pointed at it (ANTHROPIC_BASE_URL and a test key in its environment), a
 * fresh copy of the sample workspace, and the AgentGate view open.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type FrameLocator, type Locator, type Page } from 'playwright-core';
import { SAMPLE_WORKSPACE, vsixPath } from '../support/harness/config';
import { eventually } from '../support/harness/expect';
import { type Workbench, startWorkbench } from '../support/harness/session';
import { openAgentGateView } from '../support/harness/workbench';
import { startModelServer, type ModelServer, type ScriptStep } from '../support/modelServers';

export interface PanelScenario {
  readonly server: ModelServer;
  readonly workbench: Workbench;
  readonly page: Page;
  /** The workspace folder (a copy of the sample workspace inside the run's sandbox). */
  readonly workspace: string;
  panel(): FrameLocator;
  /** Types a prompt into the composer and sends it with Enter. */
  send(text: string): Promise<void>;
  /** Waits until the agent has finished its turn (the Stop button is gone). */
  idle(): Promise<void>;
  /** Waits until the model server has received `count` requests. */
  requests(count: number): Promise<void>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface PanelScenarioOptions {
  /** Folders AgentGate trusts from the start (default: the sandbox, so the workspace copy). */
  trustedFolders?: readonly string[];
  /** Files written into the workspace copy before it opens (path relative to it → content). */
  files?: Readonly<Record<string, string>>;
}

export async function startPanelScenario(label: string, script: readonly ScriptStep[], options: PanelScenarioOptions = {}): Promise<PanelScenario> {
  const server = await startModelServer('anthropic', script);
  let workbench: Workbench;
  try {
    workbench = await startWorkbench({ label, vsix: await vsixPath(), env: server.env, ...(options.trustedFolders ? { trustedFolders: options.trustedFolders } : {}) });
  } catch (error) {
    await server.close();
    throw error;
  }
  const workspace = path.join(workbench.sandbox.root, 'workspace');
  await cp(SAMPLE_WORKSPACE, workspace, { recursive: true });
  for (const [name, content] of Object.entries(options.files ?? {})) {
    await mkdir(path.dirname(path.join(workspace, name)), { recursive: true });
    await writeFile(path.join(workspace, name), content);
  }
  await workbench.open(workspace);
  await openAgentGateView(workbench.page);
  // Move the pointer off the activity bar so its hover never covers the panel in screenshots.
  await workbench.page.mouse.move(800, 500);
  const panel = () => workbench.webview();
  const composer = () => panel().getByRole('textbox', { name: 'Message to AgentGate' });
  await composer().waitFor({ timeout: 60_000 });
  await eventually(() => panel().locator('body').getAttribute('data-connected'), (value) => value === 'true', 'the panel to connect');
  return {
    server,
    workbench,
    page: workbench.page,
    workspace,
    panel,
    async send(text) {
      await composer().fill(text);
      await composer().press('Enter');
    },
    async idle() {
      await eventually(() => panel().locator('body').getAttribute('data-busy'), (value) => value === 'false', 'the agent to finish its turn', 60_000);
    },
    async requests(count) {
      await eventually(async () => server.requests.length, (n) => n >= count, `${count} model requests`, 60_000);
    },
    screenshot: (name) => workbench.screenshot(name),
    async close() {
      await workbench.close();
      await server.close();
    },
  };
}

/** A button in the editor title area (e.g. the diff editor's "Accept"). */
export function editorTitleButton(page: Page, name: RegExp): Locator {
  return page.locator('.editor-actions').getByRole('button', { name }).first();
}

/** The text of the last request the model received, for checking what it was told. */
export function lastRequestText(server: ModelServer): string {
  return server.requests.at(-1)?.rawBody ?? '';
}
