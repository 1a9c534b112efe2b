/** A model that answers at once from a script, streaming real event shapes: the loop's cost alone. */
import type { ModelMessage, ModelProvider, ModelRequest, StreamEvent, StreamOptions } from '../../src/core/providers/types';
import { emptyUsage } from '../../src/core/agent/usage';
import { streamEventsOf } from '../../test/support/streamEvents';

export type BenchBlock = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export function benchMessage(content: BenchBlock[], id: string, model: string): ModelMessage {
  const blocks = content.map((block) => (block.type === 'text' ? { ...block, citations: null } : { ...block, caller: { type: 'direct' } }));
  const stop = content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
  const usage = { ...emptyUsage(), input_tokens: 2000, output_tokens: 120, cache_read_input_tokens: 18_000 };
  return { id, type: 'message', role: 'assistant', model, content: blocks, stop_reason: stop, stop_sequence: null, usage } as unknown as ModelMessage;
}

/** The message as streamed events, one word per text delta (a model streaming tokens). */
export function streamEvents(message: ModelMessage): StreamEvent[] {
  return streamEventsOf(message, { wordDeltas: true });
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
