import { COMMAND_LINE_FILE } from '../settings/commandLineRules';
import { LEVEL_LABEL, type ParsedRule, type Source } from '../settings/types';

/**
 * Formats where a value came from, for people: `project settings (/w/.claude/settings.json:5:7)`,
 * `user settings (/home/a/.claude/settings.json)`, or `the command line`.
 */
export function formatSource(source: Source): string {
  if (source.file === COMMAND_LINE_FILE) return 'the command line';
  const where = source.position ? `${source.file}:${source.position.line}:${source.position.column}` : source.file;
  return `${LEVEL_LABEL[source.level]} (${where})`;
}

/** `the rule Read(./.env) in project settings (/w/.claude/settings.json:5:7)`. */
export function describeRule(rule: Pick<ParsedRule, 'raw' | 'source'>): string {
  const where = rule.source.file === COMMAND_LINE_FILE ? 'on the command line' : `in ${formatSource(rule.source)}`;
  return `the rule ${rule.raw} ${where}`;
}
