/**
 * Walks a bash syntax tree and lists every simple command in it, nested ones included (inside
 * substitutions, subshells, blocks, loops, conditionals and function bodies). Shell syntax the
 * walk does not understand is never skipped: it makes the command opaque (ask) and its children
 * are still searched for commands, so deny rules see them.
 */
import type { Assignment, CommandOrigin, Joiner, Redirect, ShellWord, SimpleCommand } from './model';
import type { BashNode, BashParser } from './parser';
import { hasSplitLineContinuation, hasUnescapedExpansion } from './lexical';
import { evaluateWord, literalWord, type WordContext } from './words';

export interface ExtractResult {
  commands: SimpleCommand[];
  /** Problems with the text as a whole: parse errors. */
  issues: string[];
}

/** Nodes that are, or contain, statements. */
const STATEMENT_TYPES = new Set([
  'program', 'command', 'redirected_statement', 'list', 'pipeline', 'subshell', 'compound_statement',
  'if_statement', 'elif_clause', 'else_clause', 'while_statement', 'do_group', 'for_statement',
  'c_style_for_statement', 'case_statement', 'case_item', 'function_definition', 'negated_command',
  'test_command', 'declaration_command', 'unset_command', 'variable_assignment', 'variable_assignments',
  'comment', 'ERROR',
]);

const JOINERS: Record<string, Joiner> = { '&&': '&&', '||': '||', ';': ';', '|': '|', '|&': '|&', '&': '&', ';;': ';' };
const WRITE_OPERATORS = new Set(['>', '>>', '>|', '&>', '&>>', '<>']);

interface Walk {
  /** For text the tree does not break down (heredoc bodies): parsed again on its own. */
  parser: BashParser;
  commands: SimpleCommand[];
  origin: CommandOrigin;
  depth: number;
  /** Redirections of an enclosing block: they apply to every command inside it. */
  inherited: Redirect[];
  /** How the next command joins the previous one (set by operators while walking a sequence). */
  joiner: Joiner;
  /** Variables of enclosing `for` loops whose words are known (see ShellWord.values). */
  loops?: ReadonlyMap<string, ShellWord[]>;
}

/** A command being assembled from the parts of a `command` node (and a heredoc's continuation). */
interface Draft {
  text: string;
  words: ShellWord[];
  assignments: Assignment[];
  redirects: Redirect[];
  opaque: string[];
  stdin: string | null;
  /** Commands found inside this one (substitutions); listed right after it. */
  nested: SimpleCommand[];
}

function newDraft(text: string): Draft {
  return { text, words: [], assignments: [], redirects: [], opaque: [], stdin: null, nested: [] };
}

function wordContext(draft: Draft, walk: Walk): WordContext {
  return {
    opaque: draft.opaque,
    onNested(node, kind) {
      const inner: Walk = { parser: walk.parser, commands: draft.nested, origin: kind ?? walk.origin, depth: walk.depth + 1, inherited: [], joiner: null };
      walkChildren(node, inner);
    },
    onNestedText(code, kind) {
      const result = extractCommands(walk.parser, code, kind, walk.depth + 1);
      draft.nested.push(...result.commands);
      if (result.issues.length > 0) draft.opaque.push(`runs code in which ${result.issues[0]}`);
    },
    loopValues: (name) => walk.loops?.get(name),
  };
}

function emit(draft: Draft, walk: Walk): void {
  walk.commands.push({
    text: draft.text,
    words: draft.words,
    assignments: draft.assignments,
    redirects: [...draft.redirects, ...walk.inherited],
    opaque: draft.opaque,
    origin: walk.origin,
    depth: walk.depth,
    joiner: walk.joiner,
    background: false,
    stdin: draft.stdin,
  });
  walk.joiner = null;
  walk.commands.push(...draft.nested);
}

function namedChildren(node: BashNode): BashNode[] {
  return node.namedChildren.filter((part): part is BashNode => part !== null);
}

/** Children with their field names. (Node objects are not unique: compare by field or index.) */
function fields(node: BashNode): { part: BashNode; field: string | null }[] {
  const out: { part: BashNode; field: string | null }[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const part = node.child(i);
    if (part) out.push({ part, field: node.fieldNameForChild(i) });
  }
  return out;
}

function assignmentOf(node: BashNode, draft: Draft, walk: Walk): Assignment {
  const ctx = wordContext(draft, walk);
  const name = node.childForFieldName('name');
  const value = node.childForFieldName('value');
  if (name && name.type !== 'variable_name') {
    evaluateWord(name, ctx);
    draft.opaque.push(`assigns to ${name.text}, which AgentGate does not analyse`);
  }
  const evaluated = value ? evaluateWord(value, ctx) : literalWord('');
  if (value?.type === 'array') evaluated.static = false;
  return { name: name?.text ?? '', value: evaluated, text: node.text };
}

function redirectOf(node: BashNode, draft: Draft, walk: Walk): Redirect {
  const ctx = wordContext(draft, walk);
  if (node.type === 'herestring_redirect') {
    const word = namedChildren(node).find((part) => part.type !== 'file_descriptor');
    const value = word ? evaluateWord(word, ctx) : null;
    draft.stdin = value?.static ? `${value.value}\n` : null;
    return { operator: '<<<', descriptor: null, target: null, writes: false };
  }
  let operator = '';
  let descriptor: string | null = null;
  const destinations: BashNode[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const part = node.child(i);
    if (!part) continue;
    const field = node.fieldNameForChild(i);
    if (field === 'descriptor') descriptor = part.text;
    else if (field === 'destination') destinations.push(part);
    else if (!part.isNamed) operator += part.text;
  }
  if (node.type !== 'file_redirect' || destinations.length > 1) {
    draft.opaque.push(`has a redirection AgentGate does not understand (${node.text})`);
  }
  const [first, ...rest] = destinations.map((destination) => evaluateWord(destination, ctx));
  const target = first ?? null;
  if (rest.length > 0) draft.words.push(...rest);
  let writes = WRITE_OPERATORS.has(operator);
  if ((operator === '>&' || operator === '<&') && target && !(target.static && /^(\d+|-)$/.test(target.value))) {
    writes = operator === '>&';
  }
  return { operator, descriptor, target, writes };
}

/** `<<EOF` with its body; returns the statements that continue the line after the operator. */
function heredocOf(node: BashNode, draft: Draft, walk: Walk): BashNode[] {
  const ctx = wordContext(draft, walk);
  const continuation: BashNode[] = [];
  let quotedDelimiter = false;
  let body: BashNode | null = null;
  for (let i = 0; i < node.childCount; i++) {
    const part = node.child(i);
    if (!part) continue;
    const field = node.fieldNameForChild(i);
    if (part.type === 'heredoc_start') quotedDelimiter = /['"\\]/.test(part.text);
    else if (part.type === 'heredoc_body') body = part;
    else if (field === 'redirect') {
      if (part.type === 'heredoc_redirect') continuation.push(...heredocOf(part, draft, walk));
      else draft.redirects.push(redirectOf(part, draft, walk));
    } else if (field === 'argument') draft.words.push(evaluateWord(part, ctx));
    else if (field === 'operator' || field === 'right' || part.type === 'pipeline') continuation.push(part);
    else if (part.isNamed && !['heredoc_end', 'file_descriptor'].includes(part.type)) {
      draft.opaque.push(`has a heredoc AgentGate does not understand (${part.type})`);
      ctx.onNested(part, null);
    }
  }
  // tree-sitter does not break down every heredoc body (backticks, `<<-`): read the text itself.
  const text = body?.text ?? '';
  if (!quotedDelimiter && hasUnescapedExpansion(text)) {
    draft.opaque.push('has a heredoc with expansions, whose text is only known at run time');
    const reparsed = extractCommands(walk.parser, `: "${text.replace(/"/g, '\\"')}"`, 'command substitution', walk.depth + 1);
    draft.nested.push(...reparsed.commands.slice(1));
    draft.stdin = null;
  } else {
    draft.stdin = body ? body.text : '';
  }
  draft.redirects.push({ operator: '<<', descriptor: null, target: null, writes: false });
  return continuation;
}

/** A redirection as shown in a command's text: a heredoc without its body and continuation. */
function redirectLabel(node: BashNode): string {
  if (node.type !== 'heredoc_redirect') return node.text;
  const parts: string[] = [];
  for (const { part, field } of fields(node)) {
    if (!part.isNamed && field === null) parts.push(part.text);
    else if (part.type === 'heredoc_start') parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''}${part.text}`;
    else if (field === 'redirect' && part.type !== 'heredoc_redirect') parts.push(part.text);
  }
  return parts.join(' ');
}

function walkCommand(node: BashNode, walk: Walk, outer: BashNode[]): void {
  const draft = newDraft([node.text, ...outer.map(redirectLabel)].join(' '));
  const ctx = wordContext(draft, walk);
  const continuation: BashNode[] = [];
  const redirects: BashNode[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const part = node.child(i);
    if (!part) continue;
    const field = node.fieldNameForChild(i);
    if (part.type === 'variable_assignment') draft.assignments.push(assignmentOf(part, draft, walk));
    else if (part.type === 'command_name') {
      const name = part.namedChild(0);
      if (name) draft.words.push(evaluateWord(name, ctx));
    } else if (field === 'argument') draft.words.push(evaluateWord(part, ctx));
    else if (field === 'redirect') redirects.push(part);
    else if (part.isNamed && part.type !== 'comment') {
      draft.opaque.push(`uses shell syntax AgentGate does not analyse (${part.type})`);
      ctx.onNested(part, null);
    }
  }
  for (const redirect of [...redirects, ...outer]) {
    if (redirect.type === 'heredoc_redirect') continuation.push(...heredocOf(redirect, draft, walk));
    else draft.redirects.push(redirectOf(redirect, draft, walk));
  }
  emit(draft, walk);
  walkSequence(continuation, walk);
}

/** Statements that count as commands without being plain ones: tests, declarations, assignments. */
function walkPseudo(node: BashNode, walk: Walk): void {
  const draft = newDraft(node.text);
  const ctx = wordContext(draft, walk);
  if (node.type === 'variable_assignment') {
    draft.assignments.push(assignmentOf(node, draft, walk));
  } else if (node.type === 'variable_assignments') {
    for (const part of namedChildren(node)) {
      if (part.type === 'variable_assignment') draft.assignments.push(assignmentOf(part, draft, walk));
      else ctx.onNested(part, null);
    }
  } else {
    const leading = node.child(0)?.text ?? node.type;
    draft.words.push(literalWord(leading));
    const visit = (current: BashNode, top: boolean): void => {
      for (const [index, part] of current.children.entries()) {
        if (!part || (top && index === 0)) continue;
        if (part.type === 'variable_assignment') {
          const assignment = assignmentOf(part, draft, walk);
          draft.words.push({ ...assignment.value, text: part.text, value: `${assignment.name}=${assignment.value.value}` });
        } else if (['unary_expression', 'binary_expression', 'parenthesized_expression', 'postfix_expression', 'ternary_expression'].includes(part.type)) {
          visit(part, false);
        } else if (part.isNamed && part.type !== 'comment') {
          draft.words.push(evaluateWord(part, ctx));
        } else if (!part.isNamed) {
          draft.words.push(literalWord(part.text));
        }
      }
    };
    visit(node, true);
    if (node.type === 'test_command' && draft.words.some((word) => !word.static)) {
      draft.opaque.push('tests a value only known at run time, which bash may evaluate as code');
    }
  }
  emit(draft, walk);
}

function walkFunction(node: BashNode, walk: Walk): void {
  const name = node.childForFieldName('name')?.text ?? '?';
  const draft = newDraft(`function ${name}`);
  draft.words.push(literalWord(name));
  draft.opaque.push(`defines the shell function ${name}, which can change what later commands run`);
  emit(draft, walk);
  const inner: Walk = { ...walk, origin: 'function body', depth: walk.depth + 1, joiner: null };
  for (const part of namedChildren(node)) {
    if (part.type !== 'word') walkGeneric(part, inner);
  }
}

function opaqueStatement(text: string, walk: Walk, reason: string): void {
  const draft = newDraft(text);
  draft.opaque.push(reason);
  emit(draft, walk);
}

function walkSequence(nodes: BashNode[], walk: Walk): void {
  let firstOfPrevious: SimpleCommand | undefined;
  for (const node of nodes) {
    if (!node.isNamed) {
      if (node.text === '&' && firstOfPrevious) firstOfPrevious.background = true;
      if (node.text in JOINERS) walk.joiner = JOINERS[node.text];
      continue;
    }
    if (node.type === 'comment') continue;
    const before = walk.commands.length;
    if (firstOfPrevious && walk.joiner === null) walk.joiner = 'newline';
    walkGeneric(node, walk);
    if (walk.commands.length > before) firstOfPrevious = walk.commands[before];
  }
}

function walkChildren(node: BashNode, walk: Walk): void {
  walkSequence(node.children.filter((part): part is BashNode => part !== null), walk);
}

/** Statements are walked; anything else is evaluated as a word, which finds substitutions. */
function walkGeneric(node: BashNode, walk: Walk): void {
  if (STATEMENT_TYPES.has(node.type)) {
    walkStatement(node, walk);
    return;
  }
  if (node.type === 'file_redirect') {
    // `$(< file)`: bash reads the file; a command of its own, with that redirection.
    const holder = newDraft(node.text);
    holder.redirects.push(redirectOf(node, holder, walk));
    emit(holder, walk);
    return;
  }
  const holder = newDraft(node.text);
  evaluateWord(node, wordContext(holder, walk));
  if (holder.opaque.length > 0) {
    // A word of a loop list, a case subject, ...: its substitutions make the statement opaque.
    holder.words = [];
    emit(holder, walk);
  } else walk.commands.push(...holder.nested);
}

function walkRedirected(node: BashNode, walk: Walk): void {
  const body = node.childForFieldName('body');
  const redirects = fields(node)
    .filter(({ part, field }) => field !== 'body' && part.isNamed)
    .map(({ part }) => part);
  if (body?.type === 'command') {
    walkCommand(body, walk, redirects);
    return;
  }
  const holder = newDraft(node.text);
  const inherited: Redirect[] = [];
  const continuation: BashNode[] = [];
  for (const redirect of redirects) {
    if (redirect.type === 'heredoc_redirect') continuation.push(...heredocOf(redirect, holder, walk));
    else inherited.push(redirectOf(redirect, holder, walk));
  }
  if (!body) {
    holder.redirects.push(...inherited);
    emit(holder, walk);
  } else {
    if (holder.opaque.length > 0) opaqueStatement(node.text, walk, holder.opaque[0]);
    const block: Walk = { ...walk, inherited: [...walk.inherited, ...inherited] };
    walkStatement(body, block);
    walk.joiner = block.joiner;
    walk.commands.push(...holder.nested);
  }
  walkSequence(continuation, walk);
}

/**
 * Whether a loop's body uses its variable only as `$name` or `${name}`: anything else (an
 * assignment, `read name`, `declare`, `unset`, a name spelled with `$'...'` escapes) could change
 * it, so the variable is then not bound to the loop's words.
 */
function onlyExpands(body: string, name: string): boolean {
  if (body.includes("$'")) return false;
  const rest = body.replace(new RegExp(`\\$(\\{${name}\\}|${name}(?![A-Za-z0-9_]))`, 'g'), '');
  return !new RegExp(`(?<![A-Za-z0-9_])${name}(?![A-Za-z0-9_])`).test(rest);
}

/**
 * `for f in WORDS; do BODY; done`: the words are walked as before (their substitutions found);
 * when they are all static and the body leaves f alone, `$f` in the body stands for them.
 */
function walkFor(node: BashNode, walk: Walk): void {
  const parts = fields(node);
  const body = parts.find(({ field }) => field === 'body')?.part;
  walkSequence(parts.filter(({ field }) => field !== 'body').map(({ part }) => part), walk);
  if (!body) return;
  const name = node.childForFieldName('variable')?.text;
  const scratch = newDraft('');
  const values = parts.filter(({ field }) => field === 'value').map(({ part }) => evaluateWord(part, wordContext(scratch, walk)));
  const bound =
    name !== undefined && node.child(0)?.text === 'for' && values.length > 0 && values.every((word) => word.static) && onlyExpands(body.text, name);
  if (!bound) {
    walkStatement(body, walk);
    return;
  }
  const loops = new Map(walk.loops ?? []);
  loops.set(name, values);
  const inner: Walk = { ...walk, loops };
  walkStatement(body, inner);
  walk.joiner = inner.joiner;
}

function walkStatement(node: BashNode, walk: Walk): void {
  switch (node.type) {
    case 'for_statement':
      walkFor(node, walk);
      return;
    case 'command':
      walkCommand(node, walk, []);
      return;
    case 'redirected_statement':
      walkRedirected(node, walk);
      return;
    case 'variable_assignment':
    case 'variable_assignments':
    case 'declaration_command':
    case 'unset_command':
    case 'test_command':
      walkPseudo(node, walk);
      return;
    case 'function_definition':
      walkFunction(node, walk);
      return;
    case 'compound_statement':
      if (node.child(0)?.text === '((') {
        opaqueStatement(node.text, walk, 'is an arithmetic command ((...)), which can run code hidden in variables');
        walkGenericChildren(node, walk);
        return;
      }
      walkChildren(node, walk);
      return;
    case 'c_style_for_statement':
      opaqueStatement('for ((...))', walk, 'is an arithmetic for loop, which can run code hidden in variables');
      walkGenericChildren(node, walk);
      return;
    case 'comment':
      return;
    case 'ERROR':
      walkGenericChildren(node, walk);
      return;
    default:
      // program, list, pipeline, subshell, negated_command, if/elif/else, while, do_group,
      // for (its words are evaluated, so substitutions in them are found), case, case_item.
      walkChildren(node, walk);
  }
}

function walkGenericChildren(node: BashNode, walk: Walk): void {
  for (const part of namedChildren(node)) walkGeneric(part, { ...walk, joiner: null });
}

/** Parses `source` and lists its simple commands; the syntax tree is freed before returning. */
export function extractCommands(parser: BashParser, source: string, origin: CommandOrigin, depth: number): ExtractResult {
  const tree = parser.parse(source);
  try {
    const root = tree.rootNode;
    const issues: string[] = [];
    if (root.hasError) issues.push('AgentGate could not parse the command completely');
    if (hasSplitLineContinuation(source)) issues.push('a backslash-newline joins two words, which AgentGate does not analyse');
    const walk: Walk = { parser, commands: [], origin, depth, inherited: [], joiner: null };
    walkStatement(root, walk);
    return { commands: walk.commands, issues };
  } finally {
    tree.delete();
  }
}
