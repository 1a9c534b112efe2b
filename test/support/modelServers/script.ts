/**
 * What a scripted model server answers: a queue of steps, one per request. A step is a reply
 * (content blocks and a stop reason) or a fault. Build them with the helpers below:
 *
 *   [reply(toolUse('Read', { file_path: 'a.txt' })), say('Done.')]
 *   [fault.rateLimited({ retryAfter: 2 }), say('Hello')]
 */
import type { RecordedRequest } from './recorder';

export type StopReason = 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence' | 'refusal' | 'pause_turn';

export type ContentSpec =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; name: string; input: unknown; id?: string }
  | { type: 'thinking'; thinking: string; signature?: string };

export interface UsageSpec {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

export interface Reply {
  kind: 'reply';
  content: ContentSpec[];
  /** Defaults to `tool_use` when a tool_use block is present, otherwise `end_turn`. */
  stopReason?: StopReason;
  usage?: UsageSpec;
}

/** An HTTP error before any event. Each wire translates it (see the kind's server file). */
export interface StatusFault {
  kind: 'status';
  /** Anthropic-style status: 400, 401, 403, 404, 429, 500, 503, 529, ... */
  status: number;
  /** `retry-after` header value, in seconds (or an HTTP date). */
  retryAfter?: number | string;
  /** `retry-after-ms` header value. */
  retryAfterMs?: number;
  message?: string;
}

/** Streams the first `afterEvents` events of `reply`, then a stream error (`event: error` / exception frame). */
export interface MidStreamErrorFault {
  kind: 'midStreamError';
  afterEvents: number;
  reply: Reply;
  errorType: 'overloaded_error' | 'api_error' | 'rate_limit_error';
}

/** Streams the first `afterEvents` events of `reply`, then destroys the connection. */
export interface DropFault {
  kind: 'drop';
  afterEvents: number;
  reply: Reply;
}

/** Streams the first `afterEvents` events of `reply` (0: only the response headers), then sends nothing until the client goes away. */
export interface StallFault {
  kind: 'stall';
  afterEvents: number;
  reply: Reply;
}

export type Fault = StatusFault | MidStreamErrorFault | DropFault | StallFault;

export type ScriptStep = Reply | Fault | ((request: RecordedRequest) => Reply | Fault);

export function text(value: string): ContentSpec {
  return { type: 'text', text: value };
}

export function toolUse(name: string, input: unknown, id?: string): ContentSpec {
  return id === undefined ? { type: 'tool_use', name, input } : { type: 'tool_use', name, input, id };
}

export function thinking(value: string, signature = 'c2lnbmF0dXJl'): ContentSpec {
  return { type: 'thinking', thinking: value, signature };
}

/** A reply made of these blocks; strings are text blocks. */
export function reply(...content: (ContentSpec | string)[]): Reply {
  return { kind: 'reply', content: content.map((block) => (typeof block === 'string' ? text(block) : block)) };
}

/** A plain text reply ending the turn. */
export function say(value: string, usage?: UsageSpec): Reply {
  return usage ? { kind: 'reply', content: [text(value)], usage } : { kind: 'reply', content: [text(value)] };
}

/** Copies `base` with another stop reason or usage. */
export function withStop(base: Reply, stopReason: StopReason, usage?: UsageSpec): Reply {
  return { ...base, stopReason, ...(usage ? { usage } : {}) };
}

const DEFAULT_PARTIAL: Reply = reply('This reply is cut short by a scripted fault.');

export const fault = {
  status(status: number, options: Omit<StatusFault, 'kind' | 'status'> = {}): StatusFault {
    return { kind: 'status', status, ...options };
  },
  rateLimited(options: Omit<StatusFault, 'kind' | 'status'> = {}): StatusFault {
    return { kind: 'status', status: 429, ...options };
  },
  overloaded(options: Omit<StatusFault, 'kind' | 'status'> = {}): StatusFault {
    return { kind: 'status', status: 529, ...options };
  },
  serverError(status = 500, options: Omit<StatusFault, 'kind' | 'status'> = {}): StatusFault {
    return { kind: 'status', status, ...options };
  },
  unauthorized(options: Omit<StatusFault, 'kind' | 'status'> = {}): StatusFault {
    return { kind: 'status', status: 401, ...options };
  },
  errorMidStream(afterEvents = 3, partial: Reply = DEFAULT_PARTIAL, errorType: MidStreamErrorFault['errorType'] = 'overloaded_error'): MidStreamErrorFault {
    return { kind: 'midStreamError', afterEvents, reply: partial, errorType };
  },
  dropAfter(afterEvents = 3, partial: Reply = DEFAULT_PARTIAL): DropFault {
    return { kind: 'drop', afterEvents, reply: partial };
  },
  stall(afterEvents = 0, partial: Reply = DEFAULT_PARTIAL): StallFault {
    return { kind: 'stall', afterEvents, reply: partial };
  },
};
