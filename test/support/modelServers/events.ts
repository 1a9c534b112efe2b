/**
 * Turns a scripted reply into the event sequence the Messages API streams: message_start,
 * content_block_start / deltas / content_block_stop per block (text in several text_delta
 * chunks, tool input as input_json_delta fragments of its JSON, thinking with a signature_delta),
 * message_delta with the stop reason and usage, message_stop.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { ContentSpec, Reply, StopReason } from './script';

export type WireEvent = Anthropic.RawMessageStreamEvent;

let messageCounter = 0;
let toolCounter = 0;

/** Splits `value` into `parts` pieces of similar length (fewer when it is short). */
export function chunk(value: string, parts: number): string[] {
  if (value.length === 0) return [''];
  const size = Math.max(1, Math.ceil(value.length / parts));
  const pieces: string[] = [];
  for (let start = 0; start < value.length; start += size) pieces.push(value.slice(start, start + size));
  return pieces;
}

function stopReasonOf(reply: Reply): StopReason {
  if (reply.stopReason) return reply.stopReason;
  return reply.content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
}

function blockEvents(block: ContentSpec, index: number): WireEvent[] {
  switch (block.type) {
    case 'text':
      return [
        { type: 'content_block_start', index, content_block: { type: 'text', text: '', citations: null } },
        ...chunk(block.text, 3).map((piece): WireEvent => ({
          type: 'content_block_delta',
          index,
          delta: { type: 'text_delta', text: piece },
        })),
        { type: 'content_block_stop', index },
      ];
    case 'tool_use': {
      toolCounter += 1;
      const id = block.id ?? `toolu_${String(toolCounter).padStart(6, '0')}`;
      const json = JSON.stringify(block.input ?? {});
      return [
        { type: 'content_block_start', index, content_block: { type: 'tool_use', id, name: block.name, input: {} } } as WireEvent,
        // The API opens a tool block with an empty fragment, then streams the JSON in pieces.
        { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: '' } },
        ...chunk(json, 3).map((piece): WireEvent => ({
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json: piece },
        })),
        { type: 'content_block_stop', index },
      ];
    }
    case 'thinking':
      return [
        { type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } },
        ...chunk(block.thinking, 2).map((piece): WireEvent => ({
          type: 'content_block_delta',
          index,
          delta: { type: 'thinking_delta', thinking: piece },
        })),
        { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: block.signature ?? '' } },
        { type: 'content_block_stop', index },
      ];
  }
}

function outputTokens(reply: Reply): number {
  const chars = reply.content.reduce((sum, block) => {
    if (block.type === 'text') return sum + block.text.length;
    if (block.type === 'thinking') return sum + block.thinking.length;
    return sum + JSON.stringify(block.input ?? {}).length + block.name.length;
  }, 0);
  return Math.max(1, Math.ceil(chars / 4));
}

/** The full event sequence for `reply`, as the model `model` would stream it. */
export function replyEvents(reply: Reply, model: string): WireEvent[] {
  messageCounter += 1;
  const usage = reply.usage ?? {};
  const start = {
    type: 'message_start',
    message: {
      id: `msg_${String(messageCounter).padStart(8, '0')}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: usage.input_tokens ?? 12,
        output_tokens: 1,
        cache_creation_input_tokens: usage.cache_creation_input_tokens ?? 0,
        cache_read_input_tokens: usage.cache_read_input_tokens ?? 0,
      },
    },
  } as unknown as WireEvent;
  const delta = {
    type: 'message_delta',
    delta: { stop_reason: stopReasonOf(reply), stop_sequence: null },
    usage: { output_tokens: usage.output_tokens ?? outputTokens(reply) },
  } as unknown as WireEvent;
  return [start, ...reply.content.flatMap(blockEvents), delta, { type: 'message_stop' }];
}
