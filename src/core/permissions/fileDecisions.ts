import type { EvalEnv } from './env';
import { settle, type Flow, type RuleHit } from './flow';
import { insideAll, isInside, type PathTarget } from './paths';
import { protectedHits, type ProtectedHit } from './protectedPaths';
import type { ParsedRule } from '../settings/types';
import { describeRule } from './sourceLabel';
import type { Decision } from './types';

/**
 * Reads (Read, Glob, Grep, LS) and writes (Edit, Write, MultiEdit, NotebookEdit, and shell
 * redirections) of one path. `Edit(...)` rules cover every writing tool; a tool's own rules
 * (`Write(...)`) cover that tool; a Read deny also blocks writes of the same path.
 */

export const WRITE_TOOLS: ReadonlySet<string> = new Set(['Edit', 'Write', 'MultiEdit', 'NotebookEdit']);
export const READ_TOOLS: ReadonlySet<string> = new Set(['Read', 'Glob', 'Grep', 'LS']);

const UNINTERPRETED = 'whose specifier applies to every use because only Read(...) specifiers are paths for this tool';

type WithSpecifier = ParsedRule & { specifier: string };
const hasSpecifier = (rule: ParsedRule): rule is WithSpecifier => rule.specifier !== undefined;

function leadsOutside(target: PathTarget, env: EvalEnv): boolean {
  return env.workDirs.some((d) => isInside(target.display, d));
}

function verbs(tool: string): { doing: string; inside: string } {
  if (tool === 'Glob' || tool === 'Grep') return { doing: 'Searching', inside: 'Searching inside the workspace is allowed without a rule.' };
  if (tool === 'LS') return { doing: 'Listing', inside: 'Listing folders inside the workspace is allowed without a rule.' };
  return { doing: 'Reading', inside: 'Reading inside the workspace is allowed without a rule.' };
}

export function decideRead(tool: string, target: PathTarget, isDir: boolean, env: EvalEnv): Decision {
  const applies = (r: ParsedRule) => r.tool === 'Read' || r.tool === tool;
  const restrictive = (list: ParsedRule[]): RuleHit | undefined => {
    for (const rule of list) {
      if (!applies(rule)) continue;
      if (!hasSpecifier(rule)) return { rule };
      if (rule.tool !== 'Read') return { rule, note: UNINTERPRETED };
      if (env.pattern(rule).matchesAny(target, isDir)) return { rule };
    }
    return undefined;
  };
  const allowRule = env.rules.allow.find(
    (r) => applies(r) && (!hasSpecifier(r) || (r.tool === 'Read' && env.pattern(r).matchesAll(target, isDir))),
  );
  const inside = insideAll(target, env.workDirs);
  const { doing, inside: insideReason } = verbs(tool);
  const fallback = leadsOutside(target, env)
    ? `${doing} ${target.display} leads outside the workspace through a symbolic link (${target.real}), so it asks.`
    : `${doing} outside the workspace (${target.display}) asks unless a Read rule allows it.`;
  const flow: Flow = {
    deny: restrictive(env.rules.deny),
    ask: restrictive(env.rules.ask),
    allow: allowRule ? { rule: allowRule } : undefined,
    builtin: inside ? insideReason : undefined,
    fallback,
  };
  return settle(flow, env.mode);
}

function writeDenyNote(rule: ParsedRule, tool: string): string | undefined {
  if (rule.tool === 'Read') return 'which also blocks edits of what it covers';
  if (rule.tool === 'Edit' && tool !== 'Edit' && !hasSpecifier(rule)) return 'which covers every file-writing tool';
  return undefined;
}

/** An allow rule lifts protection only when, free of wildcards, it names every protected part. */
function namesProtected(rule: ParsedRule, hits: ProtectedHit[], env: EvalEnv): boolean {
  if (hits.length === 0) return true;
  if (!hasSpecifier(rule)) return false;
  const pattern = env.pattern(rule);
  return hits.every((hit) => pattern.namesWithin(hit.anchor));
}

export function decideWrite(tool: string, target: PathTarget, env: EvalEnv): Decision {
  const applies = (r: ParsedRule) => r.tool === 'Edit' || r.tool === tool;
  const matches = (r: ParsedRule) => !hasSpecifier(r) || env.pattern(r).matchesAny(target, false);
  const denyRule = env.rules.deny.find((r) => (applies(r) || r.tool === 'Read') && matches(r));
  const askRule = env.rules.ask.find((r) => applies(r) && matches(r));
  const hits = protectedHits(target);
  let allow: RuleHit | undefined;
  let blockedBy: ParsedRule | undefined;
  for (const rule of env.rules.allow) {
    if (!applies(rule) || (hasSpecifier(rule) && !env.pattern(rule).matchesAll(target, false))) continue;
    if (namesProtected(rule, hits, env)) {
      allow = { rule };
      break;
    }
    blockedBy ??= rule;
  }
  const inside = insideAll(target, env.workDirs);
  const flow: Flow = {
    deny: denyRule ? { rule: denyRule, note: writeDenyNote(denyRule, tool) } : undefined,
    modeDeny: env.mode.effective === 'plan' ? `Plan mode is read-only, so writing ${target.display} is denied.` : undefined,
    ask: askRule ? { rule: askRule } : undefined,
    allow,
    builtin: env.mode.effective === 'acceptEdits' && inside && hits.length === 0
      ? 'Editing inside the workspace is allowed in acceptEdits mode.'
      : undefined,
    fallback: writeFallback(target, inside, hits, blockedBy, env),
  };
  return settle(flow, env.mode);
}

function writeFallback(target: PathTarget, inside: boolean, hits: ProtectedHit[], blockedBy: ParsedRule | undefined, env: EvalEnv): string {
  if (!inside) {
    return leadsOutside(target, env)
      ? `Writing ${target.display} leads outside the workspace through a symbolic link (${target.real}), so it always asks.`
      : `Writing outside the workspace (${target.display}) always asks.`;
  }
  if (hits.length > 0) {
    const hit = hits[0];
    if (blockedBy) {
      return `${hit.anchor} is protected because ${hit.why}, and ${describeRule(blockedBy)} does not name it without wildcards, so editing ${target.display} asks.`;
    }
    return `${hit.anchor} is protected because ${hit.why}, so editing ${target.display} always asks.`;
  }
  return `Editing ${target.display} asks in ${env.mode.effective} mode.`;
}
