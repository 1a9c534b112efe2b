/**
 * The Messages API body for a ModelRequest. Blocks pass through untouched, so `cache_control` on
 * system blocks, tools and message content reaches the provider (prompt caching).
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { ModelRequest } from './types';

export const BEDROCK_ANTHROPIC_VERSION = 'bedrock-2023-05-31';
export const VERTEX_ANTHROPIC_VERSION = 'vertex-2023-10-16';

/** Parameters for `messages.stream` (the SDK adds `stream: true`). */
export function messageParams(request: ModelRequest): Anthropic.MessageStreamParams {
  const params: Anthropic.MessageStreamParams = {
    model: request.model,
    max_tokens: request.maxTokens,
    messages: request.messages,
  };
  if (request.system.length > 0) params.system = request.system;
  if (request.tools.length > 0) params.tools = request.tools;
  return params;
}

/** The InvokeModelWithResponseStream body: no `model` (it is in the URL), no `stream`, Bedrock's version. */
export function bedrockBody(request: ModelRequest): Record<string, unknown> {
  const { model: _model, ...rest } = messageParams(request);
  return { anthropic_version: BEDROCK_ANTHROPIC_VERSION, ...rest };
}
