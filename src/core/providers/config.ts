/**
 * Which provider to use and its settings, from the environment variables teams already use with
 * Claude Code. The caller passes one merged record (process env plus the settings' `env` key,
 * already trust-gated); nothing here reads `process.env`.
 */
import { familyModels, resolveModel, type ModelFamily } from './models';
import { proxySettings, type ProxySettings } from './proxy';
import { ProviderError, type ProviderName } from './types';

export type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_API_KEY_HELPER_TTL_MS = 5 * 60_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_VERTEX_REGION = 'us-east5';

interface CommonConfig {
  /** The model of the session, in this provider's naming. */
  model: string;
  /** Model id per family, for aliases (`opus`, `sonnet`, `haiku`). */
  models: Record<ModelFamily, string>;
  /** Longest wait for the next piece of a response (API_TIMEOUT_MS). */
  requestTimeoutMs: number;
  proxy: ProxySettings;
}

export interface AnthropicConfig extends CommonConfig {
  provider: 'anthropic';
  /** ANTHROPIC_API_KEY. Absent: the apiKeyHelper or the stored key supply it. */
  apiKey?: string;
  baseURL?: string;
  /** ANTHROPIC_CUSTOM_HEADERS, one `Name: value` per line. */
  customHeaders: Record<string, string>;
  apiKeyHelperTtlMs: number;
}

export type BedrockAuth =
  | { type: 'bearer'; token: string }
  | { type: 'skip' }
  | { type: 'static'; accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  /** The AWS default credential chain (SSO, profiles, instance roles), with AWS_PROFILE when set. */
  | { type: 'chain'; profile?: string };

export interface BedrockConfig extends CommonConfig {
  provider: 'bedrock';
  region: string;
  baseURL?: string;
  auth: BedrockAuth;
}

export interface VertexConfig extends CommonConfig {
  provider: 'vertex';
  projectId: string;
  region: string;
  baseURL?: string;
  /** CLAUDE_CODE_SKIP_VERTEX_AUTH: a gateway adds the credentials. */
  skipAuth: boolean;
  /** GOOGLE_APPLICATION_CREDENTIALS from the merged environment, for application default credentials. */
  credentialsFile?: string;
}

export type ProviderConfig = AnthropicConfig | BedrockConfig | VertexConfig;

export interface ResolveOptions {
  /** A model chosen for this session (e.g. `--model`): wins over ANTHROPIC_MODEL. Aliases allowed. */
  model?: string;
}

export function isTruthy(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function url(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new ProviderError('config', `${name} must be an http(s) URL, for example https://gateway.example.com (got "${raw}").`);
  }
  return raw.replace(/\/+$/, '');
}

function milliseconds(env: Env, name: string, fallback: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new ProviderError('config', `${name} must be a whole number of milliseconds greater than 0 (got "${raw}").`);
  }
  return parsed;
}

function customHeaders(env: Env): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of (env.ANTHROPIC_CUSTOM_HEADERS ?? '').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function selectProvider(env: Env): ProviderName {
  const bedrock = isTruthy(env.CLAUDE_CODE_USE_BEDROCK);
  const vertex = isTruthy(env.CLAUDE_CODE_USE_VERTEX);
  if (bedrock && vertex) {
    throw new ProviderError('config', 'Both CLAUDE_CODE_USE_BEDROCK and CLAUDE_CODE_USE_VERTEX are set: set only the one for the provider you use.');
  }
  return bedrock ? 'bedrock' : vertex ? 'vertex' : 'anthropic';
}

function common(provider: ProviderName, env: Env, options: ResolveOptions): CommonConfig {
  const models = familyModels(provider, env);
  return {
    model: resolveModel(options.model ?? value(env, 'ANTHROPIC_MODEL'), models),
    models,
    requestTimeoutMs: milliseconds(env, 'API_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS),
    proxy: proxySettings(env),
  };
}

function bedrockAuth(env: Env): BedrockAuth {
  if (isTruthy(env.CLAUDE_CODE_SKIP_BEDROCK_AUTH)) return { type: 'skip' };
  const token = value(env, 'AWS_BEARER_TOKEN_BEDROCK');
  if (token !== undefined) return { type: 'bearer', token };
  const accessKeyId = value(env, 'AWS_ACCESS_KEY_ID');
  const secretAccessKey = value(env, 'AWS_SECRET_ACCESS_KEY');
  if (accessKeyId !== undefined && secretAccessKey !== undefined) {
    const sessionToken = value(env, 'AWS_SESSION_TOKEN');
    return sessionToken === undefined ? { type: 'static', accessKeyId, secretAccessKey } : { type: 'static', accessKeyId, secretAccessKey, sessionToken };
  }
  const profile = value(env, 'AWS_PROFILE');
  return profile === undefined ? { type: 'chain' } : { type: 'chain', profile };
}

/** Throws ProviderError('config') with what to set when something required is missing or malformed. */
export function resolveProviderConfig(env: Env, options: ResolveOptions = {}): ProviderConfig {
  const provider = selectProvider(env);
  switch (provider) {
    case 'anthropic': {
      const config: AnthropicConfig = {
        provider,
        ...common(provider, env, options),
        customHeaders: customHeaders(env),
        apiKeyHelperTtlMs: milliseconds(env, 'CLAUDE_CODE_API_KEY_HELPER_TTL_MS', DEFAULT_API_KEY_HELPER_TTL_MS),
      };
      const apiKey = value(env, 'ANTHROPIC_API_KEY');
      const baseURL = url(env, 'ANTHROPIC_BASE_URL');
      if (apiKey !== undefined) config.apiKey = apiKey;
      if (baseURL !== undefined) config.baseURL = baseURL;
      return config;
    }
    case 'bedrock': {
      const region = value(env, 'AWS_REGION') ?? value(env, 'AWS_DEFAULT_REGION');
      if (region === undefined) {
        throw new ProviderError('config', 'Amazon Bedrock needs a region: set AWS_REGION (for example us-east-1) alongside CLAUDE_CODE_USE_BEDROCK=1.');
      }
      const config: BedrockConfig = { provider, ...common(provider, env, options), region, auth: bedrockAuth(env) };
      const baseURL = url(env, 'ANTHROPIC_BEDROCK_BASE_URL');
      if (baseURL !== undefined) config.baseURL = baseURL;
      return config;
    }
    case 'vertex': {
      const projectId = value(env, 'ANTHROPIC_VERTEX_PROJECT_ID');
      if (projectId === undefined) {
        throw new ProviderError('config', 'Google Vertex AI needs a project: set ANTHROPIC_VERTEX_PROJECT_ID to your Google Cloud project id alongside CLAUDE_CODE_USE_VERTEX=1.');
      }
      const config: VertexConfig = {
        provider,
        ...common(provider, env, options),
        projectId,
        region: value(env, 'CLOUD_ML_REGION') ?? DEFAULT_VERTEX_REGION,
        skipAuth: isTruthy(env.CLAUDE_CODE_SKIP_VERTEX_AUTH),
      };
      const baseURL = url(env, 'ANTHROPIC_VERTEX_BASE_URL');
      const credentialsFile = value(env, 'GOOGLE_APPLICATION_CREDENTIALS');
      if (baseURL !== undefined) config.baseURL = baseURL;
      if (credentialsFile !== undefined) config.credentialsFile = credentialsFile;
      return config;
    }
  }
}
