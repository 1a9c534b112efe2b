/**
 * A JSONC document (comments and trailing commas allowed, as Claude Code tolerates) with the
 * helpers every settings reader needs: 1-based positions from offsets, the node at a path, and a
 * plain-language description of what a node holds.
 */
import { getNodeValue, type Node, type ParseError, parseTree, printParseErrorCode, stripComments } from 'jsonc-parser';
import type { Position } from './types';

export interface JsonDocument {
  /** The text without a leading byte-order mark; offsets refer to it. */
  text: string;
  /** Undefined when the file holds no value at all (empty or only comments). */
  root: Node | undefined;
  /** The first syntax error; later ones are usually consequences of the first. */
  syntaxError?: ParseError;
  /** True when the file holds nothing but whitespace and comments. */
  empty: boolean;
  lineStarts: number[];
}

export type JsonPath = (string | number)[];

export function parseJsonDocument(rawText: string): JsonDocument {
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  const empty = stripComments(text).trim() === '';
  const errors: ParseError[] = [];
  const root = empty ? undefined : parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return { text, root, syntaxError: errors[0], empty, lineStarts: lineStartsOf(text) };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
export function positionAt(doc: JsonDocument, offset: number): Position {
  const starts = doc.lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1 };
}

/**
 * The property node (`"key": value`) for `key` in an object node. With duplicate keys the last
 * one counts, as with JSON.parse.
 */
export function propertyNode(object: Node | undefined, key: string): Node | undefined {
  if (object?.type !== 'object' || !object.children) return undefined;
  for (let i = object.children.length - 1; i >= 0; i--) {
    const property = object.children[i];
    if (property.children?.[0]?.value === key) return property;
  }
  return undefined;
}

/** The value node at a path of keys and array indexes. */
export function nodeAt(root: Node | undefined, path: JsonPath): Node | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') {
      node = node.type === 'array' ? node.children?.[segment] : undefined;
    } else {
      node = propertyNode(node, segment)?.children?.[1];
    }
  }
  return node;
}

/** The properties of an object node as [key node, value node] pairs, in file order. */
export function propertiesOf(object: Node | undefined): { key: string; keyNode: Node; valueNode: Node | undefined }[] {
  if (object?.type !== 'object' || !object.children) return [];
  return object.children
    .filter((property) => property.children?.[0] !== undefined)
    .map((property) => {
      const keyNode = property.children![0];
      return { key: String(keyNode.value), keyNode, valueNode: property.children![1] };
    });
}

export function valueOf(node: Node): unknown {
  return getNodeValue(node);
}

/** What a node holds, for messages: `a string`, `the number 3`, `a list`, `null`. */
export function describeNode(node: Node | undefined): string {
  if (!node) return 'missing';
  switch (node.type) {
    case 'string':
      return node.value === '' ? 'an empty string' : 'a string';
    case 'number':
      return `the number ${String(node.value)}`;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    default:
      return 'something else';
  }
}

/** `permissions.allow[2]`, `env.PATH`, `env["MY-VAR"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(String(segment))) out += out === '' ? String(segment) : `.${String(segment)}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

const SYNTAX_HINTS: Record<string, string> = {
  InvalidSymbol: 'There is a character here that JSON does not allow. Check for a missing double quote or a stray character.',
  InvalidNumberFormat: 'This number is not written the way JSON expects (e.g. 30 or 1.5).',
  PropertyNameExpected: 'A key in double quotes is expected here, like "allow".',
  ValueExpected: 'A value is expected here: a string in double quotes, a number, true, false, a list [ ] or an object { }.',
  ColonExpected: 'A colon is missing: write "key": value.',
  CommaExpected: 'A comma is missing before this: separate list items and object entries with ",".',
  CloseBraceExpected: 'A closing } is missing for an object opened earlier.',
  CloseBracketExpected: 'A closing ] is missing for a list opened earlier.',
  EndOfFileExpected: 'The file should end here, but more text follows the closing }. Remove it or move it inside the object.',
  InvalidCommentToken: 'This comment is not written the way JSON with comments allows: use // or /* */.',
  UnexpectedEndOfComment: 'The file ends inside a comment: close it with */.',
  UnexpectedEndOfString: 'This string is not closed: add the closing double quote on the same line.',
  UnexpectedEndOfNumber: 'This number is cut off.',
  InvalidUnicode: 'This \\u escape is not valid: it needs four hex digits, like \\u00e9.',
  InvalidEscapeCharacter: 'This backslash escape is not valid in JSON. Write \\\\ for a backslash (Windows paths need \\\\ between folders).',
  InvalidCharacter: 'This string contains a control character such as a tab or a line break. Write it as \\t or \\n.',
};

/** A plain-language description of a syntax error and how to fix it. */
export function syntaxErrorMessage(doc: JsonDocument, error: ParseError): string {
  const code = printParseErrorCode(error.error);
  let hint = SYNTAX_HINTS[code] ?? `The JSON is malformed here (${code}).`;
  const ch = doc.text.charAt(error.offset);
  if (code === 'InvalidSymbol' && ch === "'") hint = 'JSON needs double quotes ("), not single quotes (\').';
  else if (code === 'InvalidSymbol' && /[A-Za-z]/.test(ch)) hint = 'Text outside double quotes: put strings and keys in double quotes.';
  return `The file is not valid JSON. ${hint}`;
}
