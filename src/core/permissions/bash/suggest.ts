/**
 * "Always allow" suggestions: one rule per simple command that no rule matched, at most five.
 * The rule covers the command's program and subcommand (`Bash(git push:*)` for
 * `git push origin main`, `Bash(npm run test:*)` for `npm run test -- --watch`), or the exact
 * command when a prefix would be broader than what was asked (`Bash(make)`, `Bash(rm -rf build)`).
 * Nothing is suggested for wrappers themselves (the rule names the inner command), sudo/doas,
 * inline code (`bash -c`, `python -c`, `node -e`), xargs-fed commands, or opaque commands.
 */
import type { ResolvedCommand } from './model';
import { parseBashPattern, patternMatches } from './ruleMatch';
import { Rank, type Verdict } from './subcommand';
import { shellJoin } from './text';
import { basename } from './wrappers';

export const MAX_SUGGESTIONS = 5;
const MAX_EXACT_LENGTH = 200;

const SUBCOMMAND = /^[A-Za-z0-9][A-Za-z0-9._:@-]*$/;
const SCRIPT_PATH = /^[A-Za-z0-9._/@-]+$/;
const RUNNERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);
const RUN_WORDS = new Set(['run', 'run-script']);
const SCRIPT_INTERPRETERS = /^(python[0-9.]*|node|deno|bun|ruby|perl|php|bash|sh|zsh|tsx|ts-node)$/;

/** The rule to suggest for one command, or null when no reliable rule exists. */
export function suggestionFor(command: ResolvedCommand, kind: 'prefix' | 'exact' = 'prefix'): string | null {
  if (command.privileged || command.inlineCode || command.appendsArguments || command.opaque.length > 0) return null;
  if (command.argv.length === 0 || command.argv.some((word) => !word.static)) return null;
  const words = command.argv.map((word) => word.value);
  const name = words[0];
  if (!SCRIPT_PATH.test(name)) return null;
  let prefix: string[] | null = null;
  if (words.length === 1 || kind === 'exact') prefix = null;
  else if (RUNNERS.has(basename(name)) && RUN_WORDS.has(words[1]) && words[2] !== undefined && SUBCOMMAND.test(words[2])) {
    prefix = words.slice(0, 3);
  } else if (SCRIPT_INTERPRETERS.test(basename(name)) && SCRIPT_PATH.test(words[1]) && !words[1].startsWith('-')) {
    prefix = words.slice(0, 2);
  } else if (SUBCOMMAND.test(words[1])) {
    prefix = words.slice(0, 2);
  }
  let rule: string;
  if (prefix) rule = `Bash(${shellJoin(prefix)}:*)`;
  else {
    const exact = shellJoin(words);
    if (exact.length > MAX_EXACT_LENGTH || exact.includes(')') || exact.endsWith(':*') || exact.includes('*')) return null;
    rule = `Bash(${exact})`;
  }
  const specifier = rule.slice('Bash('.length, -1);
  return patternMatches(parseBashPattern(specifier), words) ? rule : null;
}

/**
 * Up to five distinct suggestions for the commands no rule matched; none when accepting them
 * could not allow the command line (something else in it always asks: an opaque command, sudo,
 * inline code, a write outside the workspace, a read a rule denies or asks about).
 */
export function suggestRules(commands: readonly ResolvedCommand[], verdicts: readonly Verdict[]): string[] {
  const hopeless = (verdict: Verdict): boolean =>
    (verdict.decision !== 'allow' && (verdict.suggest === null || verdict.rank !== Rank.ask)) ||
    verdict.writes.some((check) => check.decision.decision !== 'allow') ||
    verdict.reads.some((check) => check.decision.decision === 'deny' || (check.decision.decision === 'ask' && (check.redirect || check.decision.rule !== null)));
  if (verdicts.some(hopeless)) return [];
  const out: string[] = [];
  commands.forEach((command, i) => {
    const kind = verdicts[i]?.suggest;
    if (!kind || out.length >= MAX_SUGGESTIONS) return;
    const rule = suggestionFor(command, kind);
    if (rule && !out.includes(rule)) out.push(rule);
  });
  return out;
}
