import type { ToolUseBlock } from '@anthropic-ai/sdk/resources/messages/messages';
import { z } from 'zod';
import { describeToolError } from '../tools/defineTool';
import { type AgentTool, type ToolContext } from '../tools/types';
import { authorize, PreviewFailedError, type Approvals, type DecideFn, type RefusedBy } from './approval';
import { callContext } from './searchReads';
import type { AgentEvent } from './types';

export interface ToolOutcome {
  content: string;
  isError: boolean;
}

/** A tool call that was refused: by a rule, by the person, or for want of anyone to ask. */
export interface PermissionDenial {
  toolName: string;
  toolUseId: string;
  toolInput: Record<string, unknown>;
  by: RefusedBy;
  message: string;
}

export interface ToolCallDeps {
  tools: ReadonlyMap<string, AgentTool>;
  decide: DecideFn;
  approvals: Approvals | undefined;
  toolContext: ToolContext;
  emit(event: AgentEvent): void;
  /** Every tool_use id that already has a result in this session: such a call never runs again. */
  completed: Map<string, ToolOutcome>;
  denials: PermissionDenial[];
}

const CANCELLED: ToolOutcome = { content: 'Cancelled: the person stopped the session before this tool finished.', isError: true };

type Prepared =
  | { kind: 'done'; id: string; outcome: ToolOutcome }
  | { kind: 'run'; id: string; tool: AgentTool; input: Record<string, unknown>; context: ToolContext };

function inputOf(block: ToolUseBlock): Record<string, unknown> {
  return typeof block.input === 'object' && block.input !== null ? (block.input as Record<string, unknown>) : {};
}

/** Validates and authorizes one call; returns either its final outcome or the go-ahead. */
async function prepare(block: ToolUseBlock, deps: ToolCallDeps): Promise<Prepared> {
  const done = (outcome: ToolOutcome): Prepared => ({ kind: 'done', id: block.id, outcome });
  if (deps.toolContext.signal.aborted) return done(CANCELLED);
  const tool = deps.tools.get(block.name);
  if (tool === undefined) {
    const names = [...deps.tools.keys()].join(', ');
    return done({ content: `There is no tool named "${block.name}". Available tools: ${names}.`, isError: true });
  }
  const parsed = tool.inputSchema.safeParse(block.input);
  if (!parsed.success) {
    return done({ content: `Invalid input for ${tool.name}:\n${z.prettifyError(parsed.error)}`, isError: true });
  }
  const input = parsed.data as Record<string, unknown>;
  let authorization;
  try {
    authorization = await authorize({ id: block.id, tool, input }, deps);
  } catch (error) {
    if (deps.toolContext.signal.aborted) return done(CANCELLED);
    if (error instanceof PreviewFailedError) return done({ content: describeToolError(tool.name, error.cause), isError: true });
    throw error;
  }
  deps.emit({ type: 'tool/decision', toolUseId: block.id, tool: tool.name, decision: authorization.decision });
  if (!authorization.allowed) {
    deps.denials.push({ toolName: tool.name, toolUseId: block.id, toolInput: inputOf(block), by: authorization.by, message: authorization.message });
    return done({ content: authorization.message, isError: true });
  }
  return { kind: 'run', id: block.id, tool, input, context: callContext(deps.toolContext, tool.name, authorization, deps.decide) };
}

async function execute(prepared: Prepared, deps: ToolCallDeps): Promise<ToolOutcome> {
  if (prepared.kind === 'done') return prepared.outcome;
  if (deps.toolContext.signal.aborted) return CANCELLED;
  deps.emit({ type: 'tool/start', toolUseId: prepared.id, tool: prepared.tool.name, input: prepared.input });
  try {
    const result = await prepared.tool.run(prepared.input, prepared.context);
    return { content: result.content, isError: result.isError ?? false };
  } catch (error) {
    if (deps.toolContext.signal.aborted) return CANCELLED;
    return { content: describeToolError(prepared.tool.name, error), isError: true };
  }
}

/** Consecutive read-only calls form one group that runs in parallel; any other call is alone. */
function groupCalls(blocks: readonly ToolUseBlock[], tools: ReadonlyMap<string, AgentTool>): ToolUseBlock[][] {
  const groups: ToolUseBlock[][] = [];
  let readOnly: ToolUseBlock[] = [];
  for (const block of blocks) {
    if (tools.get(block.name)?.readOnly === true) {
      readOnly.push(block);
      continue;
    }
    if (readOnly.length > 0) groups.push(readOnly);
    readOnly = [];
    groups.push([block]);
  }
  if (readOnly.length > 0) groups.push(readOnly);
  return groups;
}

/**
 * Runs the tool calls of one complete assistant message. Each call is validated against its
 * tool's schema, decided by the permission engine and, when needed, approved by the person,
 * in the order the model wrote them; read-only calls next to each other then run in parallel.
 * A call whose id already has a result is not run again: its earlier result is reported again.
 */
export async function runToolCalls(blocks: readonly ToolUseBlock[], deps: ToolCallDeps): Promise<Map<string, ToolOutcome>> {
  const results = new Map<string, ToolOutcome>();
  const fresh = blocks.filter((block) => {
    const earlier = deps.completed.get(block.id);
    if (earlier === undefined) return true;
    results.set(block.id, earlier);
    deps.emit({ type: 'tool/result', toolUseId: block.id, tool: block.name, content: earlier.content, isError: earlier.isError });
    return false;
  });
  for (const group of groupCalls(fresh, deps.tools)) {
    const prepared: Prepared[] = [];
    for (const block of group) prepared.push(await prepare(block, deps));
    await Promise.all(
      group.map(async (block, index) => {
        const outcome = await execute(prepared[index]!, deps);
        results.set(block.id, outcome);
        deps.completed.set(block.id, outcome);
        deps.emit({ type: 'tool/result', toolUseId: block.id, tool: block.name, content: outcome.content, isError: outcome.isError });
      }),
    );
  }
  return results;
}
