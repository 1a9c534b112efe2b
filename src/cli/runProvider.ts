import { AnthropicProvider } from '../core/providers/anthropic';
import { BedrockProvider } from '../core/providers/bedrock';
import type { Env, ProviderConfig } from '../core/providers/config';
import { apiKeySource, type ApiKeySource } from '../core/providers/credentials';
import type { ModelProvider } from '../core/providers/types';
import { VertexProvider } from '../core/providers/vertex';

export interface CliProvider {
  provider: ModelProvider;
  /** The API key source (Anthropic only): the keys it handed out are never written anywhere. */
  apiKey?: ApiKeySource;
}

/** Builds the configured provider for the command line (no stored key: there is no secret storage). */
export function providerFromConfig(config: ProviderConfig, options: { apiKeyHelper?: string; cwd: string; env: Env }): CliProvider {
  switch (config.provider) {
    case 'anthropic': {
      const apiKey = apiKeySource({
        ...(config.apiKey === undefined ? {} : { envKey: config.apiKey }),
        ...(options.apiKeyHelper === undefined ? {} : { helper: { command: options.apiKeyHelper, ttlMs: config.apiKeyHelperTtlMs, cwd: options.cwd, env: options.env } }),
      });
      const provider = new AnthropicProvider({
        apiKey,
        customHeaders: config.customHeaders,
        proxy: config.proxy,
        requestTimeoutMs: config.requestTimeoutMs,
        ...(config.baseURL === undefined ? {} : { baseURL: config.baseURL }),
      });
      return { provider, apiKey };
    }
    case 'bedrock':
      return {
        provider: new BedrockProvider({
          region: config.region,
          auth: config.auth,
          proxy: config.proxy,
          requestTimeoutMs: config.requestTimeoutMs,
          ...(config.baseURL === undefined ? {} : { baseURL: config.baseURL }),
        }),
      };
    case 'vertex':
      return {
        provider: new VertexProvider({
          projectId: config.projectId,
          region: config.region,
          skipAuth: config.skipAuth,
          proxy: config.proxy,
          requestTimeoutMs: config.requestTimeoutMs,
          ...(config.baseURL === undefined ? {} : { baseURL: config.baseURL }),
          ...(config.credentialsFile === undefined ? {} : { credentialsFile: config.credentialsFile }),
        }),
      };
  }
}
