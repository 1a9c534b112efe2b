/**
 * Shared fixtures for the bash analysis tests: rules as a settings file would give them, a fake
 * workspace (/proj) whose writes are allowed, writes elsewhere asked, and one path denied.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { decideBash } from '../../../../../src/core/permissions/bash/decide';
import type { BashDecisionInput, ReadUse } from '../../../../../src/core/permissions/bash/types';
import { parseRuleText, type ParsedRule, type RuleList } from '../../../../../src/core/settings/rules';
import type { Source } from '../../../../../src/core/settings/types';
import type { Decision } from '../../../../../src/core/permissions/types';

export const WORKSPACE = '/proj';
export const HOME = '/home/dev';
export const DENIED_WRITE = '/proj/secrets';

export const PROJECT_SOURCE: Source = { level: 'project', file: '/proj/.claude/settings.json', root: '/proj' };
export const USER_SOURCE: Source = { level: 'user', file: '/home/dev/.claude/settings.json', root: HOME };

export function rule(list: RuleList, text: string, source: Source = PROJECT_SOURCE): ParsedRule {
  const parsed = parseRuleText(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return { raw: text, tool: parsed.tool, specifier: parsed.specifier, list, source };
}

export interface RuleTexts {
  allow?: string[];
  ask?: string[];
  deny?: string[];
}

/**
 * Writes inside /proj are allowed, /proj/secrets/** is denied by an Edit rule, the rest asks. The
 * analysis hands over paths with `..` still in them; like the engine, the fake resolves them.
 */
export function fakeCheckWrite(raw: string): Decision {
  assert.ok(path.isAbsolute(raw), `checkWrite gets absolute paths, not ${raw}`);
  const file = path.resolve(raw);
  const inside = (root: string) => file === root || file.startsWith(`${root}${path.sep}`);
  if (inside(DENIED_WRITE)) {
    return { decision: 'deny', reason: 'Denied by the rule Edit(/secrets/**) in project settings (.claude/settings.json).', rule: 'Edit(/secrets/**)', source: PROJECT_SOURCE };
  }
  if (inside(WORKSPACE)) return { decision: 'allow', reason: 'Inside the workspace.', rule: null, source: null };
  return { decision: 'ask', reason: `${file} is outside the working directories.`, rule: null, source: null };
}

/**
 * Reads inside /proj are allowed and the rest asks, as the engine decides Read with no Read rules
 * (readArgs.test.ts covers Read deny rules). Like the engine, it resolves the `..` it is handed.
 */
export function fakeCheckRead(raw: string, use: ReadUse = 'file'): Decision {
  assert.ok(path.isAbsolute(raw), `checkRead gets absolute paths, not ${raw}`);
  const file = path.resolve(raw);
  if (use === 'mention' || file === WORKSPACE || file.startsWith(`${WORKSPACE}${path.sep}`)) {
    return { decision: 'allow', reason: 'Reading inside the workspace is allowed without a rule.', rule: null, source: null };
  }
  return { decision: 'ask', reason: `Reading outside the workspace (${file}) asks unless a Read rule allows it.`, rule: null, source: null };
}

export function input(command: string, rules: RuleTexts = {}, overrides: Partial<BashDecisionInput> = {}): BashDecisionInput {
  return {
    command,
    cwd: WORKSPACE,
    home: HOME,
    rules: {
      allow: (rules.allow ?? []).map((text) => rule('allow', text)),
      ask: (rules.ask ?? []).map((text) => rule('ask', text)),
      deny: (rules.deny ?? []).map((text) => rule('deny', text)),
    },
    allowReadOnly: true,
    checkWrite: fakeCheckWrite,
    checkRead: fakeCheckRead,
    ...overrides,
  };
}

export function decide(command: string, rules: RuleTexts = {}, overrides: Partial<BashDecisionInput> = {}): Promise<Decision> {
  return decideBash(input(command, rules, overrides));
}

export type Expected = 'allow' | 'ask' | 'deny';

/** One attack (or everyday command) and the outcome it must get. */
export interface Case {
  /** What the case stands for, e.g. "absolute path to a denied binary". */
  attack: string;
  command: string;
  expect: Expected;
  /** The rule that must have decided (deny/ask by rule); null asserts that no rule decided. */
  rule?: string | null;
  /** Rules for this case instead of the table's defaults. */
  rules?: RuleTexts;
}

/** Registers one test per case: the decision, and for denies the rule that fired. */
export function runCases(defaults: RuleTexts, cases: readonly Case[], register: (name: string, body: () => Promise<void>) => void): void {
  for (const entry of cases) {
    const shown = entry.command.length > 80 ? `${entry.command.slice(0, 77)}...` : entry.command;
    register(`${entry.attack}: ${JSON.stringify(shown)} → ${entry.expect}`, async () => {
      if (entry.expect === 'deny') assert.ok(entry.rule, 'a deny case must name the rule that fires');
      const decision = await decide(entry.command, entry.rules ?? defaults);
      const context = `reason: ${decision.reason}`;
      assert.equal(decision.decision, entry.expect, context);
      if (entry.rule !== undefined) assert.equal(decision.rule, entry.rule, context);
      assert.equal(decision.rule === null, decision.source === null, 'a decision by a rule carries its source');
      assert.ok(decision.bash && decision.bash.description.length > 0, 'every decision describes the command');
    });
  }
}
