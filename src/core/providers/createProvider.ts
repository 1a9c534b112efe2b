/**
 * Builds the ModelProvider a resolved configuration asks for, with the credentials the host
 * supplies (stored key, apiKeyHelper setting, Google auth client).
 */
import { AnthropicProvider } from './anthropic';
import { BedrockProvider } from './bedrock';
import type { Env, ProviderConfig } from './config';
import { apiKeySource, type ApiKeySourceOptions } from './credentials';
import type { RetryOptions } from './retry';
import type { ModelProvider } from './types';
import { VertexProvider, type GoogleAuthClient } from './vertex';

export interface ProviderDeps {
  /** The merged environment (the apiKeyHelper runs with it). */
  env: Env;
  /** Where the apiKeyHelper runs: the project root. */
  cwd: string;
  /** The `apiKeyHelper` setting (Anthropic API only). */
  apiKeyHelper?: string;
  /** The key stored by the person (VS Code secret storage); undefined when none. */
  storedApiKey?: () => Promise<string | undefined>;
  /** Vertex credentials to use instead of application default credentials. */
  googleAuthClient?: GoogleAuthClient;
  /** Retry policy overrides (delays, caps, an onRetry hook for the UI). */
  retry?: Partial<RetryOptions>;
}

export function createModelProvider(config: ProviderConfig, deps: ProviderDeps): ModelProvider {
  const shared = { proxy: config.proxy, requestTimeoutMs: config.requestTimeoutMs, ...(deps.retry ? { retry: deps.retry } : {}) };
  switch (config.provider) {
    case 'anthropic': {
      const keys: ApiKeySourceOptions = {};
      if (config.apiKey !== undefined) keys.envKey = config.apiKey;
      if (deps.apiKeyHelper !== undefined && deps.apiKeyHelper.trim() !== '') {
        keys.helper = { command: deps.apiKeyHelper, ttlMs: config.apiKeyHelperTtlMs, cwd: deps.cwd, env: deps.env };
      }
      if (deps.storedApiKey) keys.storedKey = deps.storedApiKey;
      return new AnthropicProvider({
        ...shared,
        apiKey: apiKeySource(keys),
        customHeaders: config.customHeaders,
        ...(config.baseURL !== undefined ? { baseURL: config.baseURL } : {}),
      });
    }
    case 'bedrock':
      return new BedrockProvider({
        ...shared,
        region: config.region,
        auth: config.auth,
        ...(config.baseURL !== undefined ? { baseURL: config.baseURL } : {}),
      });
    case 'vertex':
      return new VertexProvider({
        ...shared,
        projectId: config.projectId,
        region: config.region,
        skipAuth: config.skipAuth,
        ...(config.baseURL !== undefined ? { baseURL: config.baseURL } : {}),
        ...(config.credentialsFile !== undefined ? { credentialsFile: config.credentialsFile } : {}),
        ...(deps.googleAuthClient ? { authClient: deps.googleAuthClient } : {}),
      });
  }
}
