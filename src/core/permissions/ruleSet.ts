import { parseRules, type ParsedRule, type RuleList } from './rules';
import type { EffectiveSettings } from '../settings/types';

/**
 * The permission rules of the merged settings, parsed once per settings object. Rules that do
 * not parse are left out here; the settings loader reports them with their file and position.
 */
export type RuleSet = Record<RuleList, ParsedRule[]>;

const cache = new WeakMap<EffectiveSettings['permissions'], RuleSet>();

export function ruleSetOf(settings: EffectiveSettings): RuleSet {
  const permissions = settings.permissions;
  const cached = cache.get(permissions);
  if (cached) return cached;
  const rules: RuleSet = {
    deny: parseRules('deny', permissions.deny).rules,
    ask: parseRules('ask', permissions.ask).rules,
    allow: parseRules('allow', permissions.allow).rules,
  };
  cache.set(permissions, rules);
  return rules;
}

/** The first rule of a list that is the bare tool name (`Bash`, not `Bash(...)`). */
export function bareRule(rules: readonly ParsedRule[], tool: string): ParsedRule | undefined {
  return rules.find((r) => r.specifier === undefined && r.tool === tool);
}
