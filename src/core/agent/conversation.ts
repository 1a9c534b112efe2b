import type { ToolResultBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ContentBlockParam, MessageParam, ModelMessage } from '../providers/types';

/** The tool_result content for a tool call that never ran (crash, cancel or restart). */
export const NOT_RUN_RESULT = 'This tool call did not run: the session was interrupted before it could. Check the current state before trying again.';

type ResponseBlock = ModelMessage['content'][number];

/** A response block as it is sent back to the model (response-only fields dropped). */
function toParam(block: ResponseBlock): ContentBlockParam {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input };
    case 'thinking':
      return { type: 'thinking', thinking: block.thinking, signature: block.signature };
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: block.data };
    default:
      return block as unknown as ContentBlockParam;
  }
}

/**
 * The messages of one session, kept valid for the API: every assistant tool_use is followed by
 * a user message with one tool_result per call, and user text after tool results joins that
 * same user message. Both the live loop and transcript resume build the conversation through
 * this class, so a resumed session continues exactly where it stopped.
 */
export class Conversation {
  private readonly list: MessageParam[];

  constructor(messages: readonly MessageParam[] = []) {
    this.list = [...messages];
  }

  get messages(): readonly MessageParam[] {
    return this.list;
  }

  addUserText(text: string): void {
    const last = this.list.at(-1);
    if (last?.role === 'user') {
      const content: ContentBlockParam[] = typeof last.content === 'string' ? [{ type: 'text', text: last.content }] : [...last.content];
      content.push({ type: 'text', text });
      this.list[this.list.length - 1] = { role: 'user', content };
      return;
    }
    this.list.push({ role: 'user', content: [{ type: 'text', text }] });
  }

  /** Adds the model's message; an empty one is not kept (the API refuses empty turns). */
  addAssistant(message: ModelMessage): void {
    if (message.content.length === 0) return;
    this.list.push({ role: 'assistant', content: message.content.map(toParam) });
  }

  /**
   * Adds the results of the last assistant message's tool calls, in the order of the calls.
   * A call without a result gets an error result saying it did not run.
   */
  addToolResults(results: ReadonlyMap<string, { content: string; isError: boolean }>): void {
    const ids = this.pendingToolUseIds();
    if (ids.length === 0) return;
    const blocks: ToolResultBlockParam[] = ids.map((id) => {
      const result = results.get(id);
      return result === undefined
        ? { type: 'tool_result', tool_use_id: id, content: NOT_RUN_RESULT, is_error: true }
        : { type: 'tool_result', tool_use_id: id, content: result.content, is_error: result.isError };
    });
    this.list.push({ role: 'user', content: blocks });
  }

  /** Ids of the last message's tool calls when it is an assistant message awaiting results. */
  pendingToolUseIds(): string[] {
    const last = this.list.at(-1);
    if (last?.role !== 'assistant' || typeof last.content === 'string') return [];
    return last.content.filter((block) => block.type === 'tool_use').map((block) => block.id);
  }
}
