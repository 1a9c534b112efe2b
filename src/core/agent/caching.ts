import type { ContentBlockParam, MessageParam, ModelRequest } from '../providers/types';

/**
 * Prompt caching. The API allows at most 4 cache breakpoints per request; AgentGate uses them
 * on the last system block, the last tool definition and the two most recent user turns (the
 * newest one writes the cache for the next request, the one before reads what the previous
 * request wrote). The request is copied: the conversation itself never carries cache marks.
 */
export const MAX_CACHE_BREAKPOINTS = 4;
const USER_TURN_BREAKPOINTS = 2;

const EPHEMERAL = { type: 'ephemeral' } as const;

/** Block types that accept `cache_control`. */
const CACHEABLE = new Set<ContentBlockParam['type']>(['text', 'image', 'document', 'search_result', 'tool_result', 'tool_use']);

function markMessage(message: MessageParam): MessageParam | undefined {
  if (typeof message.content === 'string') {
    if (message.role === 'system') return undefined;
    return { ...message, content: [{ type: 'text', text: message.content, cache_control: EPHEMERAL }] } as MessageParam;
  }
  const content = [...message.content] as ContentBlockParam[];
  for (let i = content.length - 1; i >= 0; i--) {
    const block = content[i]!;
    if (CACHEABLE.has(block.type)) {
      content[i] = { ...block, cache_control: EPHEMERAL } as ContentBlockParam;
      return { ...message, content } as MessageParam;
    }
  }
  return undefined;
}

export function withCacheBreakpoints(request: ModelRequest): ModelRequest {
  const system = [...request.system];
  const lastSystem = system.at(-1);
  if (lastSystem !== undefined) system[system.length - 1] = { ...lastSystem, cache_control: EPHEMERAL };

  const tools = [...request.tools];
  const lastTool = tools.at(-1);
  if (lastTool !== undefined) tools[tools.length - 1] = { ...lastTool, cache_control: EPHEMERAL };

  const messages = [...request.messages];
  let marked = 0;
  for (let i = messages.length - 1; i >= 0 && marked < USER_TURN_BREAKPOINTS; i--) {
    if (messages[i]!.role !== 'user') continue;
    const copy = markMessage(messages[i]!);
    if (copy === undefined) continue;
    messages[i] = copy;
    marked++;
  }
  return { ...request, system, tools, messages };
}

/** Counts the cache breakpoints in a request (for tests and assertions). */
export function countCacheBreakpoints(request: ModelRequest): number {
  const blocks: { cache_control?: unknown }[] = [...request.system, ...request.tools];
  for (const message of request.messages) {
    if (typeof message.content !== 'string') blocks.push(...(message.content as { cache_control?: unknown }[]));
  }
  return blocks.filter((block) => block.cache_control != null).length;
}
