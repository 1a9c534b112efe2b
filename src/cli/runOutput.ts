/**
 * What `agentgate run` prints, in the shapes Claude Code's `-p` mode uses, so scripts written
 * for it keep working:
 * - text: the final answer;
 * - json: one result object;
 * - stream-json: one JSON object per line: a system init, each assistant message, each tool
 *   result (as a user message), and the result object last.
 */
import type { RunResult } from '../core/agent/loop';
import type { SessionRecorder } from '../core/agent/sessionRecorder';
import type { AgentEvent } from '../core/agent/types';
import type { ModelMessage } from '../core/providers/types';
import type { OutputFormat } from './runArgs';

export interface RunResultJson {
  type: 'result';
  subtype: 'success' | 'error_max_turns' | 'error_during_execution';
  is_error: boolean;
  result: string;
  num_turns: number;
  session_id: string;
  /** Null when the model's price is unknown. */
  total_cost_usd: number | null;
  usage: { input_tokens: number; cache_creation_input_tokens: number; cache_read_input_tokens: number; output_tokens: number };
  permission_denials: { tool_name: string; tool_use_id: string; tool_input: Record<string, unknown> }[];
  duration_ms: number;
  /** Why the session failed (not in Claude Code's shape; added for error results). */
  error?: string;
}

function subtype(result: RunResult): RunResultJson['subtype'] {
  if (result.reason === 'done') return 'success';
  if (result.reason === 'maxTurns') return 'error_max_turns';
  return 'error_during_execution';
}

function failureText(result: RunResult): string | undefined {
  if (result.reason === 'maxTurns') return `The session reached the turn limit after ${result.turns} turns.`;
  if (result.reason === 'cancelled') return 'The session was cancelled.';
  return result.error?.message;
}

export function resultJson(result: RunResult, durationMs: number): RunResultJson {
  const error = result.reason === 'done' ? undefined : failureText(result);
  return {
    type: 'result',
    subtype: subtype(result),
    is_error: result.reason !== 'done',
    result: result.finalText,
    num_turns: result.turns,
    session_id: result.sessionId,
    total_cost_usd: result.costUsd,
    usage: {
      input_tokens: result.usage.input_tokens,
      cache_creation_input_tokens: result.usage.cache_creation_input_tokens ?? 0,
      cache_read_input_tokens: result.usage.cache_read_input_tokens ?? 0,
      output_tokens: result.usage.output_tokens,
    },
    permission_denials: result.denials.map((denial) => ({ tool_name: denial.toolName, tool_use_id: denial.toolUseId, tool_input: denial.toolInput })),
    duration_ms: durationMs,
    ...(error === undefined ? {} : { error }),
  };
}

/** Prints stream-json lines as the session goes (a recorder of the session). */
export class StreamJsonPrinter implements SessionRecorder {
  constructor(
    private readonly write: (line: string) => void,
    private readonly init: { tools: string[]; permissionMode: string },
  ) {}

  private sessionId = '';

  prompt(): void {}

  assistant(_turn: number, message: ModelMessage): void {
    this.line({ type: 'assistant', message, parent_tool_use_id: null, session_id: this.sessionId });
  }

  event(event: AgentEvent): void {
    if (event.type === 'session/start') {
      this.sessionId = event.sessionId;
      this.line({
        type: 'system',
        subtype: 'init',
        session_id: event.sessionId,
        cwd: event.cwd,
        model: event.model,
        provider: event.provider,
        tools: this.init.tools,
        permissionMode: this.init.permissionMode,
      });
    } else if (event.type === 'tool/result') {
      this.line({
        type: 'user',
        message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: event.toolUseId, content: event.content, is_error: event.isError }] },
        parent_tool_use_id: null,
        session_id: this.sessionId,
      });
    }
  }

  private line(value: unknown): void {
    this.write(`${JSON.stringify(value)}\n`);
  }
}

/** Prints the end of the run in the chosen format; failures also go to stderr in text form. */
export function printResult(format: OutputFormat, result: RunResult, durationMs: number, io: { stdout(t: string): void; stderr(t: string): void }): void {
  const json = resultJson(result, durationMs);
  if (format === 'text') {
    if (result.finalText !== '') io.stdout(result.finalText.endsWith('\n') ? result.finalText : `${result.finalText}\n`);
  } else {
    io.stdout(`${JSON.stringify(json)}\n`);
  }
  if (json.error !== undefined) io.stderr(`agentgate run: ${json.error}\n`);
}
