/**
 * The providers' public surface:
 *   const config = resolveProviderConfig(mergedEnv, { model });   // throws ProviderError('config')
 *   const provider = createModelProvider(config, { env: mergedEnv, cwd, apiKeyHelper, storedApiKey });
 *   const message = await provider.stream(request, { signal, onEvent });
 */
export { AnthropicProvider, type AnthropicProviderOptions } from './anthropic';
export { BedrockProvider, type BedrockProviderOptions } from './bedrock';
export {
  resolveProviderConfig,
  selectProvider,
  type AnthropicConfig,
  type BedrockAuth,
  type BedrockConfig,
  type Env,
  type ProviderConfig,
  type ResolveOptions,
  type VertexConfig,
} from './config';
export { createModelProvider, type ProviderDeps } from './createProvider';
export { apiKeySource, NO_API_KEY_MESSAGE, type ApiKeySource, type ApiKeySourceOptions } from './credentials';
export { describeProviderConfig, PROVIDER_LABELS } from './describeConfig';
export { DEFAULT_MODELS, familyModels, resolveModel, type ModelFamily } from './models';
export { DEFAULT_RETRY, type RetryInfo, type RetryOptions } from './retry';
export * from './types';
export { VertexProvider, type GoogleAuthClient, type VertexProviderOptions } from './vertex';
