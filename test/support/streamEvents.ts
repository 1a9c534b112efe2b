/**
 * The Anthropic stream events a complete message arrives as (message_start, content blocks with
 * their deltas, message_delta, message_stop): for in-memory model fakes in tests and benchmarks.
 */
import type { ModelMessage, StreamEvent } from '../../src/core/providers/types';

/** `wordDeltas`: stream text one word per delta, as a model streams tokens (default: one delta per block). */
export function streamEventsOf(message: ModelMessage, options: { wordDeltas?: boolean } = {}): StreamEvent[] {
  const events: unknown[] = [{ type: 'message_start', message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } } }];
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '', citations: null } });
      const pieces = options.wordDeltas ? block.text.split(' ').map((word) => `${word} `) : [block.text];
      for (const text of pieces) events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
    } else if (block.type === 'tool_use') {
      events.push({ type: 'content_block_start', index, content_block: { ...block, input: {} } });
      events.push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) } });
    }
    events.push({ type: 'content_block_stop', index });
  });
  events.push({ type: 'message_delta', delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: { output_tokens: message.usage.output_tokens } });
  events.push({ type: 'message_stop' });
  return events as StreamEvent[];
}
