/** The Anthropic API key in VS Code's secret storage (the OS keychain): never in a file or log. */
import * as vscode from 'vscode';

export const API_KEY_SECRET = 'agentgate.anthropicApiKey';

export class ApiKeyStore {
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.onDidChange = (listener, thisArgs, disposables) =>
      secrets.onDidChange((event) => {
        if (event.key === API_KEY_SECRET) listener.call(thisArgs);
      }, undefined, disposables);
  }

  async get(): Promise<string | undefined> {
    const key = (await this.secrets.get(API_KEY_SECRET))?.trim();
    return key ? key : undefined;
  }

  /** Asks for a key and stores it; returns false when the person cancelled. */
  async promptAndStore(): Promise<boolean> {
    const key = await vscode.window.showInputBox({
      title: 'AgentGate: Set Anthropic API Key',
      prompt: 'Stored in VS Code’s secret storage on this machine. ANTHROPIC_API_KEY in the environment and apiKeyHelper take precedence.',
      placeHolder: 'sk-ant-…',
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? 'Paste the API key.' : /\s/.test(value.trim()) ? 'An API key has no spaces.' : undefined),
    });
    if (key === undefined) return false;
    await this.secrets.store(API_KEY_SECRET, key.trim());
    return true;
  }

  async clear(): Promise<void> {
    await this.secrets.delete(API_KEY_SECRET);
  }
}
