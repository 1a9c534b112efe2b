/**
 * In-memory fakes of core's own interfaces for the agent loop's unit tests: a scripted model
 * provider that streams real Anthropic event shapes, tools, an engine and a prompter.
 */
import { z } from 'zod';
import type { Decision, DecisionKind, ToolRequest } from '../../../../src/core/permissions/types';
import {
  ProviderError,
  type ModelMessage,
  type ModelProvider,
  type ModelRequest,
  type StreamOptions,
  type Usage,
} from '../../../../src/core/providers/types';
import type { AgentTool, FileChangePreview, ToolContext, ToolResult } from '../../../../src/core/tools/types';
import type { AgentEvent, ApprovalPrompter, ApprovalReply, ApprovalRequest, EventSink } from '../../../../src/core/agent/types';
import { emptyUsage } from '../../../../src/core/agent/usage';
import { streamEventsOf } from '../../../support/streamEvents';

export type Block = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export interface Reply {
  content: Block[];
  stopReason?: ModelMessage['stop_reason'];
  usage?: Partial<Pick<Usage, 'input_tokens' | 'output_tokens' | 'cache_creation_input_tokens' | 'cache_read_input_tokens'>>;
  /** Break the stream (ProviderError 'interrupted') after this many events. */
  breakAfterEvents?: number;
  /** Wait for the signal before finishing (to test cancellation mid-stream). */
  hangAfterEvents?: number;
}

export const text = (value: string): Block => ({ type: 'text', text: value });
export const toolUse = (id: string, name: string, input: Record<string, unknown>): Block => ({ type: 'tool_use', id, name, input });

export function toMessage(reply: Reply, model: string, id: string): ModelMessage {
  const usage = { ...emptyUsage(), input_tokens: 10, output_tokens: 5, ...reply.usage };
  const content = reply.content.map((block) =>
    block.type === 'text' ? { type: 'text' as const, text: block.text, citations: null } : { ...block, caller: { type: 'direct' as const } },
  );
  const stop = reply.stopReason ?? (reply.content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn');
  return { id, type: 'message', role: 'assistant', model, content, stop_reason: stop, stop_sequence: null, usage } as unknown as ModelMessage;
}


/** A model provider that answers from a script, one reply per request, and records requests. */
export class ScriptedProvider implements ModelProvider {
  readonly name = 'anthropic' as const;
  readonly requests: ModelRequest[] = [];
  private next = 0;

  constructor(private readonly script: (Reply | ((request: ModelRequest) => Reply))[]) {}

  async stream(request: ModelRequest, options: StreamOptions): Promise<ModelMessage> {
    this.requests.push(structuredClone(request));
    const step = this.script[this.next++];
    if (step === undefined) throw new Error(`The script has no reply for request ${this.next}.`);
    const reply = typeof step === 'function' ? step(request) : step;
    const message = toMessage(reply, request.model, `msg_${this.next}`);
    const events = streamEventsOf(message);
    for (let i = 0; i < events.length; i++) {
      if (options.signal.aborted) throw new ProviderError('cancelled', 'The request was cancelled.');
      if (reply.breakAfterEvents === i) throw new ProviderError('interrupted', 'overloaded_error mid-stream');
      if (reply.hangAfterEvents === i) {
        await new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve(), { once: true }));
        throw new ProviderError('cancelled', 'The request was cancelled.');
      }
      options.onEvent(events[i]!);
      await Promise.resolve();
    }
    return message;
  }
}

export class RecordingSink implements EventSink {
  readonly events: AgentEvent[] = [];
  emit(event: AgentEvent): void {
    this.events.push(event);
  }
  ofType<T extends AgentEvent['type']>(type: T): Extract<AgentEvent, { type: T }>[] {
    return this.events.filter((event): event is Extract<AgentEvent, { type: T }> => event.type === type);
  }
}

export function decision(kind: DecisionKind, reason = `decided ${kind}`, rule: string | null = null): Decision {
  return { decision: kind, reason, rule, source: null };
}

/** A permission engine deciding by tool name (default: allow). */
export function decideBy(table: Record<string, DecisionKind | Decision>, fallback: DecisionKind = 'allow') {
  const calls: ToolRequest[] = [];
  const decide = (request: ToolRequest): Decision => {
    calls.push(request);
    const entry = table[request.tool] ?? fallback;
    return typeof entry === 'string' ? decision(entry) : entry;
  };
  return { decide, calls };
}

export class ScriptedPrompter implements ApprovalPrompter {
  readonly asked: ApprovalRequest[] = [];
  constructor(private readonly replies: ApprovalReply[]) {}
  async ask(request: ApprovalRequest): Promise<ApprovalReply> {
    this.asked.push(request);
    const reply = this.replies.shift();
    if (reply === undefined) throw new Error('The prompter has no more replies.');
    return reply;
  }
}

export interface FakeToolOptions {
  name: string;
  readOnly?: boolean;
  run?: (input: Record<string, unknown>, ctx: ToolContext) => Promise<ToolResult>;
  preview?: (input: Record<string, unknown>) => Promise<FileChangePreview[]>;
  schema?: z.ZodType;
}

/** A tool that records its runs. */
export function fakeTool(options: FakeToolOptions): AgentTool & { runs: Record<string, unknown>[] } {
  const runs: Record<string, unknown>[] = [];
  const tool: AgentTool & { runs: Record<string, unknown>[] } = {
    name: options.name,
    description: `The ${options.name} tool.`,
    inputSchema: options.schema ?? z.object({ path: z.string() }),
    readOnly: options.readOnly ?? false,
    runs,
    async run(input: Record<string, unknown>, ctx: ToolContext) {
      runs.push(input);
      return options.run ? options.run(input, ctx) : { content: `${options.name} ok: ${JSON.stringify(input)}` };
    },
  };
  if (options.preview) tool.preview = options.preview;
  return tool;
}

/** A ToolContext whose services fail loudly if a fake tool reaches for them. */
export function toolContext(cwd = '/work/project'): Omit<ToolContext, 'signal'> {
  const unused = () => {
    throw new Error('not used in these tests');
  };
  return {
    cwd,
    workspaceFolders: [cwd],
    fs: { readFile: unused, writeFile: unused, stat: unused, readdir: unused, realpath: unused },
    processes: { run: unused },
    reads: { recordRead: () => undefined, lastRead: () => undefined },
    web: { digest: unused },
    fetchText: unused,
  };
}

/** Resolves when `count` promises are waiting on it; releases them together. */
export class Barrier {
  private waiting: (() => void)[] = [];
  readonly reached: Promise<void>;
  private reach!: () => void;
  constructor(private readonly count: number) {
    this.reached = new Promise((resolve) => (this.reach = resolve));
  }
  wait(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (this.waiting.length === this.count) {
        this.reach();
        for (const release of this.waiting) release();
      }
    });
  }
}
