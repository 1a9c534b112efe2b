/**
 * The decision for one simple command: deny rules, then ask rules, then what makes a command
 * unknowable (opaque), then sudo, then allow rules, then the built-in read-only commands; and the
 * files it writes (redirections) and reads (reads.ts) folded in.
 */
import type { DecisionKind, SubcommandDecision } from '../types';
import { usesNetwork } from './kinds';
import type { ResolvedCommand } from './model';
import { readOnlyVerdict } from './readOnly';
import { checkReads, type ReadCheck } from './reads';
import { describeRule } from '../sourceLabel';
import { firstAllow, firstRestrictive, type CompiledRule, type RuleSet } from './ruleSet';
import { capitalize, code } from './text';
import { isSafeAssignment } from './wrappers';
import { checkWrites, type WorkingFolders, type WriteCheck } from './writes';
import type { Decision } from '../types';
import type { ReadUse } from './types';

/**
 * How strongly a verdict decides the whole command line, strongest first: a Bash deny rule, a
 * denied write or read, a Bash ask rule, a write or read asked by a rule, an unmatched command (or
 * a read-only command reading outside the workspace), an unmatched redirection, allowed.
 */
export const Rank = { denyRule: 0, denyFile: 1, askRule: 2, askFileRule: 3, ask: 4, askFile: 5, allow: 6 } as const;

export interface Verdict extends SubcommandDecision {
  rank: number;
  /**
   * Which "always allow" rule would let this command run: a prefix rule, the exact command (for
   * a read-only tool refused for a risky option, where a prefix would cover that option for good),
   * or none (denied, opaque, sudo, inline code, ...).
   */
  suggest: Suggest;
  network: boolean;
  writes: WriteCheck[];
  reads: ReadCheck[];
}

export type Suggest = 'prefix' | 'exact' | null;

export interface CommandContext {
  rules: RuleSet;
  allowReadOnly: boolean;
  folders: WorkingFolders;
  home: string;
  checkWrite(absolutePath: string): Decision;
  checkRead?(absolutePath: string, use?: ReadUse): Decision;
}

interface Outcome {
  decision: DecisionKind;
  reason: string;
  rule: CompiledRule | null;
  rank: number;
  suggest: Suggest;
}

function byRule(decision: DecisionKind, entry: CompiledRule, reason: string, rank: number): Outcome {
  return { decision, reason, rule: entry, rank, suggest: null };
}

function ask(reason: string, suggest: Suggest = null): Outcome {
  return { decision: 'ask', reason, rule: null, rank: Rank.ask, suggest };
}

function allowed(reason: string): Outcome {
  return { decision: 'allow', reason, rule: null, rank: Rank.allow, suggest: null };
}

function unmatched(command: ResolvedCommand, allowReadOnly: boolean, network: boolean): Outcome {
  const text = code(command.text);
  if (command.inlineCode) return ask(`${text} runs ${command.inlineCode}, and no rule allows it.`);
  if (command.argv.length === 0) {
    const risky = command.envAssignments.find((assignment) => !isSafeAssignment(assignment));
    if (command.envAssignments.length === 0) return allowed(`${text} runs no command.`);
    if (!risky) return allowed(`${text} only sets a shell variable.`);
    return ask(`${text} sets ${risky.name}, which can change what later commands run.`);
  }
  const risky = command.envAssignments.find((assignment) => !isSafeAssignment(assignment));
  if (risky) return ask(`${text} sets ${risky.name}, which can change what the program does, and no rule allows it.`);
  if (network) return ask(`${code(command.argv[0].value)} reaches the network and no rule allows it.`, 'prefix');
  const verdict = readOnlyVerdict(command);
  if (verdict.readOnly) {
    if (allowReadOnly) return allowed(`${text} only reads, so it needs no rule.`);
    return ask(`No rule allows ${text}; read-only commands are not allowed without a rule right now.`, 'prefix');
  }
  if (verdict.why) return ask(`${text} is not read-only (${verdict.why}), and no rule allows it.`, 'exact');
  return ask(`No rule allows ${text}.`, 'prefix');
}

function commandOutcome(command: ResolvedCommand, context: CommandContext, network: boolean): Outcome {
  const deny = firstRestrictive(context.rules.deny, command, context.rules.programNames);
  if (deny) return byRule('deny', deny, `Denied by ${describeRule(deny.rule)}.`, Rank.denyRule);
  const askRule = firstRestrictive(context.rules.ask, command, context.rules.programNames);
  if (askRule) {
    return byRule('ask', askRule, `${capitalize(describeRule(askRule.rule))} asks before running ${code(command.text)}.`, Rank.askRule);
  }
  if (command.opaque.length > 0) return ask(`${code(command.text)} ${command.opaque[0]}.`);
  const allow = firstAllow(context.rules.allow, command);
  if (command.privileged && !allow) {
    const wrapper = command.wrappers.find((name) => name === 'sudo' || name === 'doas') ?? 'sudo';
    return ask(`${code(command.text)} runs as another user through ${wrapper}; only a rule written for ${wrapper} itself can allow it.`);
  }
  if (allow) return byRule('allow', allow, `Allowed by ${describeRule(allow.rule)}.`, Rank.allow);
  return unmatched(command, context.allowReadOnly, network);
}

function writeRank(check: WriteCheck): number {
  if (check.decision.decision === 'deny') return Rank.denyFile;
  if (check.decision.decision === 'ask') return check.decision.rule ? Rank.askFileRule : Rank.askFile;
  return Rank.allow;
}

/**
 * A denied read denies and a read asked by a rule asks whatever allowed the command. Any other
 * ask (a file outside the working directories, a name only known at run time) only keeps the
 * command from being allowed as read-only: a Bash allow rule that matched it is the person's
 * explicit choice. Input redirections are opened by the shell, not the program the rule names:
 * like redirect writes, they ask whatever allowed the command.
 */
function readRank(check: ReadCheck, allowedByRule: boolean): number {
  if (check.decision.decision === 'deny') return Rank.denyFile;
  if (check.decision.decision === 'ask') {
    if (check.decision.rule) return Rank.askFileRule;
    if (check.redirect) return Rank.askFile;
    return allowedByRule ? Rank.allow : Rank.ask;
  }
  return Rank.allow;
}

/** Decides one simple command, its redirections included. */
export function decideCommand(command: ResolvedCommand, context: CommandContext): Verdict {
  const network = usesNetwork(command.argv);
  const outcome = commandOutcome(command, context, network);
  const writes = checkWrites(command, context.folders, context.home, context.checkWrite);
  const reads = context.checkRead ? checkReads(command, context.folders, context.home, context.checkRead) : [];
  let verdict: Verdict = {
    command: command.text,
    decision: outcome.decision,
    reason: outcome.reason,
    rule: outcome.rule?.rule.raw ?? null,
    source: outcome.rule?.rule.source ?? null,
    rank: outcome.rank,
    suggest: outcome.suggest,
    network,
    writes,
    reads,
  };
  const allowedWrites = writes.filter((check) => check.decision.decision === 'allow').map((check) => check.target);
  if (verdict.decision === 'allow' && allowedWrites.length > 0) {
    verdict.reason = `${verdict.reason.replace(/\.$/, '')}; writing ${allowedWrites.join(', ')} is allowed.`;
  }
  for (const check of writes) {
    const rank = writeRank(check);
    if (rank >= verdict.rank) continue;
    const reason = check.paths.length > 0 ? `${code(command.text)} writes ${check.target}: ${check.decision.reason}` : check.decision.reason;
    verdict = { ...verdict, decision: check.decision.decision, reason, rule: check.decision.rule, source: check.decision.source, rank };
  }
  const allowedByRule = outcome.decision === 'allow' && outcome.rule !== null;
  for (const check of reads) {
    const rank = readRank(check, allowedByRule);
    if (rank >= verdict.rank) continue;
    const verb = check.use === 'mention' ? 'names' : 'reads';
    const reason = check.paths.length > 0 ? `${code(command.text)} ${verb} ${check.target}: ${check.decision.reason}` : check.decision.reason;
    // Reading outside the workspace: only a rule for this exact command should allow it for good.
    const suggest: Suggest = rank === Rank.ask ? 'exact' : null;
    verdict = { ...verdict, decision: check.decision.decision, reason, rule: check.decision.rule, source: check.decision.source, rank, suggest };
  }
  return verdict;
}
