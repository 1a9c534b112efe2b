import type { Decision, ToolRequest } from '../permissions/types';
import { formatSource } from '../permissions/sourceLabel';
import type { AgentTool, ToolContext } from '../tools/types';
import type { ApprovalPrompter, ApprovalReply } from './types';

/** Asks the permission engine about one tool call. */
export type DecideFn = (request: ToolRequest) => Decision | Promise<Decision>;

/** Persists an "always allow" rule in the chosen settings file. */
export type SaveRuleFn = (rule: string, scope: 'local' | 'project') => Promise<void>;

/** Someone who can approve: the prompter and where "always allow" rules go. */
export interface Approvals {
  prompter: ApprovalPrompter;
  saveRule: SaveRuleFn;
}

/** Who refused a call. `headless`: it needed approval and nobody could give it. */
export type RefusedBy = 'rule' | 'person' | 'headless';

export type Authorization =
  | { allowed: true; decision: Decision; reply?: ApprovalReply }
  | { allowed: false; decision: Decision; by: RefusedBy; message: string };

/** The change preview of a file-writing tool failed: the call cannot be shown, so it does not run. */
export class PreviewFailedError extends Error {
  override name = 'PreviewFailedError';
}

/** Thrown when an approved "always allow" rule could not be saved. */
export class SaveRuleError extends Error {
  override name = 'SaveRuleError';
}

/** The engine's reason as a sentence ending in one full stop. */
function asSentence(reason: string): string {
  const trimmed = reason.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The reason, naming the rule and where it came from unless the reason already does. */
function explain(decision: Decision): string {
  const reason = asSentence(decision.reason);
  if (decision.rule === null || reason.includes(decision.rule)) return reason;
  const where = decision.source === null ? '' : ` in ${formatSource(decision.source)}`;
  return `${reason} (Rule ${decision.rule}${where}.)`;
}

export function engineDenialMessage(decision: Decision): string {
  return `Permission denied: ${explain(decision)} Do not retry this action; choose a different approach or tell the person what you need.`;
}

export function headlessRefusalMessage(decision: Decision): string {
  const suggestions = decision.bash?.suggestions ?? [];
  const example = suggestions.length > 0 ? suggestions.map((rule) => `"${rule}"`).join(', ') : 'a permission rule for this tool';
  return (
    'This action needs approval, and nobody can approve it in a non-interactive run. ' +
    `Why it needs approval: ${explain(decision)} ` +
    `To allow it, the person running AgentGate can add ${example} to the allowed tools (--allowedTools, or permissions.allow in .claude/settings.json). ` +
    'Continue without this action if you can, or say what you need.'
  );
}

export function personDenialMessage(decision: Decision, feedback: string | undefined): string {
  const said = feedback !== undefined && feedback.trim() !== '' ? ` Their feedback: "${feedback.trim()}"` : ' They gave no reason.';
  return (
    `The person denied this action. It needed approval because: ${asSentence(decision.reason)}${said} ` +
    'Do not retry the same action; adjust your approach to their feedback, or ask them how to proceed.'
  );
}

/**
 * Decides whether one validated tool call may run: the engine's decision, then (on "ask") the
 * person through the prompter, with the file changes for file-writing tools. "Always allow"
 * replies save their rule first. Without `approvals` (headless), "ask" is refused.
 */
export async function authorize(
  call: { id: string; tool: AgentTool; input: Record<string, unknown> },
  deps: { decide: DecideFn; approvals: Approvals | undefined; toolContext: ToolContext },
): Promise<Authorization> {
  const decision = await deps.decide({ tool: call.tool.name, input: call.input });
  if (decision.decision === 'allow') return { allowed: true, decision };
  if (decision.decision === 'deny') return { allowed: false, decision, by: 'rule', message: engineDenialMessage(decision) };
  if (deps.approvals === undefined) return { allowed: false, decision, by: 'headless', message: headlessRefusalMessage(decision) };

  let changes;
  try {
    changes = call.tool.preview === undefined ? undefined : await call.tool.preview(call.input, deps.toolContext);
  } catch (error) {
    throw new PreviewFailedError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const reply = await deps.approvals.prompter.ask(
    { toolUseId: call.id, tool: call.tool.name, input: call.input, decision, ...(changes === undefined ? {} : { changes }) },
    deps.toolContext.signal,
  );
  switch (reply.kind) {
    case 'allowOnce':
      return { allowed: true, decision, reply };
    case 'allowAlways':
      try {
        await deps.approvals.saveRule(reply.rule, reply.scope);
      } catch (error) {
        throw new SaveRuleError(`Could not save the permission rule "${reply.rule}" to the ${reply.scope} settings: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      return { allowed: true, decision, reply };
    case 'deny':
      return { allowed: false, decision, by: 'person', message: personDenialMessage(decision, reply.feedback) };
  }
}
