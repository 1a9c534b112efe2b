import { ToolInputError } from './toolErrors';

export interface EditOperation {
  old_string: string;
  new_string: string;
  replace_all?: boolean;
}

export interface AppliedEdits {
  text: string;
  /** Replacements made by each edit, in order. */
  replacements: number[];
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

function countOccurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/**
 * The strings to look for, best first. The model sees lines without `\r` (Read shows text, not
 * bytes), so in a file with CRLF line endings its `\n` means `\r\n`; matching that way leaves
 * every other line ending of the file exactly as it was.
 */
function candidates(text: string, edit: EditOperation): { from: string; to: string }[] {
  const literal = { from: edit.old_string, to: edit.new_string };
  if (!text.includes('\r\n') || !edit.old_string.includes('\n')) return [literal];
  const crlf = { from: toCrlf(edit.old_string), to: toCrlf(edit.new_string) };
  if (crlf.from === literal.from) return [literal];
  const crlfLines = countOccurrences(text, '\r\n');
  const lfLines = countOccurrences(text, '\n') - crlfLines;
  return crlfLines >= lfLines ? [crlf, literal] : [literal, crlf];
}

function applyOne(text: string, edit: EditOperation, label: string): { text: string; count: number } {
  if (edit.old_string === '') {
    throw new ToolInputError(`${label}old_string is empty. Give the exact text to replace, or use Write to replace the whole file.`);
  }
  if (edit.old_string === edit.new_string) {
    throw new ToolInputError(`${label}old_string and new_string are identical, so there is nothing to change.`);
  }
  for (const { from, to } of candidates(text, edit)) {
    const count = countOccurrences(text, from);
    if (count === 0) continue;
    if (count > 1 && !edit.replace_all) {
      throw new ToolInputError(
        `${label}old_string matches ${count} places. Include more surrounding lines so it matches exactly one place, or set replace_all to true to change every occurrence.`,
      );
    }
    if (edit.replace_all) return { text: text.split(from).join(to), count };
    const at = text.indexOf(from);
    return { text: text.slice(0, at) + to + text.slice(at + from.length), count: 1 };
  }
  throw new ToolInputError(
    `${label}old_string was not found. It must match the file exactly, including whitespace and indentation; Read the file again and copy the text from it (without the line-number prefix).`,
  );
}

/**
 * Applies edits in order, each to the result of the one before. All or nothing: the first edit
 * that cannot be applied throws and nothing is returned.
 */
export function applyEdits(text: string, edits: readonly EditOperation[]): AppliedEdits {
  let current = text;
  const replacements: number[] = [];
  edits.forEach((edit, index) => {
    const label = edits.length > 1 ? `Edit ${index + 1} of ${edits.length}: ` : '';
    const applied = applyOne(current, edit, label);
    const inOriginal = candidates(text, edit).some(({ from }) => text.includes(from));
    if (index > 0 && !inOriginal) {
      throw new ToolInputError(
        `${label}old_string occurs only in text inserted by an earlier edit of this call. Make each edit target text of the file as it is now, or merge the edits.`,
      );
    }
    current = applied.text;
    replacements.push(applied.count);
  });
  return { text: current, replacements };
}
