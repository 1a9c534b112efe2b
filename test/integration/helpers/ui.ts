/**
 * Acting on AgentGate's real webview from an integration test, through the runner's UI bridge
 * (test/support/harness/uiBridge.ts). Only `npm run test:integration` provides it: under
 * `npm run test:electron` `ui.available` is false and tests that need it skip with a reason.
 */
type Role = 'button' | 'status' | 'heading' | 'textbox' | 'checkbox' | 'link' | 'dialog' | 'alert' | 'listitem';

const bridge = process.env.AGENTGATE_UI_BRIDGE;

async function call(action: string, role: Role, name?: string): Promise<{ text?: string }> {
  if (!bridge) throw new Error('no UI bridge: run through `npm run test:integration`');
  const response = await fetch(`${bridge}/webview/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, name }),
  });
  const result = (await response.json()) as { ok: boolean; error?: string; text?: string };
  if (!result.ok) throw new Error(`webview ${action} ${role}${name ? ` "${name}"` : ''}: ${result.error}`);
  return result;
}

export const ui = {
  available: bridge !== undefined,
  /** Clicks the webview element with this role and exact accessible name. */
  click: (role: Role, name: string) => call('click', role, name).then(() => undefined),
  /** The visible text of the first webview element with this role (and name). */
  text: (role: Role, name?: string) => call('text', role, name).then((result) => result.text ?? ''),
};
