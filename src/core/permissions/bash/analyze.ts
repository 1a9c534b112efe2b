/**
 * Analyses a command line: every simple command, wrappers resolved, and the commands hidden in
 * other commands' arguments (`bash -c '...'`, `eval`, `find -exec`, `trap`, `alias`, a shell fed
 * a static heredoc) parsed and listed too, so deny rules see everything that can run.
 */
import { extractCommands } from './extract';
import { inlineCodeOf } from './kinds';
import type { BashAnalysis, CommandOrigin, ResolvedCommand, ShellWord, SimpleCommand } from './model';
import { loadBashParser, type BashParser, type BashParserOptions } from './parser';
import { shellJoin } from './text';
import { findRoots } from './reads';
import { basename, resolveWrappers } from './wrappers';

/** Longer command lines are never allowed automatically. */
export const MAX_COMMAND_LENGTH = 10_000;
/** Longer command lines are not even parsed (for deny rules): they are asked about as they are. */
const MAX_PARSED_LENGTH = 100_000;
/** Code nested deeper than this (bash -c inside eval inside ...) is not followed. */
const MAX_DEPTH = 8;

const FIND_EXEC = new Set(['-exec', '-execdir', '-ok', '-okdir']);

function argvCommand(words: ShellWord[], origin: CommandOrigin, depth: number, below?: ShellWord[]): SimpleCommand {
  if (origin === 'find -exec') {
    // `{}` becomes a file name found at run time, somewhere below find's starting folders.
    words = words.map((word) => {
      if (!word.value.includes('{}')) return word;
      return word.value === '{}' && below ? { ...word, static: false, below } : { ...word, static: false };
    });
  }
  return {
    text: shellJoin(words.map((word) => word.value)),
    words,
    assignments: [],
    redirects: [],
    opaque: [],
    origin,
    depth,
    joiner: null,
    background: false,
    stdin: null,
  };
}

/** The commands `find -exec ... ;` and `-execdir`/`-ok`/`-okdir` run. */
function findExecCommands(command: ResolvedCommand): SimpleCommand[] {
  const found: SimpleCommand[] = [];
  const args = command.argv;
  const { roots, follows } = findRoots(args.slice(1));
  const below = follows ? undefined : roots;
  for (let i = 1; i < args.length; i++) {
    if (!FIND_EXEC.has(args[i].value)) continue;
    const end = args.findIndex((word, k) => k > i && (word.value === ';' || word.value === '+'));
    if (end === -1) {
      command.opaque.push(`has ${args[i].value} without its closing ; or +`);
      found.push(argvCommand(args.slice(i + 1), 'find -exec', command.depth + 1, below));
      return found;
    }
    found.push(argvCommand(args.slice(i + 1, end), 'find -exec', command.depth + 1, below));
    i = end;
  }
  return found;
}

class Analyzer {
  readonly commands: ResolvedCommand[] = [];
  constructor(private readonly parser: BashParser) {}

  /** Parses nested shell code; its parse problems make the parent opaque. */
  private parseNested(parent: ResolvedCommand, code: string, origin: CommandOrigin): SimpleCommand[] {
    const result = extractCommands(this.parser, code, origin, parent.depth + 1);
    for (const issue of result.issues) parent.opaque.push(`runs shell code in which ${issue}`);
    return result.commands;
  }

  private nestedOf(command: ResolvedCommand): SimpleCommand[] {
    const name = command.argv[0]?.static ? basename(command.argv[0].value) : '';
    const inline = inlineCodeOf(command.argv);
    if (inline) {
      command.inlineCode = inline.what;
      const origin: CommandOrigin = name === 'eval' ? 'eval' : 'inline shell code';
      if (name === 'eval') command.opaque.push('uses eval, which runs text as shell code');
      if (name === 'source' || name === '.') command.opaque.push('runs a script file in the current shell');
      if (inline.shellCode?.static) return this.parseNested(command, inline.shellCode.value, origin);
      if (inline.shellCode) command.opaque.push(`runs shell code from ${inline.shellCode.text}, which is only known at run time`);
      const shell = /sh$|^fish$/.test(name);
      if (inline.fromStdin && shell && command.stdin !== null) return this.parseNested(command, command.stdin, 'heredoc script');
      if (inline.fromStdin && shell && command.redirects.some((redirect) => redirect.operator === '<<' || redirect.operator === '<<<')) {
        command.opaque.push('runs shell code from a heredoc or here-string only known at run time');
      }
      return [];
    }
    if (name === 'find') return findExecCommands(command);
    if (name === 'trap') {
      command.opaque.push('sets a trap, which runs code later');
      const code = command.argv.slice(1).find((word) => !word.value.startsWith('-'));
      if (code?.static) return this.parseNested(command, code.value, 'trap');
      return [];
    }
    if (name === 'alias') {
      command.opaque.push('defines an alias, which can change what later commands run');
      return command.argv.slice(1).flatMap((word) => {
        const eq = word.value.indexOf('=');
        return eq > 0 && word.static ? this.parseNested(command, word.value.slice(eq + 1), 'alias') : [];
      });
    }
    return [];
  }

  add(command: SimpleCommand): void {
    const resolved = resolveWrappers(command);
    this.commands.push(resolved);
    if (command.depth > MAX_DEPTH) {
      resolved.opaque.push('is nested too deeply for AgentGate to follow');
      return;
    }
    for (const nested of this.nestedOf(resolved)) this.add(nested);
  }
}

/** Analyses a command line with a loaded parser (synchronous). */
export function analyzeWith(parser: BashParser, command: string): BashAnalysis {
  const issues: string[] = [];
  if (command.length > MAX_COMMAND_LENGTH) {
    issues.push(`The command is ${command.length.toLocaleString('en-US')} characters long; AgentGate analyses commands of up to ${MAX_COMMAND_LENGTH.toLocaleString('en-US')} characters only`);
  }
  if (command.length > MAX_PARSED_LENGTH) return { command, commands: [], issues };
  const extracted = extractCommands(parser, command, 'top', 0);
  issues.push(...extracted.issues.map((issue) => issue.charAt(0).toUpperCase() + issue.slice(1)));
  const analyzer = new Analyzer(parser);
  for (const simple of extracted.commands) analyzer.add(simple);
  return { command, commands: analyzer.commands, issues };
}

/** Analyses a command line, loading the parser on first use. */
export async function analyzeBash(command: string, options?: BashParserOptions): Promise<BashAnalysis> {
  return analyzeWith(await loadBashParser(options), command);
}
