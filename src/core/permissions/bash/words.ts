/**
 * Turns the word nodes of a bash syntax tree into ShellWords: quote removal and escape processing
 * as bash does it, and a flag for anything only known at run time. Command and process
 * substitutions found inside a word are handed to a callback so their commands get analysed too.
 */
import type { ShellWord } from './model';
import type { BashNode } from './parser';

export type SubstitutionKind = 'command substitution' | 'process substitution';

export interface WordContext {
  /**
   * Called for every `$(...)`, backtick and `<(...)`/`>(...)` inside a word, and with kind null
   * for syntax this module does not know, so the caller can still search it for commands.
   */
  onNested(node: BashNode, kind: SubstitutionKind | null): void;
  /** Called with shell code that has to be parsed on its own (the body of escaped backticks). */
  onNestedText(code: string, kind: SubstitutionKind): void;
  /** Reasons the enclosing command can never be allowed automatically. */
  opaque: string[];
  /** The words a loop variable takes, when an enclosing `for` binds it (see ShellWord.values). */
  loopValues?(name: string): ShellWord[] | undefined;
}

function addReason(ctx: WordContext, reason: string): void {
  if (!ctx.opaque.includes(reason)) ctx.opaque.push(reason);
}

const GLOB_CHARS = new Set(['*', '?', '[']);

/** Unquoted word text: `\x` is `x`, backslash-newline vanishes. Reports unescaped globs and `$`. */
function unquotedWord(text: string): { value: string; glob: boolean; dollar: boolean } {
  let value = '';
  let glob = text.startsWith('~');
  let dollar = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      const next = text[i + 1];
      i++;
      if (next === undefined || next === '\n') continue;
      value += next;
      continue;
    }
    if (GLOB_CHARS.has(char)) glob = true;
    if (char === '$' || char === '`') dollar = true;
    value += char;
  }
  return { value, glob, dollar };
}

/** Inside double quotes only `\$`, `` \` ``, `\"`, `\\` and backslash-newline are escapes. */
function doubleQuoted(inner: string): { value: string; dollar: boolean } {
  let value = '';
  let dollar = false;
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i];
    const next = inner[i + 1];
    if (char === '\\' && next !== undefined && '$`"\\\n'.includes(next)) {
      if (next !== '\n') value += next;
      i++;
      continue;
    }
    if (char === '$' && next !== undefined && /[A-Za-z0-9_{(@*#?$!-]/.test(next)) dollar = true;
    if (char === '`') dollar = true;
    value += char;
  }
  return { value, dollar };
}

const C_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** Decodes the body of `$'...'` as bash does (\n, \xHH, \NNN octal, \uHHHH, \cX, ...). */
export function decodeAnsiC(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char !== '\\' || i + 1 >= body.length) {
      out += char;
      continue;
    }
    const next = body[++i];
    if (next in C_ESCAPES) {
      out += C_ESCAPES[next];
      continue;
    }
    const numeric = (pattern: RegExp, radix: number): boolean => {
      const match = pattern.exec(body.slice(i + 1));
      if (!match) return false;
      out += String.fromCodePoint(parseInt(match[0], radix) || 0);
      i += match[0].length;
      return true;
    };
    if (next >= '0' && next <= '7') {
      const match = /^[0-7]{1,3}/.exec(body.slice(i));
      out += String.fromCharCode(parseInt(match![0], 8) & 0xff);
      i += match![0].length - 1;
    } else if (next === 'x' && numeric(/^[0-9a-fA-F]{1,2}/, 16)) {
      // decoded by numeric()
    } else if (next === 'u' && numeric(/^[0-9a-fA-F]{1,4}/, 16)) {
      // decoded by numeric()
    } else if (next === 'U' && numeric(/^[0-9a-fA-F]{1,8}/, 16)) {
      // decoded by numeric()
    } else if (next === 'c' && i + 1 < body.length) {
      out += String.fromCharCode(body.charCodeAt(++i) & 0x1f);
    } else {
      out += `\\${next}`;
    }
  }
  return out;
}

/** Unquoted `{a,b}` or `{1..3}`: brace expansion changes the words, so the value is not static. */
function hasBraceExpansion(skeleton: string): boolean {
  return /\{[^{}]*(,|\.\.)[^{}]*\}/.test(skeleton);
}

interface Part {
  value: string;
  static: boolean;
  glob: boolean;
  /** The text with quoted and escaped characters blanked out, for brace detection. */
  skeleton: string;
}

function dynamicPart(node: BashNode): Part {
  return { value: node.text, static: false, glob: false, skeleton: '_' };
}

function walkChildrenForSubstitutions(node: BashNode, ctx: WordContext): void {
  for (const child of node.namedChildren) {
    if (child) evaluatePart(child, ctx);
  }
}

function expansionPart(node: BashNode, ctx: WordContext): Part {
  const named = node.namedChildren.filter((child): child is BashNode => child !== null);
  const variable = named.length === 1 && named[0].type === 'variable_name' ? named[0].text : null;
  const plain = node.type === 'simple_expansion' || (variable !== null && node.childCount === 3);
  const name = node.type === 'simple_expansion' ? (named[0]?.text ?? '') : variable;
  if (name === 'IFS') addReason(ctx, 'uses $IFS, which changes how the shell splits words');
  if (!plain) {
    addReason(ctx, `uses the parameter expansion ${node.text}, whose result is only known at run time`);
    walkChildrenForSubstitutions(node, ctx);
  }
  return dynamicPart(node);
}

function evaluatePart(node: BashNode, ctx: WordContext): Part {
  switch (node.type) {
    case 'word':
    case 'number': {
      if (node.namedChildCount > 0) {
        walkChildrenForSubstitutions(node, ctx);
        return dynamicPart(node);
      }
      const word = unquotedWord(node.text);
      const skeleton = node.text.replace(/\\./gs, '__');
      return { value: word.value, static: !word.dollar, glob: word.glob, skeleton };
    }
    case 'raw_string':
      return { value: node.text.slice(1, -1), static: true, glob: false, skeleton: '_' };
    case 'ansi_c_string':
      return { value: decodeAnsiC(node.text.slice(2, -1)), static: true, glob: false, skeleton: '_' };
    case 'string': {
      const inner = node.namedChildren.filter((child): child is BashNode => child !== null && child.type !== 'string_content');
      if (inner.length > 0) {
        for (const child of inner) evaluatePart(child, ctx);
        return dynamicPart(node);
      }
      const decoded = doubleQuoted(node.text.slice(1, -1));
      return { value: decoded.value, static: !decoded.dollar, glob: false, skeleton: '_' };
    }
    case 'translated_string': {
      addReason(ctx, 'uses a locale-translated string $"...", whose text can change at run time');
      const string = node.namedChildren.find((child) => child?.type === 'string');
      const part = string ? evaluatePart(string, ctx) : dynamicPart(node);
      return { ...part, static: false };
    }
    case 'concatenation': {
      const parts = node.namedChildren.filter((child): child is BashNode => child !== null).map((child) => evaluatePart(child, ctx));
      return {
        value: parts.map((part) => part.value).join(''),
        static: parts.every((part) => part.static),
        glob: parts.some((part) => part.glob),
        skeleton: parts.map((part) => part.skeleton).join(''),
      };
    }
    case 'simple_expansion':
    case 'expansion':
      return expansionPart(node, ctx);
    case 'command_substitution':
      addReason(ctx, 'uses command substitution, so what it runs is only known at run time');
      if (node.text.startsWith('`') && node.text.includes('\\')) {
        // Inside backticks, \` \$ and \\ are unescaped before the text runs: parse it as bash will.
        ctx.onNestedText(node.text.slice(1, -1).replace(/\\([`$\\])/g, '$1'), 'command substitution');
      } else {
        ctx.onNested(node, 'command substitution');
      }
      return dynamicPart(node);
    case 'process_substitution':
      addReason(ctx, 'uses process substitution, which runs another command');
      ctx.onNested(node, 'process substitution');
      return dynamicPart(node);
    case 'arithmetic_expansion':
      addReason(ctx, 'uses arithmetic expansion $((...)), which can run code hidden in variables');
      walkChildrenForSubstitutions(node, ctx);
      return dynamicPart(node);
    case 'brace_expression':
      return { value: node.text, static: false, glob: false, skeleton: '{_}' };
    case 'extglob_pattern':
    case 'regex':
    case 'test_operator':
    case 'variable_name':
    case 'special_variable_name':
      return { value: node.text, static: true, glob: node.type === 'extglob_pattern', skeleton: '_' };
    default:
      addReason(ctx, `uses shell syntax AgentGate does not analyse (${node.type})`);
      ctx.onNested(node, null);
      return dynamicPart(node);
  }
}

/** The variable of a plain `$f` or `${f}` node, or null. */
function plainVariable(node: BashNode): string | null {
  const named = node.namedChildren.filter((child): child is BashNode => child !== null);
  if (named.length !== 1 || named[0].type !== 'variable_name') return null;
  if (node.type === 'simple_expansion' || (node.type === 'expansion' && node.childCount === 3)) return named[0].text;
  return null;
}

/** `$f`, `${f}` (split by the shell) or `"$f"` (one word): a loop variable's name, if any. */
function loopVariable(node: BashNode): { name: string; quoted: boolean } | null {
  if (node.type === 'simple_expansion' || node.type === 'expansion') {
    const name = plainVariable(node);
    return name ? { name, quoted: false } : null;
  }
  if (node.type !== 'string') return null;
  const named = node.namedChildren.filter((child): child is BashNode => child !== null);
  const name = named.length === 1 ? plainVariable(named[0]) : null;
  return name ? { name, quoted: true } : null;
}

/** Evaluates one argument node (a word, string, concatenation, expansion, ...). */
export function evaluateWord(node: BashNode, ctx: WordContext): ShellWord {
  const part = evaluatePart(node, ctx);
  const braces = part.static && hasBraceExpansion(part.skeleton);
  const isStatic = part.static && !braces;
  const word: ShellWord = { text: node.text, value: isStatic ? part.value : node.text, static: isStatic, glob: part.glob };
  const loop = !isStatic && ctx.loopValues ? loopVariable(node) : null;
  const values = loop ? ctx.loopValues?.(loop.name) : undefined;
  // Unquoted, a value with blanks would be split into several words: only known values count.
  if (loop && values && (loop.quoted || values.every((value) => !/\s/.test(value.value)))) word.values = values;
  return word;
}

/** A word that was never in the source (e.g. the implicit `echo` of a bare xargs). */
export function literalWord(value: string): ShellWord {
  return { text: value, value, static: true, glob: false };
}
