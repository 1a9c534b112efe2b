/**
 * The VS Code web workbench as seen from Playwright: waiting for it, running commands, opening
 * AgentGate's view and reaching into its webview (two nested iframes).
 */
import { type FrameLocator, type Page } from 'playwright-core';
import { EXTENSION_ID } from './config';

/** The AgentGate view container's tab in the activity bar (its accessible name is its title). */
export function agentGateTab(page: Page) {
  return page.getByRole('tab', { name: /^AgentGate/ });
}

/** Waits until the workbench has restored and AgentGate's activity bar tab is shown. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
  await agentGateTab(page).waitFor({ timeout: timeoutMs });
}

/** Runs a command from the command palette (F1), by its label as shown there. */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
  await input.press('Enter');
}

/** Opens AgentGate's view from its activity bar tab (leaves it open when already selected). */
export async function openAgentGateView(page: Page): Promise<void> {
  const tab = agentGateTab(page);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  // Move the pointer to the editor area so the tab's hover never covers the panel in screenshots.
  const viewport = page.viewportSize();
  if (viewport) await page.mouse.move(viewport.width * 0.65, viewport.height / 2);
}

/** A status bar entry by its visible text (e.g. "AgentGate: Plan"). */
export function statusBarItem(page: Page, text: string | RegExp) {
  return page.locator('.statusbar-item', { hasText: text });
}

/**
 * The document inside AgentGate's webview: the outer `iframe.webview` VS Code creates for the
 * extension, then the `#active-frame` holding the extension's HTML. Use role-based locators on it.
 */
export function agentGateWebview(page: Page): FrameLocator {
  return page
    .locator(`iframe.webview.ready[src*="extensionId=${EXTENSION_ID}"]`)
    .contentFrame()
    .locator('iframe#active-frame')
    .contentFrame();
}
