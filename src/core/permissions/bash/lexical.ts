/**
 * Checks on raw command text, for the places where tree-sitter's bash grammar and bash disagree
 * or where the tree does not break text down.
 */

/** Whether heredoc text has a `$` or backtick that bash would expand (not escaped by `\`). */
export function hasUnescapedExpansion(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '$' || text[i] === '`') return true;
  }
  return false;
}

/**
 * Bash joins `a\<newline>b` into one word; tree-sitter splits it in two. Such a line
 * continuation inside a word would let the analysis see other words than bash runs.
 */
export function hasSplitLineContinuation(source: string): boolean {
  for (let i = source.indexOf('\\\n'); i !== -1; i = source.indexOf('\\\n', i + 1)) {
    let start = i;
    while (start > 0 && source[start - 1] === '\\') start--;
    if ((i - start) % 2 === 1) continue;
    const before = source[start - 1];
    const after = source[i + 2];
    if (before !== undefined && after !== undefined && !/\s/.test(before) && !/\s/.test(after)) return true;
  }
  return false;
}
