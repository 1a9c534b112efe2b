import type { ToolResultBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import type { Approvals, DecideFn } from '../../../../src/core/agent/approval';
import { AgentSession, type AgentSessionOptions } from '../../../../src/core/agent/loop';
import type { MessageParam } from '../../../../src/core/providers/types';
import type { AgentTool } from '../../../../src/core/tools/types';
import { RecordingSink, ScriptedProvider, decideBy, toolContext, type Reply } from './fakes';

export interface SessionSetup {
  script: ConstructorParameters<typeof ScriptedProvider>[0];
  tools?: AgentTool[];
  decide?: DecideFn;
  approvals?: Approvals;
  model?: string;
  extra?: Partial<AgentSessionOptions>;
}

export function makeSession(setup: SessionSetup) {
  const provider = new ScriptedProvider(setup.script);
  const sink = new RecordingSink();
  const session = new AgentSession({
    sessionId: 'session-1',
    provider,
    model: setup.model ?? 'claude-sonnet-4-5',
    system: [{ type: 'text', text: 'You are a test agent.' }],
    tools: setup.tools ?? [],
    toolContext: toolContext(),
    decide: setup.decide ?? decideBy({}).decide,
    ...(setup.approvals ? { approvals: setup.approvals } : {}),
    sink,
    restartDelayMs: () => 0,
    ...setup.extra,
  });
  return { session, provider, sink };
}

/** The tool_result blocks of a request's last user message. */
export function toolResultsOf(messages: readonly MessageParam[]): ToolResultBlockParam[] {
  const last = messages.at(-1);
  if (last === undefined || typeof last.content === 'string') return [];
  return (last.content as { type: string }[]).filter((block): block is ToolResultBlockParam => block.type === 'tool_result');
}

export function resultText(block: ToolResultBlockParam | undefined): string {
  if (block === undefined) return '';
  return typeof block.content === 'string' ? block.content : JSON.stringify(block.content);
}

export type { Reply };
