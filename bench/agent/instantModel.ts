/** A model that answers at once from a script, streaming real event shapes: the loop's cost alone. */
import type { ModelMessage, ModelProvider, ModelRequest, StreamEvent, StreamOptions } from '../../src/core/providers/types';
import { emptyUsage } from '../../src/core/agent/usage';

export type BenchBlock = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export function benchMessage(content: BenchBlock[], id: string, model: string): ModelMessage {
  const blocks = content.map((block) => (block.type === 'text' ? { ...block, citations: null } : { ...block, caller: { type: 'direct' } }));
  const stop = content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
  const usage = { ...emptyUsage(), input_tokens: 2000, output_tokens: 120, cache_read_input_tokens: 18_000 };
  return { id, type: 'message', role: 'assistant', model, content: blocks, stop_reason: stop, stop_sequence: null, usage } as unknown as ModelMessage;
}

export function streamEvents(message: ModelMessage): StreamEvent[] {
  const events: unknown[] = [{ type: 'message_start', message: { ...message, content: [], stop_reason: null } }];
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '', citations: null } });
      for (const word of block.text.split(' ')) events.push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: `${word} ` } });
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

/** Answers request n with `reply(n)`, delivering every event before resolving. */
export class InstantModel implements ModelProvider {
  readonly name = 'anthropic' as const;
  private count = 0;

  constructor(private readonly reply: (n: number) => BenchBlock[]) {}

  async stream(request: ModelRequest, options: StreamOptions): Promise<ModelMessage> {
    const n = this.count++;
    const message = benchMessage(this.reply(n), `msg_${n}`, request.model);
    for (const event of streamEvents(message)) options.onEvent(event);
    return message;
  }
}
