/** Cuts `text` to `maxChars`, keeping its start and end and saying how much was left out. */
export function truncateMiddle(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  const head = Math.ceil(maxChars / 2);
  const tail = maxChars - head;
  const omitted = text.length - head - tail;
  return { text: `${text.slice(0, head)}\n... [${omitted} characters omitted] ...\n${text.slice(text.length - tail)}`, truncated: true };
}

/** Cuts `text` to `maxChars` at the end. */
export function truncateEnd(text: string, maxChars: number, note: string): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}\n${note}`;
}
