import type { ToolContext } from '../tools/types';
import type { Authorization, DecideFn } from './approval';

/** Tools whose one decision covers a whole folder of files they then list or read. */
const SEARCH_TOOLS: ReadonlySet<string> = new Set(['Glob', 'Grep']);

/**
 * Which files below an allowed search root Glob and Grep may name or read: those the engine would
 * let the model Read. A file whose Read is denied is always left out (a rule such as
 * `Read(./.env)` must hold inside a search of the whole workspace). A file whose Read asks is
 * kept only when the person approved this search, or an explicit rule allowed it: agreeing to
 * search a root covers what it holds. A root allowed without a rule (reading inside the
 * workspace) covers nothing that would ask, such as a symbolic link leading outside.
 */
export function searchReadFilter(tool: string, authorization: Authorization, decide: DecideFn): ToolContext['mayRead'] {
  if (!SEARCH_TOOLS.has(tool) || !authorization.allowed) return undefined;
  const agreed = authorization.reply !== undefined || authorization.decision.rule !== null;
  return async (file) => {
    const decision = await decide({ tool: 'Read', input: { file_path: file } });
    return decision.decision === 'allow' || (decision.decision === 'ask' && agreed);
  };
}

/** The context one call runs with: for Glob and Grep, with the filter added (after any filter already there). */
export function callContext(base: ToolContext, tool: string, authorization: Authorization, decide: DecideFn): ToolContext {
  const mayRead = searchReadFilter(tool, authorization, decide);
  if (mayRead === undefined) return base;
  const outer = base.mayRead?.bind(base);
  return { ...base, mayRead: outer === undefined ? mayRead : async (file) => (await outer(file)) && mayRead(file) };
}
