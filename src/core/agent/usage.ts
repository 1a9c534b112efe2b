import type { StreamEvent, Usage } from '../providers/types';
import type { BilledTokens } from './pricing';

/** Token usage with nothing counted yet, in the API's shape. */
export function emptyUsage(): Usage {
  return {
    input_tokens: 0,
    output_tokens: 0,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    inference_geo: null,
    output_tokens_details: null,
    server_tool_use: null,
    service_tier: null,
    speed: null,
  };
}

/** The tokens of one request split by how they are billed. */
export function billedTokens(usage: Usage): BilledTokens {
  const creation = usage.cache_creation_input_tokens ?? 0;
  const oneHour = usage.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  return {
    input: usage.input_tokens,
    output: usage.output_tokens,
    cacheWrite: Math.max(0, creation - oneHour),
    cacheWrite1h: oneHour,
    cacheRead: usage.cache_read_input_tokens ?? 0,
  };
}

/** Sums token counts (the other fields describe one request and are not carried over). */
export function addUsage(total: Usage, more: Usage): Usage {
  const a = billedTokens(total);
  const b = billedTokens(more);
  return {
    ...emptyUsage(),
    input_tokens: a.input + b.input,
    output_tokens: a.output + b.output,
    cache_creation_input_tokens: a.cacheWrite + a.cacheWrite1h + b.cacheWrite + b.cacheWrite1h,
    cache_read_input_tokens: a.cacheRead + b.cacheRead,
    cache_creation: { ephemeral_5m_input_tokens: a.cacheWrite + b.cacheWrite, ephemeral_1h_input_tokens: a.cacheWrite1h + b.cacheWrite1h },
  };
}

/**
 * Follows the usage a stream reports as it goes (`message_start`, then cumulative
 * `message_delta` counts), so a stream that breaks mid-way is still accounted: its input
 * tokens are billed even though no complete message arrived.
 */
export class StreamUsageMeter {
  private current: Usage | undefined;

  observe(event: StreamEvent): void {
    if (event.type === 'message_start') {
      this.current = addUsage(emptyUsage(), event.message.usage);
    } else if (event.type === 'message_delta' && this.current !== undefined) {
      const delta = event.usage;
      this.current = {
        ...this.current,
        output_tokens: delta.output_tokens,
        input_tokens: delta.input_tokens ?? this.current.input_tokens,
        cache_creation_input_tokens: delta.cache_creation_input_tokens ?? this.current.cache_creation_input_tokens,
        cache_read_input_tokens: delta.cache_read_input_tokens ?? this.current.cache_read_input_tokens,
      };
    }
  }

  /** What the stream reported so far (empty when it broke before `message_start`). */
  usage(): Usage {
    return this.current ?? emptyUsage();
  }
}
