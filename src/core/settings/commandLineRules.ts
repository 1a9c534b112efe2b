/** The rules given as `--allowedTools` / `--disallowedTools` on the command line. */
import { parseRuleText } from './rules';
import { emptyValues, type SettingsValues } from './extract';
import type { Diagnostic, Source, Sourced } from './types';

export const COMMAND_LINE_FILE = '<command line>';

/**
 * Splits one `--allowedTools` argument into rules at commas and spaces outside parentheses:
 * `"Bash(git log:*) Edit,Read"` gives `Bash(git log:*)`, `Edit`, `Read`.
 */
export function splitToolList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || /\s/.test(ch))) {
      if (current !== '') out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

export interface CommandLineRules {
  values: SettingsValues;
  diagnostics: Diagnostic[];
  /** `invalid` when any rule is malformed: then only the deny rules are used (see loadSettings). */
  status: 'loaded' | 'invalid';
}

export function commandLineRules(allowed: readonly string[], disallowed: readonly string[], cwd: string): CommandLineRules {
  const source: Source = { level: 'cli', file: COMMAND_LINE_FILE, root: cwd };
  const diagnostics: Diagnostic[] = [];
  const take = (flag: string, rules: readonly string[]): Sourced<string>[] => {
    const out: Sourced<string>[] = [];
    for (const rule of rules) {
      const parsed = parseRuleText(rule);
      if (parsed.ok) out.push({ value: rule.trim(), source });
      else diagnostics.push({ severity: 'error', file: COMMAND_LINE_FILE, message: `Invalid rule in ${flag}: ${parsed.error}` });
    }
    return out;
  };
  const values = emptyValues();
  values.permissions.allow = take('--allowedTools', allowed);
  values.permissions.deny = take('--disallowedTools', disallowed);
  if (diagnostics.length === 0) return { values, diagnostics, status: 'loaded' };
  values.permissions.allow = [];
  diagnostics.push({
    severity: 'warning',
    file: COMMAND_LINE_FILE,
    message: 'Because of the invalid rule above, AgentGate ignores every --allowedTools rule; the valid --disallowedTools rules still apply. Fix the rule and run again.',
  });
  return { values, diagnostics, status: 'invalid' };
}
