import type { TextBlockParam, ToolUseBlock } from '@anthropic-ai/sdk/resources/messages/messages';
import { ProviderError, type MessageParam, type ModelMessage, type ModelProvider, type ToolDefinition, type Usage } from '../providers/types';
import { toolDefinitions } from '../tools/index';
import type { AgentTool, ToolContext } from '../tools/types';
import type { Approvals, DecideFn } from './approval';
import { withCacheBreakpoints } from './caching';
import { Conversation } from './conversation';
import { CostTracker } from './costTracker';
import { streamTurn, TurnFailedError } from './modelTurn';
import type { SessionRecorder } from './sessionRecorder';
import { runToolCalls, type PermissionDenial, type ToolOutcome } from './toolCalls';
import type { AgentEvent, EventSink } from './types';

export const DEFAULT_MAX_TURNS = 100;
export const DEFAULT_MAX_TOKENS = 8192;
export const DEFAULT_STREAM_ATTEMPTS = 3;

export interface AgentSessionOptions {
  sessionId: string;
  provider: ModelProvider;
  /** The model id as the provider names it. */
  model: string;
  /** From buildSystemPrompt. */
  system: TextBlockParam[];
  tools: readonly AgentTool[];
  /** Everything tools need except the signal, which each run supplies. */
  toolContext: Omit<ToolContext, 'signal'>;
  decide: DecideFn;
  /** Who approves "ask" decisions. Absent in a headless run: "ask" is then refused. */
  approvals?: Approvals;
  sink: EventSink;
  /** The transcript writer and other followers of prompts and complete messages. */
  recorders?: readonly SessionRecorder[];
  /** Model turns per run (default 100). */
  maxTurns?: number;
  maxTokens?: number;
  /** Attempts per turn when the stream breaks mid-way (default 3), and the delay before each restart. */
  streamAttempts?: number;
  restartDelayMs?: (attempt: number) => number;
  /** A session rebuilt from its transcript. */
  resume?: { messages: readonly MessageParam[]; completed: ReadonlyMap<string, ToolOutcome> };
}

export type EndReason = 'done' | 'maxTurns' | 'cancelled' | 'error';

export interface RunResult {
  sessionId: string;
  reason: EndReason;
  /** The failure, when reason is 'error'. */
  error?: Error;
  /** Text of the model's last message that had text. */
  finalText: string;
  turns: number;
  /** Usage and cost of this run (null cost: the model's price is unknown). */
  usage: Usage;
  costUsd: number | null;
  denials: PermissionDenial[];
}

function textOf(message: ModelMessage): string {
  return message.content
    .filter((block) => block.type === 'text')
    .map((block) => block.text)
    .join('');
}

/**
 * One conversation with the agent. Each `run(prompt)` streams model turns, passes every tool
 * call through the permission engine (and the person, when asked), runs the allowed tools and
 * feeds their results back, until the model stops asking for tools, the turn limit is reached,
 * the signal is aborted or something fails. The loop only orchestrates: streaming, tool calls,
 * caching, cost and transcripts are separate services.
 */
export class AgentSession {
  private readonly conversation: Conversation;
  private readonly completed: Map<string, ToolOutcome>;
  private readonly sessionCost: CostTracker;
  private readonly tools: ReadonlyMap<string, AgentTool>;
  private readonly definitions: ToolDefinition[];

  constructor(private readonly options: AgentSessionOptions) {
    this.conversation = new Conversation(options.resume?.messages ?? []);
    this.completed = new Map(options.resume?.completed ?? []);
    this.sessionCost = new CostTracker(options.model);
    this.tools = new Map(options.tools.map((tool) => [tool.name, tool]));
    this.definitions = toolDefinitions(options.tools);
  }

  get sessionId(): string {
    return this.options.sessionId;
  }

  get messages(): readonly MessageParam[] {
    return this.conversation.messages;
  }

  async run(prompt: string, signal: AbortSignal = new AbortController().signal): Promise<RunResult> {
    const { options } = this;
    const runCost = new CostTracker(options.model);
    const denials: PermissionDenial[] = [];
    const toolContext: ToolContext = { ...options.toolContext, signal };
    let turns = 0;
    let finalText = '';
    const end = (reason: EndReason, error?: Error): RunResult => {
      this.emit({ type: 'session/end', reason, ...(error === undefined ? {} : { error: error.message }) });
      const result: RunResult = { sessionId: options.sessionId, reason, finalText, turns, usage: runCost.usage, costUsd: runCost.costUsd, denials };
      return error === undefined ? result : { ...result, error };
    };
    const account = (turn: number, requests: readonly Usage[]) => {
      const cost = this.sessionCost.addTurn(requests);
      runCost.addTurn(requests);
      this.emit({ type: 'turn/end', turn, cost, sessionCostUsd: this.sessionCost.costUsd });
    };

    this.emit({ type: 'session/start', sessionId: options.sessionId, provider: options.provider.name, model: options.model, cwd: options.toolContext.cwd });
    for (const recorder of options.recorders ?? []) recorder.prompt(prompt);
    this.conversation.addUserText(prompt);
    try {
      for (;;) {
        if (signal.aborted) return end('cancelled');
        if (turns >= (options.maxTurns ?? DEFAULT_MAX_TURNS)) return end('maxTurns');
        const turn = ++turns;
        const request = withCacheBreakpoints({
          model: options.model,
          system: options.system,
          messages: [...this.conversation.messages],
          tools: this.definitions,
          maxTokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
        });
        const streamed = await streamTurn(options.provider, request, {
          signal,
          maxAttempts: options.streamAttempts ?? DEFAULT_STREAM_ATTEMPTS,
          retryDelayMs: options.restartDelayMs ?? ((attempt) => 1000 * attempt),
          onEvent: (event) => this.emit({ type: 'model/stream', turn, event }),
          onRestart: (reason) => this.emit({ type: 'model/retry', turn, reason }),
        }).catch((error: unknown) => {
          if (error instanceof TurnFailedError) {
            account(turn, error.requests);
            throw error.cause;
          }
          throw error;
        });
        const { message } = streamed;
        for (const recorder of options.recorders ?? []) recorder.assistant(turn, message);
        this.conversation.addAssistant(message);
        finalText = textOf(message) || finalText;
        const calls = message.content.filter((block): block is ToolUseBlock => block.type === 'tool_use');
        if (calls.length > 0) {
          try {
            await runToolCalls(calls, { tools: this.tools, decide: options.decide, approvals: options.approvals, toolContext, emit: (event) => this.emit(event), completed: this.completed, denials });
          } finally {
            this.conversation.addToolResults(this.completed);
          }
        }
        account(turn, streamed.requests);
        if (calls.length === 0) return end('done');
      }
    } catch (error) {
      const cancelled = signal.aborted || (error instanceof ProviderError && error.kind === 'cancelled');
      if (cancelled) return end('cancelled');
      return end('error', error instanceof Error ? error : new Error(String(error)));
    }
  }

  private emit(event: AgentEvent): void {
    for (const recorder of this.options.recorders ?? []) recorder.event(event);
    this.options.sink.emit(event);
  }
}
