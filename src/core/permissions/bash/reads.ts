/**
 * Files a command reads, each decided by the engine as `Read` of that path would be, so a Read
 * deny rule protects a file from the shell too (PERMISSIONS.md "Evaluation": deny beats
 * everything; "Rules": Read denies protect the file).
 *
 * Where the boundary lies ("file operands"):
 * - Input redirections (`< file`, `<> file`) of every command are reads; the shell opens them
 *   whatever the command is, so like redirect writes they ask even when a Bash rule allowed it.
 * - Commands known to read the files they are given (READERS: cat, head, grep, sort, base64, less,
 *   ls, ...): their operands and the values of options that name a file to read (`grep -f F`)
 *   are reads (`file`). A deny denies the command; an ask (a file outside the working directories,
 *   `~/.ssh/id_rsa`) keeps it from being allowed as read-only, unless a Bash allow rule matched it.
 *   Options that take a value (`grep -e PATTERN`, `head -n 5`) are skipped; an option not listed
 *   is taken as a flag, so the word after it is checked as a file (failing closed). The first
 *   operand of grep, rg and sed is their pattern or script unless an option gives it.
 * - Content readers that recurse (grep -r, rg, diff -r) read whole folders (`tree`): a folder
 *   asks when a Read deny or ask rule could match something below it. Following links while
 *   recursing (grep -R, rg -L) always asks. Listings (ls -R, find, tree, du) reveal names only and
 *   are checked as reads of the paths they are given.
 * - git status|diff|log|show|blame|ls-files: their path operands, and the path of `REV:path`
 *   (taken relative to the folder the command runs in). Output git produces by itself (the diff
 *   of a tracked denied file) is not seen.
 * - Every other command (cp, mv, rm, python3 script.py, node, awk, jq, dd if=F, curl -d @F, ...):
 *   each static argument, the value of `name=value` and `--option=value`, and a word after `@`, is
 *   a `mention`: if a Read deny rule covers it the command is denied (a Read deny also blocks
 *   edits and deletions); a folder with files a Read deny covers (`cp -r secrets /tmp`) asks,
 *   naming the rule. Nothing else about a mention asks: such words may not be paths at all, and
 *   these commands ask anyway unless a Bash rule allows them.
 * - Commands that take no file names (echo, printf, test, cd, which, ...) are not checked.
 * - Globs are expanded against the file system as bash would (no dotglob, at most
 *   MAX_GLOB_MATCHES matches, else the read asks); the pattern as written is checked as well, for
 *   when nothing matches. A file operand only known at run time (`$F`, `{a,b}`, `~user`, after
 *   `cd "$D"`, the names xargs adds) asks; `"$f"` in the body of `for f in WORDS` stands for each
 *   of WORDS.
 * Not covered: files a program opens by itself (configuration, scripts, inline code such as
 * `python3 -c "open('.env')"`): such programs are not read-only and ask unless a Bash rule allows
 * them.
 */
import path from 'node:path';
import { joinRaw } from '../paths';
import type { Decision } from '../types';
import type { ResolvedCommand, ShellWord } from './model';
import { couldMean, scanArgs, type ScannedOption } from './options';
import { code } from './text';
import type { ReadUse } from './types';
import { basename, isPattern } from './wrappers';
import type { WorkingFolders } from './writes';
import { expandGlob, MAX_GLOB_MATCHES } from './globExpand';
import { GIT_GLOBAL_WITH_VALUE, GIT_NO_PATHS, GIT_READS, NO_FILES, READERS, WRAPPER_NAMES, type ReaderSpec } from './readers';

export interface ReadCheck {
  /** The operand as written. */
  target: string;
  use: ReadUse;
  /** Read by the shell for an input redirection (`< file`), not by the program. */
  redirect: boolean;
  /** Absolute paths checked (empty when the operand could not be resolved). */
  paths: string[];
  decision: Decision;
}


/** One word to check and how it is used. */
interface Operand {
  word: ShellWord;
  use: ReadUse;
  /** A relative path may be taken from any folder above the working folder (git's `REV:path`). */
  fromAnyParent?: boolean;
  redirect?: boolean;
}

/** What one command reads: operands, and reasons some files cannot be known. */
interface Reads {
  operands: Operand[];
  unknown: string[];
}

const optionIs = (option: ScannedOption, names: readonly string[] | undefined): boolean =>
  names?.some((name) => (name.startsWith('--') ? couldMean(option.name, name) : option.name === name)) ?? false;

/** A word holding an option's value (`-fFILE`, `--file=FILE` or the next word), as its own word. */
function valueWord(option: ScannedOption): ShellWord | null {
  if (option.value === undefined || !option.word) return null;
  const { word } = option;
  if (!word.static) return word;
  return { text: option.value, value: option.value, static: true, glob: word.glob && word.value.endsWith(option.value) };
}

function readerReads(name: string, spec: ReaderSpec, args: readonly ShellWord[]): Reads {
  const scanned = scanArgs(args, { shortWithValue: spec.short, longWithValue: [...(spec.long ?? []), ...(spec.files ?? []), ...(spec.lists ?? [])].filter((o) => o.startsWith('--')) });
  const out: Reads = { operands: [], unknown: [] };
  const follow = scanned.options.find((option) => optionIs(option, spec.follow));
  const namesOnly = scanned.options.some((option) => optionIs(option, spec.noPattern));
  const recursive =
    (spec.recursive === 'always' && !namesOnly) ||
    (Array.isArray(spec.recursive) && scanned.options.some((option) => optionIs(option, spec.recursive as readonly string[]))) ||
    (name.endsWith('grep') && scanned.options.some((option) => optionIs(option, ['-d', '--directories']) && option.value === 'recurse'));
  for (const option of scanned.options) {
    const word = optionIs(option, spec.files) || optionIs(option, spec.lists) ? valueWord(option) : null;
    if (word) out.operands.push({ word, use: 'file' });
    if (optionIs(option, spec.lists)) out.unknown.push(`the files listed in ${option.value === undefined ? 'its operands' : code(option.value)} (${option.name})`);
  }
  let operands = scanned.operands;
  const patternGiven = scanned.options.some((option) => optionIs(option, spec.patternUnless) || optionIs(option, spec.noPattern));
  if (spec.patternUnless && !patternGiven) operands = operands.slice(1);
  if (spec.maxOperands !== undefined) operands = operands.slice(0, spec.maxOperands);
  const use: ReadUse = recursive ? 'tree' : 'file';
  if (recursive && operands.length === 0) operands = [{ text: '.', value: '.', static: true, glob: false }];
  if (recursive && follow) out.unknown.push(`whatever the symbolic links it follows (${follow.name}) lead to`);
  out.operands.push(...operands.filter((word) => word.value !== '-').map((word) => ({ word, use })));
  return out;
}

/**
 * A git operand as files: the word itself, and for `REV:path` the path, which git takes from the
 * repository's top folder (any folder above the working folder, as far as the analysis knows)
 * unless it starts with `./` or `../`.
 */
function gitOperand(word: ShellWord): Operand[] {
  const own: Operand = { word, use: 'file' };
  const colon = word.value.indexOf(':');
  if (!word.static || colon === -1 || word.value.slice(0, colon).includes('/')) return [own];
  const rest = word.value.slice(colon + 1);
  if (rest === '') return [own];
  const relative = rest.startsWith('./') || rest.startsWith('../');
  const path: ShellWord = { text: word.text, value: rest, static: true, glob: false };
  if (relative) return [own, { word: path, use: 'file' }];
  // From the working folder as a read; from the folders above it, only a deny counts.
  return [own, { word: path, use: 'file' }, { word: path, use: 'mention', fromAnyParent: true }];
}

function gitReads(args: readonly ShellWord[]): Reads & { chdir: ShellWord[] } {
  const chdir: ShellWord[] = [];
  let i = 0;
  while (i < args.length && args[i].value.startsWith('-')) {
    const option = args[i].value;
    if (option === '-C' && args[i + 1]) chdir.push(args[i + 1]);
    i += option === '-C' || GIT_GLOBAL_WITH_VALUE.has(option) ? 2 : 1;
  }
  const sub = args[i]?.value;
  const rest = args.slice(i + 1);
  if (sub === undefined || GIT_NO_PATHS.has(sub)) return { operands: [], unknown: [], chdir };
  if (!GIT_READS.has(sub)) return { operands: mentions(rest), unknown: [], chdir };
  const { operands } = scanArgs(rest);
  return { operands: operands.flatMap(gitOperand), unknown: [], chdir };
}

const DOT: ShellWord = { text: '.', value: '.', static: true, glob: false };

/**
 * The folders `find` starts from (`.` when none is given), after its -H/-L/-P/-D/-O options;
 * `follows` when it follows symbolic links (-L, -follow), so files below them can be anywhere.
 */
export function findRoots(args: readonly ShellWord[]): { roots: ShellWord[]; follows: boolean } {
  let i = 0;
  let follows = false;
  while (i < args.length && /^-([HLP]+|D|O\d*)$/.test(args[i].value)) {
    if (args[i].value.includes('L')) follows = true;
    i += args[i].value === '-D' ? 2 : 1;
  }
  const rest = args.slice(i);
  const end = rest.findIndex((word) => word.value.startsWith('-') || ['(', '!', ')', ','].includes(word.value));
  const roots = end === -1 ? rest : rest.slice(0, end);
  if (rest.some((word) => word.value === '-follow')) follows = true;
  return { roots: roots.length > 0 ? [...roots] : [DOT], follows };
}

/** `name=value` → value; `@file` → file: the forms in which programs take file names. */
function mentionForms(word: ShellWord): ShellWord[] {
  if (!word.static) return [];
  const forms: ShellWord[] = [];
  const add = (value: string) => {
    if (value === '' || value === '-') return;
    forms.push({ text: value, value, static: true, glob: word.glob && word.value.endsWith(value) });
    if (value.startsWith('@') || value.startsWith('<')) add(value.slice(1));
  };
  if (!word.value.startsWith('-')) add(word.value);
  const eq = word.value.indexOf('=');
  if (eq > 0) add(word.value.slice(eq + 1));
  return forms;
}

function mentions(words: readonly ShellWord[]): Operand[] {
  return words
    .flatMap((word) => (!word.static && word.values ? word.values : [word]))
    .flatMap((word) => (word.below ? [word] : mentionForms(word)).map((form) => ({ word: form, use: 'mention' as const })));
}

/** The words of a wrapper (`xargs -a FILE`, `env -C DIR`) before the command it runs. */
function wrapperWords(command: ResolvedCommand): ShellWord[] {
  if (command.wrappers.length === 0) return [];
  const start = command.argv[0] ? command.words.indexOf(command.argv[0]) : -1;
  return start === -1 ? command.words : command.words.slice(0, start);
}

/** Files xargs reads its arguments from (`-a FILE`, `--arg-file=FILE`), and folders env/sudo change to. */
function wrapperEffects(command: ResolvedCommand): { argFiles: ShellWord[]; chdir: ShellWord[] } {
  const words = wrapperWords(command);
  const argFiles: ShellWord[] = [];
  const chdir: ShellWord[] = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const value = word.value;
    if (WRAPPER_NAMES.has(basename(value))) {
      current = basename(value);
      continue;
    }
    const next = words[i + 1] as ShellWord | undefined;
    const take = (letter: string, long: string, into: ShellWord[]) => {
      if (value === long || new RegExp(`^-[A-Za-z0-9]*${letter}$`).test(value)) {
        if (next) into.push(next);
        i++;
      } else if (value.startsWith(`${long}=`)) into.push({ ...word, text: value, value: value.slice(long.length + 1) });
      else if (new RegExp(`^-[A-Za-z0-9]*${letter}.`).test(value)) into.push({ ...word, value: value.slice(value.indexOf(letter) + 1) });
    };
    if (current === 'xargs') take('a', '--arg-file', argFiles);
    else if (current === 'env') take('C', '--chdir', chdir);
    else if (current === 'sudo') take('D', '--chdir', chdir);
  }
  return { argFiles, chdir };
}

/** What one command reads, by the rules at the top of this file. */
function readsOf(command: ResolvedCommand): Reads & { chdir: ShellWord[] } {
  const out: Reads & { chdir: ShellWord[] } = { operands: [], unknown: [], chdir: [] };
  for (const redirect of command.redirects) {
    const target = redirect.target;
    if (!target || !['<', '<&', '<>'].includes(redirect.operator)) continue;
    if (redirect.operator === '<&' && target.static && /^(\d+|-)$/.test(target.value)) continue;
    out.operands.push({ word: target, use: 'file', redirect: true });
  }
  const wrapper = wrapperEffects(command);
  out.chdir.push(...wrapper.chdir);
  out.operands.push(...wrapper.argFiles.map((word) => ({ word, use: 'file' as const })));
  const [head, ...args] = command.argv;
  if (!head?.static) return out;
  const name = basename(head.value);
  if (command.inlineCode) {
    out.operands.push(...mentions(args));
    return out;
  }
  if (NO_FILES.has(name)) return out;
  if (name === 'find') {
    out.operands.push(...findRoots(args).roots.map((word) => ({ word, use: 'file' as const })));
    const list = args.findIndex((word) => word.value === '-files0-from');
    if (list !== -1) out.unknown.push('the files named in the list given to -files0-from');
  } else if (name === 'git') {
    const git = gitReads(args);
    out.operands.push(...git.operands);
    out.chdir.push(...git.chdir);
  } else if (Object.hasOwn(READERS, name)) {
    const reads = readerReads(name, READERS[name], args);
    out.operands.push(...reads.operands);
    out.unknown.push(...reads.unknown);
  } else {
    out.operands.push(...mentions(args));
    return out;
  }
  if (command.appendsArguments) out.unknown.push('the file names xargs adds, which AgentGate cannot see');
  return out;
}

/** Paths, and whether they are folders read whole (find's `{}`); or why they cannot be known. */
type Resolved = { paths: string[]; tree?: boolean } | { unknown: string };

/** The folder and every folder above it. */
function withParents(folder: string): string[] {
  const out = [folder];
  for (let dir = path.dirname(folder); dir !== out[out.length - 1]; dir = path.dirname(dir)) out.push(dir);
  return out;
}

/** The absolute, unnormalized paths an operand stands for (every folder the command may be in). */
function resolve({ word, fromAnyParent }: Operand, folders: readonly (string | null)[], home: string): Resolved {
  if (!word.static && word.values) {
    // A loop variable: every word the loop gives it.
    const paths: string[] = [];
    for (const value of word.values) {
      const resolved = resolve({ word: value, use: 'file', fromAnyParent }, folders, home);
      if ('unknown' in resolved) return resolved;
      paths.push(...resolved.paths);
    }
    return { paths: [...new Set(paths)] };
  }
  if (!word.static && word.below) {
    const paths: string[] = [];
    for (const root of word.below) {
      const resolved = resolve({ word: root, use: 'file' }, folders, home);
      if ('unknown' in resolved) return resolved;
      paths.push(...resolved.paths);
    }
    return { paths: [...new Set(paths)], tree: true };
  }
  if (!word.static) return { unknown: `${code(word.text)}, a file name only known at run time` };
  const value = word.value;
  let raws: string[];
  if (word.glob && value.startsWith('~')) {
    if (value !== '~' && !value.startsWith('~/')) return { unknown: `${code(word.text)}, a file in another user's home folder` };
    raws = [`${home}${value.slice(1)}`];
  } else if (path.isAbsolute(value)) raws = [value];
  else if (folders.includes(null)) return { unknown: `${code(value)} in a folder only known at run time (after cd)` };
  else {
    const bases = fromAnyParent ? folders.flatMap((folder) => withParents(path.resolve(folder as string))) : (folders as string[]);
    raws = [...new Set(bases.map((folder) => joinRaw(folder, value)))];
  }
  if (!isPattern(word)) return { paths: raws };
  const paths: string[] = [];
  for (const raw of raws) {
    const matches = expandGlob(raw);
    if (matches === null) return { unknown: `${code(word.text)}, a pattern matching more than ${MAX_GLOB_MATCHES} files` };
    paths.push(raw, ...matches);
  }
  return { paths: [...new Set(paths)] };
}

const RANK = { deny: 0, ask: 1, allow: 2 } as const;

function ask(reason: string): Decision {
  return { decision: 'ask', reason, rule: null, source: null };
}

/** The folders relative operands are taken from, after `env -C DIR` / `git -C DIR`. */
function foldersFor(folders: readonly (string | null)[], chdir: readonly ShellWord[], home: string): (string | null)[] {
  let out = [...folders];
  for (const dir of chdir) {
    if (!dir.static || (dir.glob && !/^~(\/|$)/.test(dir.value))) return [null];
    const expanded = dir.value === '~' || dir.value.startsWith('~/') ? `${home}${dir.value.slice(1)}` : dir.value;
    out = out.map((folder) => (folder === null ? null : path.resolve(folder, expanded)));
  }
  return out;
}

/**
 * Checks every file the command reads (see the top of this file). Mentions only report what a
 * rule decided; everything else reports the engine's decision for the worst path of each operand.
 */
export function checkReads(
  command: ResolvedCommand,
  folders: WorkingFolders,
  home: string,
  checkRead: (absolutePath: string, use?: ReadUse) => Decision,
): ReadCheck[] {
  const reads = readsOf(command);
  const checks: ReadCheck[] = reads.unknown.map((what) => ({
    target: what,
    use: 'file',
    redirect: false,
    paths: [],
    decision: ask(`${code(command.text)} reads ${what}, so it asks.`),
  }));
  const dirs = foldersFor(folders.all, reads.chdir, home);
  for (const operand of reads.operands) {
    const { word, use } = operand;
    const resolved = resolve(operand, dirs, home);
    if ('unknown' in resolved) {
      if (use !== 'mention') {
        checks.push({ target: word.text, use, redirect: operand.redirect === true, paths: [], decision: ask(`${code(command.text)} reads ${resolved.unknown}, so it asks.`) });
      }
      continue;
    }
    let worst: Decision | null = null;
    // find's `{}` is any file below its starting folders; a mention of it still reports rules only.
    const how: ReadUse = resolved.tree ? 'tree' : use;
    for (const file of resolved.paths) {
      const decision = checkRead(file, how);
      if (use === 'mention' && decision.rule === null) continue;
      if (!worst || RANK[decision.decision] < RANK[worst.decision]) worst = decision;
      if (worst.decision === 'deny') break;
    }
    if (worst) checks.push({ target: word.value, use, redirect: operand.redirect === true, paths: resolved.paths, decision: worst });
  }
  return checks;
}
