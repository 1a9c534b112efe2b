import type { BashDecisionInput } from './bash/types';
import type { EvalEnv } from './env';
import { decideWrite } from './fileDecisions';
import { BYPASS_REASON, plain, withRefusal } from './flow';
import { pathTarget, PathResolutionError } from './paths';
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

/**
 * Runs the shell analysis with the Bash rules and applies the mode: plan allows only read-only
 * commands; fail-closed passes no allow rules and no read-only allowance; bypass turns anything
 * not denied and not matched by an ask rule into allow.
 */
export async function decideBashCommand(command: string, env: EvalEnv, analyse: BashDecider): Promise<Decision> {
  const bashRules = (list: 'allow' | 'ask' | 'deny') => env.rules[list].filter((r) => r.tool === 'Bash');
  const rules = { allow: bashRules('allow'), ask: bashRules('ask'), deny: bashRules('deny') };
  const base = { command, cwd: env.ctx.cwd, home: env.ctx.home, checkWrite: checkWriteFor(env) };
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
  const base = { command, cwd: env.ctx.cwd, home: env.ctx.home, checkWrite: checkWriteFor(env), allowReadOnly: true };
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
    if (result.rule === null) return planDeny(result);
    // An ask rule matched: ask only if the command is read-only at all.
    const readOnly = await analyse({ ...base, rules: { ...rules, allow: [], ask: [] } });
    return readOnly.decision === 'allow' ? result : planDeny(readOnly);
  }
  if (env.mode.failClosed) return { ...result, decision: 'ask', reason: env.mode.failClosed.reason, rule: null, source: null };
  return result;
}
