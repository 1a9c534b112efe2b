import type { BashDecisionInput, ReadUse } from './bash/types';
import type { EvalEnv } from './env';
import { decideRead, decideWrite } from './fileDecisions';
import { askByRule, BYPASS_REASON, denyByRule, plain, withRefusal } from './flow';
import { isDirectory, pathTarget, PathResolutionError, type PathCache, type PathTarget } from './paths';
import type { CompiledPathPattern } from './pathRules';
import type { ParsedRule } from '../settings/types';
import { describeRule } from './sourceLabel';
import type { Decision } from './types';

/** The shell analysis (src/core/permissions/bash/decide.ts), injectable for tests. */
export type BashDecider = (input: BashDecisionInput) => Promise<Decision>;

/** A redirection target, decided exactly like `Edit` of that path under the current mode. */
export function checkWriteFor(env: EvalEnv): (absolutePath: string) => Decision {
  return (absolutePath) => {
    try {
      return decideWrite('Edit', pathTarget(env.ctx.cwd, absolutePath), env);
    } catch (error) {
      if (error instanceof PathResolutionError) return plain('deny', `Writing is refused: ${error.message}`);
      throw error;
    }
  };
}

type ReadRule = ParsedRule & { specifier: string };

const isReadRule = (rule: ParsedRule): rule is ReadRule => rule.tool === 'Read' && rule.specifier !== undefined;

/**
 * A path a shell command reads (or names), decided like `Read` of that path under the current
 * mode. `file` is exactly the Read tool's decision (a folder is decided as the LS tool's would be:
 * a deny of anything directly inside it denies). `tree` adds, for a folder read recursively, an ask
 * naming the first Read deny or ask rule that could match something below it. `mention` (a word
 * that may not be a path at all) only reports a Read deny rule with a path: deny when it covers
 * the path itself, ask (naming the rule) when the path is a folder with files it covers.
 */
export function checkReadFor(env: EvalEnv): (absolutePath: string, use?: ReadUse) => Decision {
  let denies: { rule: ReadRule; pattern: CompiledPathPattern }[] | undefined;
  let asks: ReadRule[] | undefined;
  const cache: PathCache = new Map();
  const mentioned = plain('allow', 'No Read rule denies this path.');
  return (absolutePath, use = 'file') => {
    denies ??= env.rules.deny.filter(isReadRule).map((rule) => ({ rule, pattern: env.pattern(rule) }));
    try {
      if (use === 'mention') {
        if (denies.length === 0) return mentioned;
        const target = pathTarget(env.ctx.cwd, absolutePath, cache);
        const hit = denies.find(({ pattern }) => pattern.matchesAny(target, false));
        if (hit) return denyByRule({ rule: hit.rule });
        // A folder whose files a rule denies (`cp -r secrets /tmp`) asks: the word may as well be
        // a subcommand (`kubectl get secrets`). Only a rule that can match below it can cover
        // what is inside, and only then is it worth asking the file system.
        const below = denies.filter(({ pattern }) => target.candidates.some((c) => pattern.mayMatchBelow(c)));
        const folder = below.length > 0 && target.candidates.some(isDirectory) ? below.find(({ pattern }) => pattern.matchesAny(target, true)) : undefined;
        if (!folder) return mentioned;
        return { ...askByRule({ rule: folder.rule }), reason: `${target.display} is a folder with files that ${describeRule(folder.rule)} denies, so passing it to a program asks.` };
      }
      const target = pathTarget(env.ctx.cwd, absolutePath, cache);
      const isDir = target.candidates.some(isDirectory);
      const decision = decideRead('Read', target, isDir, env);
      if (use !== 'tree' || !isDir || decision.decision === 'deny' || (decision.decision === 'ask' && decision.rule !== null)) return decision;
      asks ??= env.rules.ask.filter(isReadRule);
      return belowFolder(target, denies.map(({ rule }) => rule), 'denies', env) ?? belowFolder(target, asks, 'asks about', env) ?? decision;
    } catch (error) {
      if (!(error instanceof PathResolutionError)) throw error;
      return use === 'mention' ? mentioned : plain('deny', `Reading is refused: ${error.message}`);
    }
  };
}

/** An ask naming the first rule that could match something below the folder, if any. */
function belowFolder(target: PathTarget, rules: readonly ReadRule[], verb: string, env: EvalEnv): Decision | null {
  const rule = rules.find((r) => target.candidates.some((c) => env.pattern(r).mayMatchBelow(c)));
  if (!rule) return null;
  const hit = askByRule({ rule });
  return { ...hit, reason: `Reading everything in ${target.display} may read files that ${describeRule(rule)} ${verb}, so it asks.` };
}

/**
 * Runs the shell analysis with the Bash rules and applies the mode: plan allows only read-only
 * commands; fail-closed passes no allow rules and no read-only allowance; bypass turns anything
 * not denied and not matched by an ask rule into allow.
 */
export async function decideBashCommand(command: string, env: EvalEnv, analyse: BashDecider): Promise<Decision> {
  const bashRules = (list: 'allow' | 'ask' | 'deny') => env.rules[list].filter((r) => r.tool === 'Bash');
  const rules = { allow: bashRules('allow'), ask: bashRules('ask'), deny: bashRules('deny') };
  const base = { command, cwd: env.ctx.cwd, home: env.ctx.home, checkWrite: checkWriteFor(env), checkRead: checkReadFor(env) };
  const { mode } = env;

  if (mode.effective === 'plan') return decidePlan(command, env, analyse, rules);
  if (mode.failClosed) {
    const result = await analyse({ ...base, rules: { ...rules, allow: [] }, allowReadOnly: false });
    if (result.decision === 'deny' || (result.decision === 'ask' && result.rule !== null)) return result;
    return { ...result, decision: 'ask', reason: mode.failClosed.reason, rule: null, source: null };
  }
  const result = await analyse({ ...base, rules, allowReadOnly: true });
  if (mode.effective === 'bypassPermissions') {
    if (result.decision === 'deny' || (result.decision === 'ask' && result.rule !== null)) return result;
    return { ...result, decision: 'allow', reason: BYPASS_REASON, rule: null, source: null };
  }
  if (result.decision === 'ask' && result.rule === null) return { ...result, reason: withRefusal(result.reason, mode) };
  return result;
}

async function decidePlan(command: string, env: EvalEnv, analyse: BashDecider, rules: BashDecisionInput['rules']): Promise<Decision> {
  const base = { command, cwd: env.ctx.cwd, home: env.ctx.home, checkWrite: checkWriteFor(env), checkRead: checkReadFor(env), allowReadOnly: true };
  const planDeny = (result: Decision): Decision => ({
    ...result,
    decision: 'deny',
    reason: 'Plan mode is read-only, so only read-only commands may run.',
    rule: null,
    source: null,
  });
  const result = await analyse({ ...base, rules: { ...rules, allow: [] } });
  if (result.decision === 'deny') return result;
  if (result.decision === 'ask') {
    if (result.rule === null) {
      // A read-only command that reads outside the workspace asks, as the Read tool does in plan mode.
      const unread = await analyse({ ...base, rules: { ...rules, allow: [] }, checkRead: undefined });
      return unread.decision === 'allow' ? result : planDeny(result);
    }
    // An ask rule matched: ask only if the command is read-only at all.
    const readOnly = await analyse({ ...base, rules: { ...rules, allow: [], ask: [] }, checkRead: undefined });
    return readOnly.decision === 'allow' ? result : planDeny(readOnly);
  }
  if (env.mode.failClosed) return { ...result, decision: 'ask', reason: env.mode.failClosed.reason, rule: null, source: null };
  return result;
}
