/**
 * Rendering of words and commands for rules, reasons and descriptions. shell-quote is used only
 * to quote and tokenize text for display and rule patterns, never to decide what is safe.
 */
import { parse, quote } from 'shell-quote';

/** Quotes a word only when it contains whitespace, quotes or nothing at all. */
export function quoteWord(word: string): string {
  return word === '' || /[\s'"\\]/.test(word) ? quote([word]) : word;
}

/** Words joined by single spaces, quoting those that need it. */
export function shellJoin(words: readonly string[]): string {
  return words.map(quoteWord).join(' ');
}

/**
 * Splits rule text into words the way a shell would (quotes removed); `$X` stays literal. Returns
 * null when the text holds shell operators, which a rule over one simple command cannot contain.
 */
export function splitRuleWords(text: string): string[] | null {
  const words: string[] = [];
  for (const entry of parse(text, (name) => `$${name}`)) {
    if (typeof entry === 'string') words.push(entry);
    else if ('op' in entry && entry.op === 'glob') words.push(entry.pattern);
    else return null;
  }
  return words;
}

/** One line, at most `max` characters, for descriptions and reasons. */
export function shorten(text: string, max = 80): string {
  const line = text.replace(/\s*\n\s*/g, ' ⏎ ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** Inline code for a reason or description (Markdown: double backticks when the text has one). */
export function code(text: string, max = 80): string {
  const short = shorten(text, max);
  return short.includes('`') ? `\`\` ${short} \`\`` : `\`${short}\``;
}

/** The text with its first letter in upper case ("the rule ..." → "The rule ..."). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
