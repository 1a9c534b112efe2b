/** A readable summary of a provider configuration (for `agentgate check`, the panel): never a secret. */
import type { BedrockAuth, ProviderConfig } from './config';

export const PROVIDER_LABELS = { anthropic: 'Anthropic API', bedrock: 'Amazon Bedrock', vertex: 'Google Vertex AI' } as const;

function bedrockAuthText(auth: BedrockAuth): string {
  switch (auth.type) {
    case 'bearer':
      return 'Bedrock API key (AWS_BEARER_TOKEN_BEDROCK)';
    case 'skip':
      return 'none (CLAUDE_CODE_SKIP_BEDROCK_AUTH)';
    case 'static':
      return 'AWS access keys from the environment';
    case 'chain':
      return auth.profile ? `AWS profile "${auth.profile}"` : 'AWS default credential chain';
  }
}

/** `[label, value]` pairs describing `config`. */
export function describeProviderConfig(config: ProviderConfig): [string, string][] {
  const lines: [string, string][] = [
    ['Provider', PROVIDER_LABELS[config.provider]],
    ['Model', config.model],
  ];
  switch (config.provider) {
    case 'anthropic':
      lines.push(['Endpoint', config.baseURL ?? 'https://api.anthropic.com']);
      lines.push(['API key', config.apiKey ? 'from ANTHROPIC_API_KEY' : 'from apiKeyHelper or the stored key']);
      break;
    case 'bedrock':
      lines.push(['Region', config.region]);
      if (config.baseURL) lines.push(['Endpoint', config.baseURL]);
      lines.push(['Credentials', bedrockAuthText(config.auth)]);
      break;
    case 'vertex':
      lines.push(['Project', config.projectId], ['Region', config.region]);
      if (config.baseURL) lines.push(['Endpoint', config.baseURL]);
      lines.push(['Credentials', config.skipAuth ? 'none (CLAUDE_CODE_SKIP_VERTEX_AUTH)' : 'Google application default credentials']);
      break;
  }
  const proxy = config.proxy.httpsProxy ?? config.proxy.httpProxy;
  if (proxy) lines.push(['Proxy', redactUserinfo(proxy)]);
  return lines;
}

/** Proxy URLs may carry a password. */
function redactUserinfo(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = '***';
      parsed.password = '';
    }
    return parsed.toString();
  } catch {
    return '(set)';
  }
}
