/** Hidden commands registered only in development and test runs (never in a packaged install). */
export const TEST_COMMANDS = {
  /** Handles a message as if the webview had sent it (same validation). */
  dispatch: '_agentgate.testing.dispatch',
  /** Returns the current permission mode. */
  mode: '_agentgate.testing.mode',
} as const;
