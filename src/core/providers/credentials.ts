/**
 * Where the Anthropic API key comes from, in Claude Code's order: ANTHROPIC_API_KEY, then the
 * `apiKeyHelper` command, then the key the person stored (the extension passes VS Code secret
 * storage). Only the helper can be refreshed after a 401.
 */
import { ApiKeyHelper, type ApiKeyHelperOptions } from './apiKeyHelper';
import { ProviderError } from './types';

export interface ApiKeySource {
  /** The key for the next attempt. Rejects with ProviderError('config' | 'auth'). */
  get(): Promise<string>;
  /** After a 401: drops a cached key that can be fetched again. False when a retry cannot help. */
  refresh(): boolean;
  /** The keys handed out so far, so error text can be scrubbed of them. Never logged. */
  secrets(): readonly string[];
}

export interface ApiKeySourceOptions {
  /** ANTHROPIC_API_KEY from the merged environment. */
  envKey?: string;
  /** The `apiKeyHelper` setting, with how to run it. */
  helper?: Omit<ApiKeyHelperOptions, 'now'> & { now?: () => number };
  /** A stored key (e.g. VS Code secret storage); undefined when none is stored. */
  storedKey?: () => Promise<string | undefined>;
}

export const NO_API_KEY_MESSAGE =
  "No Anthropic API key: set ANTHROPIC_API_KEY, store a key with the 'AgentGate: Set Anthropic API Key' command, or configure apiKeyHelper.";

export function apiKeySource(options: ApiKeySourceOptions): ApiKeySource {
  const seen = new Set<string>();
  const remember = (key: string): string => {
    seen.add(key);
    return key;
  };
  const secrets = (): readonly string[] => [...seen];

  if (options.envKey) {
    const key = remember(options.envKey);
    return { get: () => Promise.resolve(key), refresh: () => false, secrets };
  }
  if (options.helper) {
    const helper = new ApiKeyHelper(options.helper);
    return {
      get: async () => remember(await helper.get()),
      refresh: () => {
        helper.invalidate();
        return true;
      },
      secrets,
    };
  }
  const stored = options.storedKey;
  return {
    get: async () => {
      let key: string | undefined;
      try {
        key = (await stored?.())?.trim();
      } catch {
        throw new ProviderError('config', `Could not read the stored API key. ${NO_API_KEY_MESSAGE}`);
      }
      if (!key) throw new ProviderError('config', NO_API_KEY_MESSAGE);
      return remember(key);
    },
    refresh: () => false,
    secrets,
  };
}

/** Replaces every known secret in `text`; short strings are left alone to avoid mangling words. */
export function scrub(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length >= 8) result = result.split(secret).join('[redacted]');
  return result;
}
