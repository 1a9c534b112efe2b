/**
 * The Bash rules of one decision, compiled once, and the question "which rule matches this
 * command?" for each list. Deny and ask rules are matched against every form of the command
 * (with and without wrappers, the program's basename for `/bin/rm` and `./rm`, git without its
 * global options); allow rules only against the command that actually runs, as written.
 */
import picomatch from 'picomatch';
import type { ParsedRule } from '../../settings/types';
import type { BashDecisionInput } from './types';
import type { ResolvedCommand } from './model';
import { lineMatches, parseBashPattern, patternMatches, type BashPattern } from './ruleMatch';
import { basename, isPattern, isSafeAssignment } from './wrappers';

export interface CompiledRule {
  rule: ParsedRule;
  pattern: BashPattern;
}

export interface RuleSet {
  allow: CompiledRule[];
  ask: CompiledRule[];
  deny: CompiledRule[];
  /** First words of the deny and ask rules (see restrictiveForms). */
  programNames: string[];
}

export function compileRules(rules: BashDecisionInput['rules']): RuleSet {
  const compile = (list: ParsedRule[]): CompiledRule[] => list.map((rule) => ({ rule, pattern: parseBashPattern(rule.specifier) }));
  const set = { allow: compile(rules.allow), ask: compile(rules.ask), deny: compile(rules.deny), programNames: [] as string[] };
  set.programNames = ruleProgramNames(set);
  return set;
}

const GIT_GLOBAL_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env', '--super-prefix']);

/** `git -C dir --no-pager push` as `git push`, so `Bash(git push:*)` denies it too. */
function withoutGitGlobals(words: readonly string[]): string[] | null {
  let i = 1;
  while (i < words.length && words[i].startsWith('-')) i += GIT_GLOBAL_WITH_VALUE.has(words[i]) ? 2 : 1;
  return i > 1 && i < words.length ? [words[0], ...words.slice(i)] : null;
}

/** The program names deny and ask rules start with, for commands named by a pattern. */
export function ruleProgramNames(rules: Pick<RuleSet, 'deny' | 'ask'>): string[] {
  const names = new Set<string>();
  for (const entry of [...rules.deny, ...rules.ask]) {
    if ((entry.pattern.kind === 'prefix' || entry.pattern.kind === 'exact') && entry.pattern.words?.[0]) names.add(entry.pattern.words[0]);
  }
  return [...names];
}

/**
 * Every form of the command that deny and ask rules are tried against. A program named by a
 * pattern (`/bin/r?`) is tried as every rule's program name the pattern matches.
 */
export function restrictiveForms(command: ResolvedCommand, programNames: readonly string[] = []): string[][] {
  const forms: string[][] = [];
  for (const level of command.levels) {
    if (level.length === 0) continue;
    forms.push(level);
    if (level[0].includes('/')) forms.push([basename(level[0]), ...level.slice(1)]);
  }
  const head = command.argv[0];
  if (head && isPattern(head)) {
    const pattern = basename(head.value);
    const rest = command.argv.slice(1).map((word) => word.value);
    for (const name of programNames) if (picomatch.isMatch(name, pattern, { dot: true })) forms.push([name, ...rest]);
  }
  const inner = command.levels[command.levels.length - 1] ?? [];
  if (inner[0] !== undefined && basename(inner[0]) === 'git') {
    const stripped = withoutGitGlobals([basename(inner[0]), ...inner.slice(1)]);
    if (stripped) forms.push(stripped);
  }
  return forms;
}

/** The form allow rules are matched against: the inner command, unless it needs more context. */
export function allowForm(command: ResolvedCommand): string[] {
  if (!command.envAssignments.every(isSafeAssignment)) return command.levels[0] ?? [];
  if (command.privilegedLevel) return command.privilegedLevel;
  return command.argv.map((word) => word.value);
}

export function firstRestrictive(list: CompiledRule[], command: ResolvedCommand, programNames: readonly string[] = []): CompiledRule | null {
  const forms = restrictiveForms(command, programNames);
  return list.find((entry) => forms.some((form) => patternMatches(entry.pattern, form))) ?? null;
}

/** sudo and doas are allowed only by a rule that names them (not by `Bash` or `Bash(*)`). */
function namesWrapper(entry: CompiledRule, wrapper: string): boolean {
  const words = entry.rule.specifier?.trim().split(/\s+/) ?? [];
  return words[0] === wrapper || words[0] === `${wrapper}:*`;
}

export function firstAllow(list: CompiledRule[], command: ResolvedCommand): CompiledRule | null {
  const form = allowForm(command);
  if (form.length === 0) return null;
  const candidates = command.privilegedLevel ? list.filter((entry) => namesWrapper(entry, basename(form[0]))) : list;
  return candidates.find((entry) => patternMatches(entry.pattern, form, { appendsArguments: command.appendsArguments })) ?? null;
}

/** Rules with shell operators in them, matched against the whole command line. */
export function firstLineRule(list: CompiledRule[], commandLine: string): CompiledRule | null {
  return list.find((entry) => lineMatches(entry.pattern, commandLine)) ?? null;
}
