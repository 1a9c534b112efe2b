/**
 * Bash rule specifiers (PERMISSIONS.md "Rules"), matched against the words of one simple command:
 * - no specifier (`Bash`) or `*`: every command;
 * - `npm run test:*` (legacy prefix, `:*` only at the end): the command's first words are
 *   `npm run test`, compared word by word, so not `npm run testing`;
 * - `*` anywhere else: a glob over the command's words joined by single spaces; a trailing ` *`
 *   needs the word boundary (`ls *` matches `ls` and `ls -la`, not `lsof`), `ls*` matches `lsof`;
 * - anything else: the exact command, word by word.
 */
import { shellJoin, splitRuleWords } from './text';

export type BashPattern =
  | { kind: 'any' }
  | { kind: 'prefix'; words: string[] }
  | { kind: 'exact'; words: string[] | null; text: string }
  | { kind: 'glob'; regex: RegExp }
  /** Holds shell operators (`a && b`): matched against the whole command line only. */
  | { kind: 'line'; text: string; prefix: boolean };

function hasUnescapedStar(text: string): boolean {
  return /(^|[^\\])\*/.test(text);
}

function globToRegex(glob: string): RegExp {
  let source = '';
  const boundaryEnd = glob.endsWith(' *') && !glob.endsWith('\\ *');
  const body = boundaryEnd ? glob.slice(0, -2) : glob;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\\' && body[i + 1] === '*') {
      source += '\\*';
      i++;
    } else if (char === '*') source += '[\\s\\S]*';
    else source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}${boundaryEnd ? '(?: [\\s\\S]*)?' : ''}$`);
}

const cache = new Map<string, BashPattern>();
const CACHE_LIMIT = 5_000;

/** Parses a Bash rule's specifier (undefined for the bare `Bash` rule). Results are cached. */
export function parseBashPattern(specifier: string | undefined): BashPattern {
  const key = specifier ?? '';
  const cached = cache.get(key);
  if (cached) return cached;
  const pattern = parseUncached(specifier);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, pattern);
  return pattern;
}

function parseUncached(specifier: string | undefined): BashPattern {
  const text = specifier?.trim();
  if (text === undefined || text === '' || text === '*' || text === ':*') return { kind: 'any' };
  if (text.endsWith(':*')) {
    const prefix = text.slice(0, -2).trimEnd();
    if (hasUnescapedStar(prefix)) return { kind: 'glob', regex: globToRegex(`${prefix} *`) };
    const words = splitRuleWords(prefix);
    return words ? { kind: 'prefix', words } : { kind: 'line', text: prefix, prefix: true };
  }
  if (hasUnescapedStar(text)) return { kind: 'glob', regex: globToRegex(text) };
  const words = splitRuleWords(text);
  if (!words) return { kind: 'line', text, prefix: false };
  return { kind: 'exact', words, text };
}

export interface MatchOptions {
  /** The command gets more arguments at run time (xargs): exact rules cannot cover it. */
  appendsArguments?: boolean;
}

/** Whether the pattern matches a simple command given as its words. */
export function patternMatches(pattern: BashPattern, words: readonly string[], options: MatchOptions = {}): boolean {
  switch (pattern.kind) {
    case 'any':
      return true;
    case 'prefix':
      return pattern.words.length <= words.length && pattern.words.every((word, i) => words[i] === word);
    case 'exact':
      if (options.appendsArguments) return false;
      if (pattern.words && pattern.words.length === words.length && pattern.words.every((word, i) => words[i] === word)) return true;
      return shellJoin(words) === pattern.text;
    case 'glob': {
      const joined = shellJoin(words);
      return pattern.regex.test(joined) && (!options.appendsArguments || pattern.regex.test(`${joined} x`));
    }
    case 'line':
      return false;
  }
}

/** Whether a pattern with shell operators matches the whole command line (whitespace collapsed). */
export function lineMatches(pattern: BashPattern, commandLine: string): boolean {
  if (pattern.kind !== 'line') return false;
  const line = commandLine.trim().replace(/\s+/g, ' ');
  const text = pattern.text.replace(/\s+/g, ' ');
  return pattern.prefix ? line === text || line.startsWith(`${text} `) : line === text;
}
