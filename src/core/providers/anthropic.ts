/** Claude through the Anthropic API (`POST /v1/messages`, SSE) with @anthropic-ai/sdk's MessageStream. */
import Anthropic from '@anthropic-ai/sdk';
import { classifyAnthropicError } from './anthropicErrors';
import type { ApiKeySource } from './credentials';
import type { ProviderProfile } from './failure';
import { anthropicFetchOptions, type ProxySettings } from './proxy';
import { messageParams } from './requestBody';
import { DEFAULT_RETRY, type RetryOptions } from './retry';
import { runStream } from './runStream';
import type { ModelMessage, ModelProvider, ModelRequest, StreamOptions } from './types';

export interface AnthropicProviderOptions {
  apiKey: ApiKeySource;
  /** Default https://api.anthropic.com. */
  baseURL?: string;
  customHeaders?: Record<string, string>;
  proxy?: ProxySettings;
  retry?: Partial<RetryOptions>;
  /** Longest wait for the response to start and between two events. */
  requestTimeoutMs: number;
}

const PROFILE: ProviderProfile = {
  label: 'the Anthropic API',
  authHint: "Check ANTHROPIC_API_KEY, the key stored with 'AgentGate: Set Anthropic API Key', or your apiKeyHelper.",
  classify: classifyAnthropicError,
};

export class AnthropicProvider implements ModelProvider {
  readonly name = 'anthropic' as const;
  private readonly client: Anthropic;
  private readonly retry: RetryOptions;

  constructor(private readonly options: AnthropicProviderOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    const fetchOptions = anthropicFetchOptions(options.proxy ?? {});
    this.client = new Anthropic({
      // Called before every attempt, so a refreshed helper key is picked up.
      apiKey: () => options.apiKey.get(),
      baseURL: options.baseURL ?? 'https://api.anthropic.com',
      maxRetries: 0,
      timeout: options.requestTimeoutMs,
      logLevel: 'off',
      ...(options.customHeaders && Object.keys(options.customHeaders).length > 0 ? { defaultHeaders: options.customHeaders } : {}),
      ...(fetchOptions ? { fetchOptions } : {}),
    });
  }

  stream(request: ModelRequest, options: StreamOptions): Promise<ModelMessage> {
    return runStream({
      profile: PROFILE,
      open: (signal) => this.client.messages.stream(messageParams(request), { signal }),
      stream: options,
      retry: this.retry,
      timeoutMs: this.options.requestTimeoutMs,
      credentials: this.options.apiKey,
    });
  }
}
