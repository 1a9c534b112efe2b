/**
 * Whether a model provider is configured, said in words the panel can show. Pure: the caller
 * passes the merged environment and whether a key is stored.
 */
import { resolveProviderConfig, type ProviderConfig } from '../../core/providers/config';
import type { SetupStatus } from '../../protocol/messages';

export interface ProviderFacts {
  env: Readonly<Record<string, string | undefined>>;
  storedKey: boolean;
  apiKeyHelper: boolean;
}

function label(config: ProviderConfig, facts: ProviderFacts): string {
  switch (config.provider) {
    case 'bedrock':
      return `Amazon Bedrock (${config.region}), model ${config.model}`;
    case 'vertex':
      return `Google Vertex AI (${config.projectId}, ${config.region}), model ${config.model}`;
    case 'anthropic': {
      const key = config.apiKey ? 'ANTHROPIC_API_KEY' : facts.apiKeyHelper ? 'apiKeyHelper' : 'key in secret storage';
      const endpoint = config.baseURL ? ` via ${config.baseURL}` : '';
      return `Anthropic API (${key})${endpoint}, model ${config.model}`;
    }
  }
}

export function providerStatus(facts: ProviderFacts): SetupStatus['provider'] {
  let config: ProviderConfig;
  try {
    config = resolveProviderConfig(facts.env);
  } catch (error) {
    return { configured: false, problem: error instanceof Error ? error.message : String(error) };
  }
  if (config.provider === 'anthropic' && !config.apiKey && !facts.apiKeyHelper && !facts.storedKey) {
    return { configured: false, problem: 'No Anthropic API key is set, and neither Amazon Bedrock nor Google Vertex AI is configured.' };
  }
  return { configured: true, label: label(config, facts) };
}
