import type { Source, Sourced } from '../settings/types';

export type RuleList = 'allow' | 'ask' | 'deny';

/** A permission rule as written (`Tool` or `Tool(specifier)`), parsed. */
export interface ParsedRule {
  /** The rule exactly as written in the settings file. */
  raw: string;
  tool: string;
  /** The text inside the parentheses; undefined for a bare tool rule. */
  specifier?: string;
  list: RuleList;
  source: Source;
}

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

/** Parses every rule of one list; invalid rules are returned separately so callers can report them. */
export function parseRules(
  list: RuleList,
  entries: readonly Sourced<string>[],
): { rules: ParsedRule[]; errors: { entry: Sourced<string>; error: string }[] } {
  const rules: ParsedRule[] = [];
  const errors: { entry: Sourced<string>; error: string }[] = [];
  for (const entry of entries) {
    const parsed = parseRuleText(entry.value);
    if (parsed.ok) rules.push({ raw: entry.value, tool: parsed.tool, specifier: parsed.specifier, list, source: entry.source });
    else errors.push({ entry, error: parsed.error });
  }
  return { rules, errors };
}
