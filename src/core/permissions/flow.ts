import type { ModeState } from './modes';
import type { ParsedRule } from '../settings/types';
import { describeRule } from './sourceLabel';
import type { Decision } from './types';

/**
 * What the rules and the mode say about one action, gathered by the per-tool deciders and settled
 * here in the one order PERMISSIONS.md prescribes: deny rules, what the mode forbids, ask rules,
 * fail-closed, allow rules, bypass, built-in allowances, and finally ask.
 */
export interface Flow {
  /** The first deny rule that matched, with an optional note ("which also blocks edits"). */
  deny?: RuleHit;
  /** The mode forbids the action (plan mode and anything that writes). */
  modeDeny?: string;
  ask?: RuleHit;
  /** The mode forbids automatic approval (plan mode and tools of unknown effect). */
  modeAsk?: string;
  allow?: RuleHit;
  /** An allowance without a rule (reading inside the workspace, acceptEdits), with its reason. */
  builtin?: string;
  /** Why this asks when nothing else decided. */
  fallback: string;
}

export interface RuleHit {
  rule: ParsedRule;
  note?: string;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withNote(hit: RuleHit): string {
  return hit.note ? `${describeRule(hit.rule)}, ${hit.note}` : describeRule(hit.rule);
}

export function denyByRule(hit: RuleHit): Decision {
  return { decision: 'deny', reason: `Denied by ${withNote(hit)}.`, rule: hit.rule.raw, source: hit.rule.source };
}

export function askByRule(hit: RuleHit): Decision {
  return { decision: 'ask', reason: `Asks first because of ${withNote(hit)}.`, rule: hit.rule.raw, source: hit.rule.source };
}

export function allowByRule(hit: RuleHit): Decision {
  return { decision: 'allow', reason: `Allowed by ${withNote(hit)}.`, rule: hit.rule.raw, source: hit.rule.source };
}

/** `The rule Bash in user settings (...) removes the Bash tool entirely.` */
export function removedTool(rule: ParsedRule, tool: string): Decision {
  return {
    decision: 'deny',
    reason: `${capitalize(describeRule(rule))} removes the ${tool} tool entirely.`,
    rule: rule.raw,
    source: rule.source,
  };
}

export function plain(decision: Decision['decision'], reason: string): Decision {
  return { decision, reason, rule: null, source: null };
}

/** Adds the refusal note of the mode (bypass disabled) to an ask reason. */
export function withRefusal(reason: string, mode: ModeState): string {
  if (!mode.refusal) return reason;
  return `${reason.replace(/\.$/, '')}; ${mode.refusal}.`;
}

export const BYPASS_REASON = 'Bypass mode allows everything that is not denied or matched by an ask rule.';

export function settle(flow: Flow, mode: ModeState): Decision {
  if (flow.deny) return denyByRule(flow.deny);
  if (flow.modeDeny !== undefined) return plain('deny', flow.modeDeny);
  if (flow.ask) return askByRule(flow.ask);
  if (mode.failClosed) return plain('ask', mode.failClosed.reason);
  if (flow.modeAsk !== undefined) return plain('ask', flow.modeAsk);
  if (flow.allow) return allowByRule(flow.allow);
  if (mode.effective === 'bypassPermissions') return plain('allow', BYPASS_REASON);
  if (flow.builtin !== undefined) return plain('allow', flow.builtin);
  return plain('ask', withRefusal(flow.fallback, mode));
}
