import type { EvalEnv } from './env';
import { plain, settle, type RuleHit } from './flow';
import type { ParsedRule } from '../settings/types';
import type { Decision } from './types';
import { domainMatches, parseDomainSpecifier, parseFetchUrl } from './webFetch';

/**
 * Tools that touch no local path: WebFetch, WebSearch, MCP tools and tools the engine has no
 * special knowledge of. A rule specifier the engine cannot interpret never allows, and as a deny
 * or ask rule it applies to every use of the tool (the safe reading of an unclear rule).
 */

const UNINTERPRETED = 'whose specifier AgentGate cannot interpret, so it applies to every use';

function firstHit(list: readonly ParsedRule[], covers: (r: ParsedRule) => boolean | 'uninterpreted'): RuleHit | undefined {
  for (const rule of list) {
    const result = covers(rule);
    if (result === 'uninterpreted') return { rule, note: UNINTERPRETED };
    if (result) return { rule };
  }
  return undefined;
}

export function decideWebFetch(rawUrl: string, env: EvalEnv): Decision {
  const parsed = parseFetchUrl(rawUrl);
  if (!parsed.ok) return plain('deny', `WebFetch of ${rawUrl} is refused: ${parsed.reason}.`);
  const host = parsed.host;
  const covers = (rule: ParsedRule, restrictive: boolean): boolean | 'uninterpreted' => {
    if (rule.tool !== 'WebFetch') return false;
    if (rule.specifier === undefined) return true;
    const pattern = parseDomainSpecifier(rule.specifier);
    if (!pattern) return restrictive ? 'uninterpreted' : false;
    return domainMatches(pattern, host);
  };
  return settle(
    {
      deny: firstHit(env.rules.deny, (r) => covers(r, true)),
      ask: firstHit(env.rules.ask, (r) => covers(r, true)),
      allow: firstHit(env.rules.allow, (r) => covers(r, false)),
      fallback: `Fetching from ${host} asks unless a WebFetch(domain:${host}) rule allows it.`,
    },
    env.mode,
  );
}

/** Rules for a tool matched by name only: bare rules match, specifiers are uninterpreted. */
function byName(tool: string, fallback: string, env: EvalEnv, modeAsk?: string): Decision {
  const covers = (rule: ParsedRule, restrictive: boolean): boolean | 'uninterpreted' => {
    if (rule.tool !== tool) return false;
    if (rule.specifier === undefined) return true;
    return restrictive ? 'uninterpreted' : false;
  };
  return settle(
    {
      deny: firstHit(env.rules.deny, (r) => covers(r, true)),
      ask: firstHit(env.rules.ask, (r) => covers(r, true)),
      modeAsk,
      allow: firstHit(env.rules.allow, (r) => covers(r, false)),
      fallback,
    },
    env.mode,
  );
}

export function decideWebSearch(env: EvalEnv): Decision {
  return byName('WebSearch', 'Web searches ask unless a WebSearch rule allows them.', env);
}

function planAsk(what: string, env: EvalEnv): string | undefined {
  return env.mode.effective === 'plan'
    ? `Plan mode is read-only and ${what} may change things, so it is never approved automatically.`
    : undefined;
}

/**
 * `mcp__server` and `mcp__server__*` cover every tool of that server; `mcp__server__tool` covers
 * one tool. Server names are compared exactly: `mcp__git` does not cover `mcp__github__x`.
 */
export function decideMcp(tool: string, server: string, name: string, env: EvalEnv): Decision {
  const covers = (rule: ParsedRule, restrictive: boolean): boolean | 'uninterpreted' => {
    const named = rule.tool === tool || rule.tool === `mcp__${server}` || rule.tool === `mcp__${server}__*`;
    if (!named) return false;
    if (rule.specifier === undefined) return true;
    return restrictive ? 'uninterpreted' : false;
  };
  return settle(
    {
      deny: firstHit(env.rules.deny, (r) => covers(r, true)),
      ask: firstHit(env.rules.ask, (r) => covers(r, true)),
      modeAsk: planAsk(`the MCP tool ${name} of server ${server}`, env),
      allow: firstHit(env.rules.allow, (r) => covers(r, false)),
      fallback: `The MCP tool ${name} of server ${server} asks unless a rule such as ${tool} or mcp__${server} allows it.`,
    },
    env.mode,
  );
}

export function decideOther(tool: string, env: EvalEnv): Decision {
  return byName(tool, `The ${tool} tool asks unless a ${tool} rule allows it.`, env, planAsk(`the ${tool} tool`, env));
}
