/**
 * Turns the loop's AgentEvents for one turn into panel messages: streamed text per content
 * block, tool cards that follow a call from "waiting" to its result, usage and the end of the
 * turn. Pure and stateful per session; never imports vscode.
 */
import type { AgentEvent, ApprovalReply, ApprovalRequest } from '../../core/agent/types';
import type { Decision } from '../../core/permissions/types';
import type { HostToWebview, ToolCard, UsageTotals } from '../../protocol/messages';
import { clipResult, summarizeTool } from './toolSummary';

const decisionText = (decision: Decision): string => (decision.rule ? `${decision.reason} (rule ${decision.rule})` : decision.reason);

export class EventMapper {
  private readonly cards = new Map<string, ToolCard>();
  private readonly deniedByPerson = new Set<string>();
  private readonly settled = new Map<string, { status: 'done' | 'denied'; note: string }>();
  private usage: UsageTotals = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
  private attempt = 0;

  constructor(private readonly cwd: string) {}

  /** Usage so far in this session (kept across turns). */
  get totals(): UsageTotals {
    return { ...this.usage };
  }

  map(turnId: string, event: AgentEvent): HostToWebview[] {
    switch (event.type) {
      case 'session/start':
        return [];
      case 'model/stream': {
        const stream = event.event;
        if (stream.type === 'content_block_delta' && stream.delta.type === 'text_delta') {
          return [{ type: 'chat/text', requestId: turnId, blockId: `${event.turn}.${this.attempt}.${stream.index}`, delta: stream.delta.text }];
        }
        return [];
      }
      case 'model/retry':
        this.attempt++;
        return [{ type: 'chat/notice', requestId: turnId, level: 'warning', text: `The model’s answer was interrupted (${event.reason}); asking again.` }];
      case 'tool/start':
        return this.card(turnId, event.toolUseId, event.tool, event.input, { status: 'running' });
      case 'tool/decision': {
        const status = event.decision.decision === 'deny' ? 'denied' : this.deniedByPerson.has(event.toolUseId) ? 'denied' : 'running';
        return this.card(turnId, event.toolUseId, event.tool, undefined, { status, decision: decisionText(event.decision) });
      }
      case 'tool/result': {
        const settled = this.settled.get(event.toolUseId);
        if (settled) return this.card(turnId, event.toolUseId, event.tool, undefined, { status: settled.status, decision: settled.note });
        const denied = this.cards.get(event.toolUseId)?.status === 'denied';
        const status = denied ? 'denied' : event.isError ? 'error' : 'done';
        return this.card(turnId, event.toolUseId, event.tool, undefined, { status, result: clipResult(event.content) });
      }
      case 'turn/end': {
        const u = event.cost.usage;
        this.usage = {
          inputTokens: this.usage.inputTokens + (u.input_tokens ?? 0),
          outputTokens: this.usage.outputTokens + (u.output_tokens ?? 0),
          cacheReadTokens: this.usage.cacheReadTokens + (u.cache_read_input_tokens ?? 0),
          cacheWriteTokens: this.usage.cacheWriteTokens + (u.cache_creation_input_tokens ?? 0),
        };
        return [{ type: 'chat/usage', requestId: turnId, session: this.totals, sessionCostUsd: event.sessionCostUsd }];
      }
      case 'session/end':
        return [{ type: 'chat/done', requestId: turnId, reason: event.reason, ...(event.error === undefined ? {} : { error: event.error }) }];
    }
  }

  /** The person is being asked about this call: its card says so. */
  asked(turnId: string, request: ApprovalRequest): HostToWebview[] {
    return this.card(turnId, request.toolUseId, request.tool, request.input, { status: 'waiting' });
  }

  answered(toolUseId: string, reply: ApprovalReply): void {
    if (reply.kind === 'deny') this.deniedByPerson.add(toolUseId);
  }

  /** The edit review settled a call differently than its tool result will say (e.g. applied with the person's changes). */
  settle(turnId: string, toolUseId: string, status: 'done' | 'denied', note: string): HostToWebview[] {
    this.settled.set(toolUseId, { status, note });
    const card = this.cards.get(toolUseId);
    return card ? this.card(turnId, toolUseId, card.tool, undefined, { status, decision: note }) : [];
  }

  private card(turnId: string, toolUseId: string, tool: string, input: Record<string, unknown> | undefined, patch: Partial<ToolCard>): HostToWebview[] {
    const existing = this.cards.get(toolUseId);
    const base: ToolCard = existing ?? { toolUseId, tool, ...summarizeTool(tool, input ?? {}, this.cwd), status: 'running' };
    const summary = input !== undefined && existing ? { ...base, ...summarizeTool(tool, input, this.cwd) } : base;
    const card: ToolCard = { ...summary, ...patch };
    this.cards.set(toolUseId, card);
    return [{ type: 'chat/tool', requestId: turnId, card }];
  }
}
