import type { DecideFn } from '../core/agent/approval';
import type { BashDecider } from '../core/permissions/bashDecision';
import { PermissionEngine } from '../core/permissions/engine';
import type { PermissionContext } from '../core/permissions/types';

/**
 * Until the shell analysis is wired in, every Bash command needs approval (fail closed): in a
 * headless run it is refused with the usual message.
 */
const askForEveryCommand: BashDecider = async (input) => ({
  decision: 'ask',
  reason: `shell commands cannot be analysed yet, so "${input.command.slice(0, 80)}" needs approval`,
  rule: null,
  source: null,
});

/** The permission engine bound to this run's context: a tool request in, a decision out. */
export async function createPermissionDecider(ctx: PermissionContext): Promise<DecideFn> {
  const engine = new PermissionEngine(askForEveryCommand);
  return (request) => engine.decide(request, ctx);
}
