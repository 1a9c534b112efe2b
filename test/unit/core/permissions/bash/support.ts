/**
 * Shared fixtures for the bash analysis tests: rules as a settings file would give them, a fake
 * workspace (/proj) whose writes are allowed, writes elsewhere asked, and one path denied.
 */
import path from 'node:path';
import { decideBash } from '../../../../../src/core/permissions/bash/decide';
import type { BashDecisionInput } from '../../../../../src/core/permissions/bash/types';
import { parseRuleText, type ParsedRule, type RuleList } from '../../../../../src/core/permissions/rules';
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

/** Writes inside /proj are allowed, /proj/secrets/** is denied by an Edit rule, the rest asks. */
export function fakeCheckWrite(file: string): Decision {
  const inside = (root: string) => file === root || file.startsWith(`${root}${path.sep}`);
  if (inside(DENIED_WRITE)) {
    return { decision: 'deny', reason: 'Denied by the rule Edit(/secrets/**) in project settings (.claude/settings.json).', rule: 'Edit(/secrets/**)', source: PROJECT_SOURCE };
  }
  if (inside(WORKSPACE)) return { decision: 'allow', reason: 'Inside the workspace.', rule: null, source: null };
  return { decision: 'ask', reason: `${file} is outside the working directories.`, rule: null, source: null };
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
    ...overrides,
  };
}

export function decide(command: string, rules: RuleTexts = {}, overrides: Partial<BashDecisionInput> = {}): Promise<Decision> {
  return decideBash(input(command, rules, overrides));
}
