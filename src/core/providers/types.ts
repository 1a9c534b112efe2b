import type Anthropic from '@anthropic-ai/sdk';

/**
 * The seam between the agent loop and the three providers. Every provider speaks Anthropic's
 * Messages API shapes (Bedrock's InvokeModelWithResponseStream and Vertex's streamRawPredict carry
 * the same body and events), so the loop sees one kind of stream whatever the provider.
 */
export type ProviderName = 'anthropic' | 'bedrock' | 'vertex';

export type MessageParam = Anthropic.MessageParam;
export type ContentBlockParam = Anthropic.ContentBlockParam;
export type ToolDefinition = Anthropic.Tool;
export type StreamEvent = Anthropic.RawMessageStreamEvent;
export type ModelMessage = Anthropic.Message;
export type Usage = Anthropic.Usage;

export interface ModelRequest {
  /** The model id as the provider names it (Bedrock and Vertex ids differ from the API's). */
  model: string;
  system: Anthropic.TextBlockParam[];
  messages: MessageParam[];
  tools: ToolDefinition[];
  maxTokens: number;
}

export interface StreamOptions {
  signal: AbortSignal;
  /** Called for every stream event, in order, as it arrives. */
  onEvent(event: StreamEvent): void;
}

export interface ModelProvider {
  readonly name: ProviderName;
  /**
   * Streams one model response and resolves with the complete message. Retries (429, 529, 5xx)
   * happen inside, before any event is delivered. Rejects with a ProviderError.
   */
  stream(request: ModelRequest, options: StreamOptions): Promise<ModelMessage>;
}

/**
 * Why a model request failed. `interrupted`: the stream broke after events were delivered (the
 * loop restarts the turn); `cancelled`: the signal fired; `auth`: credentials were refused;
 * `rateLimited` / `overloaded` / `server`: retries ran out; `request`: the request was invalid.
 */
export type ProviderErrorKind = 'interrupted' | 'cancelled' | 'auth' | 'rateLimited' | 'overloaded' | 'server' | 'request' | 'network' | 'config';

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ProviderError';
  }
}
