/**
 * Decides a `Bash` tool call (PERMISSIONS.md "Bash analysis (fail closed)"): any deny rule that
 * matches any simple command anywhere denies the whole line; otherwise any ask rule asks;
 * otherwise every simple command must be allowed (by an allow rule, or as a built-in read-only
 * command) and every file it writes must be allowed, or the line is asked about.
 *
 * Deliberate choices:
 * - Deny and ask rules match every form of a command: with and without its wrappers, with the
 *   program's basename (`/bin/rm`, `./rm` and `~/bin/rm` all match `Bash(rm:*)`), with git's
 *   global options removed, and for a wildcard name (`/bin/r?`) as each rule program it matches.
 * - Allow rules match only the command that runs, as written: `Bash(npm test:*)` does not allow
 *   `./npm test`. Prefix and exact rules compare words, so quoting cannot merge or split them.
 * - sudo/doas are allowed only by a rule that starts with sudo/doas itself, never by `Bash`,
 *   `Bash(*)` or a rule for the inner command.
 * - A command that sets an environment variable outside a short harmless list (NODE_ENV, CI,
 *   LANG, ...) is matched with the assignment included and is never read-only.
 * - Opaque commands (substitutions, expansions in command position, $IFS, arithmetic, heredocs
 *   with expansions, functions, aliases, eval, source, traps, parse errors, commands over 10,000
 *   characters) always ask unless denied: no allow rule covers them.
 * - Inline code (`bash -c`, `python -c`, `node -e`, ...) is never read-only; a rule for the
 *   interpreter allows it, and for shells the commands of the script must be allowed as well.
 * - Files a command reads are decided like Read of each (reads.ts): a Read deny denies the line,
 *   whatever allowed the command; a read that asks keeps the command from being allowed as
 *   read-only, but not from an explicit Bash allow rule.
 */
import os from 'node:os';
import type { Decision, SubcommandDecision } from '../types';
import { analyzeWith } from './analyze';
import { describeCommand } from './describe';
import { loadBashParser, type BashParser, type BashParserOptions } from './parser';
import { describeRule } from '../sourceLabel';
import { compileRules, firstLineRule } from './ruleSet';
import { decideCommand, Rank, type Verdict } from './subcommand';
import { suggestRules } from './suggest';
import { capitalize } from './text';
import type { BashDecisionInput } from './types';
import { WorkingFolders } from './writes';

export { analyzeBash, analyzeWith, MAX_COMMAND_LENGTH } from './analyze';
export { loadBashParser, BashParserLoadError, type BashParser, type BashParserOptions } from './parser';
export type { BashAnalysis, ResolvedCommand } from './model';

interface Candidate {
  rank: number;
  decision: Decision['decision'];
  reason: string;
  rule: string | null;
  source: Decision['source'];
}

function withoutPeriod(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

function overall(candidates: Candidate[], verdicts: Verdict[]): Omit<Decision, 'bash'> {
  const best = candidates.reduce<Candidate | null>((found, candidate) => (!found || candidate.rank < found.rank ? candidate : found), null);
  if (!best) return { decision: 'allow', reason: 'The command runs nothing.', rule: null, source: null };
  if (best.rank === Rank.allow) {
    const byRule = verdicts.find((verdict) => verdict.rule !== null);
    if (verdicts.length === 1) return { decision: 'allow', reason: best.reason, rule: best.rule, source: best.source };
    return {
      decision: 'allow',
      reason: `${verdicts.length === 2 ? 'Both' : `All ${verdicts.length}`} commands are allowed: each is read-only or matched by an allow rule.`,
      rule: byRule?.rule ?? null,
      source: byRule?.source ?? null,
    };
  }
  const same = candidates.filter((candidate) => candidate.rank >= Rank.ask && candidate.rank < Rank.allow).length;
  const reason =
    best.rank >= Rank.ask && same > 1
      ? `${withoutPeriod(best.reason)}; ${same - 1} more ${same === 2 ? 'part needs' : 'parts need'} approval too.`
      : best.reason;
  return { decision: best.decision, reason, rule: best.rule, source: best.source };
}

/** Decides with a loaded parser (synchronous). */
export function decideBashWith(parser: BashParser, input: BashDecisionInput): Decision {
  const analysis = analyzeWith(parser, input.command);
  const rules = compileRules(input.rules);
  const home = input.home ?? os.homedir();
  const folders = new WorkingFolders(input.cwd, home);
  const checkRead = input.checkRead ? input.checkRead.bind(input) : undefined;
  const context = { rules, allowReadOnly: input.allowReadOnly, folders, home, checkWrite: (file: string) => input.checkWrite(file), checkRead };
  const verdicts = analysis.commands.map((command) => {
    const verdict = decideCommand(command, context);
    folders.follow(command);
    return verdict;
  });
  const candidates: Candidate[] = analysis.issues.map((issue) => ({ rank: Rank.ask, decision: 'ask', reason: `${issue}.`, rule: null, source: null }));
  candidates.push(...verdicts);
  const lineDeny = firstLineRule(rules.deny, input.command);
  if (lineDeny) {
    candidates.push({ rank: Rank.denyRule, decision: 'deny', reason: `Denied by ${describeRule(lineDeny.rule)}.`, rule: lineDeny.rule.raw, source: lineDeny.rule.source });
  }
  const lineAsk = firstLineRule(rules.ask, input.command);
  if (lineAsk) {
    candidates.push({ rank: Rank.askRule, decision: 'ask', reason: `${capitalize(describeRule(lineAsk.rule))} asks before running this command.`, rule: lineAsk.rule.raw, source: lineAsk.rule.source });
  }
  const decision = overall(candidates, verdicts);
  const subcommands: SubcommandDecision[] = verdicts.map(({ command, decision: kind, reason, rule, source }) => ({ command, decision: kind, reason, rule, source }));
  const suggestible = decision.decision === 'ask' && analysis.issues.length === 0 && !lineAsk;
  const suggestions = suggestible ? suggestRules(analysis.commands, verdicts) : [];
  return { ...decision, bash: { description: describeCommand(analysis, verdicts), subcommands, suggestions } };
}

/**
 * Decides a Bash command line. If the shell grammar cannot be loaded the answer is "ask" (with the
 * reason), except that a bare `Bash` deny rule still denies.
 */
export async function decideBash(input: BashDecisionInput, options?: BashParserOptions): Promise<Decision> {
  let parser: BashParser;
  try {
    parser = await loadBashParser(options);
  } catch (error) {
    const bare = input.rules.deny.find((rule) => rule.specifier === undefined);
    const reason = `AgentGate cannot analyse shell commands (${(error as Error).message}), so it asks before running any.`;
    const description = 'A shell command AgentGate could not analyse.';
    if (bare) {
      return { decision: 'deny', reason: `Denied by ${describeRule(bare)}.`, rule: bare.raw, source: bare.source, bash: { description, subcommands: [], suggestions: [] } };
    }
    return { decision: 'ask', reason, rule: null, source: null, bash: { description, subcommands: [], suggestions: [] } };
  }
  return decideBashWith(parser, input);
}
