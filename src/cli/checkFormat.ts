import { formatSource } from '../core/permissions/sourceLabel';
import type { Decision, ToolRequest } from '../core/permissions/types';
import type { PermissionMode, Source } from '../core/settings/types';

export interface CheckContext {
  mode: PermissionMode;
  trusted: boolean;
}

/** A Source as JSON: `{ level, file, line?, column? }`. */
function sourceJson(source: Source | null) {
  if (!source) return null;
  return { level: source.level, file: source.file, ...(source.position ? { line: source.position.line, column: source.position.column } : {}) };
}

/** The `--json` / `--batch` result object. */
export function decisionJson(decision: Decision, request: ToolRequest, context: CheckContext) {
  return {
    decision: decision.decision,
    reason: decision.reason,
    rule: decision.rule,
    source: sourceJson(decision.source),
    tool: request.tool,
    input: request.input,
    mode: context.mode,
    trusted: context.trusted,
    ...(decision.bash
      ? {
          description: decision.bash.description,
          subcommands: decision.bash.subcommands.map((sub) => ({ ...sub, source: sourceJson(sub.source) })),
          suggestions: decision.bash.suggestions,
        }
      : {}),
  };
}

const VERB: Record<Decision['decision'], string> = { allow: 'ALLOW', ask: 'ASK', deny: 'DENY' };

function subject(request: ToolRequest): string {
  const input = request.input;
  const main = input.command ?? input.file_path ?? input.notebook_path ?? input.url ?? input.path ?? input.pattern;
  return typeof main === 'string' ? `${request.tool} ${main}` : `${request.tool} ${JSON.stringify(input)}`;
}

/** The human explanation of one decision. */
export function decisionText(decision: Decision, request: ToolRequest, context: CheckContext): string {
  const lines = [`${VERB[decision.decision]}  ${subject(request)}`, `  why:   ${decision.reason}`];
  if (decision.rule) lines.push(`  rule:  ${decision.rule}${decision.source ? ` (${formatSource(decision.source)})` : ''}`);
  const bash = decision.bash;
  if (bash) {
    lines.push(`  does:  ${bash.description}`);
    if (bash.subcommands.length > 1) {
      lines.push('  each command:');
      for (const sub of bash.subcommands) lines.push(`    ${sub.decision.padEnd(5)}  ${sub.command}  (${sub.reason})`);
    }
    if (decision.decision === 'ask' && bash.suggestions.length > 0) {
      lines.push(`  to always allow, add to permissions.allow: ${bash.suggestions.map((s) => JSON.stringify(s)).join(', ')}`);
    }
  }
  lines.push(`  mode:  ${context.mode}; workspace ${context.trusted ? 'trusted' : 'not trusted (project allow rules are ignored)'}`);
  return `${lines.join('\n')}\n`;
}
