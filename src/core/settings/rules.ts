/**
 * The grammar of permission rules, `Tool` or `Tool(specifier)`. It lives with the settings because
 * the settings are where rules are written: a malformed rule is reported with its file and
 * position when the file is read, and loading hands the permission engine rules already parsed,
 * so no decision parses a rule again. What a specifier means (a command pattern, a path, a
 * domain) is the engine's business.
 */
import type { ParsedRule, RuleList, RuleSet, Sourced } from './types';

export type { ParsedRule, RuleList, RuleSet } from './types';

export type RuleParseResult = { ok: true; tool: string; specifier?: string } | { ok: false; error: string };

/** A tool name; `mcp__server__*` (every tool of one MCP server) is accepted too. */
const TOOL_NAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|mcp__[A-Za-z0-9_-]+__\*)$/;

/**
 * Parses `Tool` or `Tool(specifier)`. The specifier runs to the last `)`, so parentheses inside
 * it are allowed (`Bash(echo (x))`). Returns a plain-language error for anything else.
 */
export function parseRuleText(raw: string): RuleParseResult {
  const text = raw.trim();
  if (text === '') return { ok: false, error: 'The rule is empty. Write a tool name such as "Bash" or "Read(./src/**)".' };
  const open = text.indexOf('(');
  if (open === -1) {
    if (!TOOL_NAME.test(text)) return { ok: false, error: `"${raw}" is not a tool name. Write e.g. "Bash", "WebFetch" or "mcp__server__tool".` };
    return { ok: true, tool: text };
  }
  if (!text.endsWith(')')) {
    return { ok: false, error: `"${raw}" opens a parenthesis but does not end with ")". Write it as Tool(specifier).` };
  }
  const tool = text.slice(0, open);
  if (!TOOL_NAME.test(tool)) return { ok: false, error: `"${tool}" in "${raw}" is not a tool name.` };
  const specifier = text.slice(open + 1, -1);
  if (specifier.trim() === '') {
    return { ok: false, error: `"${raw}" has empty parentheses. Write the bare tool name "${tool}" to match every use of it.` };
  }
  return { ok: true, tool, specifier };
}

/**
 * The rule set of merged permission lists. Rules that do not parse are left out: they never get
 * this far from a settings file, whose loading reports them with their file and position.
 */
export function ruleSetOf(permissions: Record<RuleList, readonly Sourced<string>[]>): RuleSet {
  const parse = (list: RuleList): ParsedRule[] =>
    permissions[list].flatMap((entry) => {
      const parsed = parseRuleText(entry.value);
      return parsed.ok ? [{ raw: entry.value, tool: parsed.tool, specifier: parsed.specifier, list, source: entry.source }] : [];
    });
  return { deny: parse('deny'), ask: parse('ask'), allow: parse('allow') };
}
