/**
 * The result of analysing a command line: plain data, independent of the syntax tree (which is
 * freed as soon as the analysis is done).
 */

/** One shell word after quote removal, as far as it can be known before the command runs. */
export interface ShellWord {
  /** The word as written. */
  text: string;
  /** The word after quote removal and escape processing; the text as written when not static. */
  value: string;
  /** False when the value is only known at run time (expansions, substitutions). */
  static: boolean;
  /** Unquoted glob characters or a leading `~` that the shell would expand. */
  glob: boolean;
  /**
   * For `$f`, `"$f"` or `${f}` in the body of `for f in WORDS` (WORDS static, f not touched
   * otherwise in the body): the words f takes, one per run. The word is still not static.
   */
  values?: ShellWord[];
  /** For `{}` of `find ROOTS -exec`: some file below ROOTS (the word is still not static). */
  below?: ShellWord[];
}

export interface Assignment {
  name: string;
  value: ShellWord;
  text: string;
}

export interface Redirect {
  /** The operator as written: `>`, `>>`, `>|`, `&>`, `&>>`, `>&`, `<`, `<<`, `<<<`, ... */
  operator: string;
  /** The file descriptor written before the operator, if any. */
  descriptor: string | null;
  /** The target; null for heredocs, here-strings and closing (`>&-`). */
  target: ShellWord | null;
  /** Whether the redirect writes its target (a file write, checked like Edit). */
  writes: boolean;
}

/** Where a simple command was found. */
export type CommandOrigin =
  | 'top'
  | 'command substitution'
  | 'process substitution'
  | 'function body'
  | 'inline shell code'
  | 'eval'
  | 'find -exec'
  | 'xargs'
  | 'trap'
  | 'alias'
  | 'heredoc script';

/** How a simple command is joined to the one before it, for descriptions. */
export type Joiner = '&&' | '||' | ';' | '|' | '|&' | '&' | 'newline' | null;

/** A simple command as the shell would see it, before wrappers are considered. */
export interface SimpleCommand {
  /** The source text of the command as written (without redirections of enclosing blocks). */
  text: string;
  words: ShellWord[];
  assignments: Assignment[];
  redirects: Redirect[];
  /** Reasons this command can never be allowed automatically; empty when fully analysable. */
  opaque: string[];
  origin: CommandOrigin;
  /** Nesting depth: 0 at top level, +1 inside each substitution, inline script, -exec, ... */
  depth: number;
  joiner: Joiner;
  background: boolean;
  /** Static text fed to stdin by a heredoc or here-string, when the command reads one. */
  stdin: string | null;
}

/** A simple command with its wrappers (timeout, env, sudo, ...) resolved. */
export interface ResolvedCommand extends SimpleCommand {
  /** Wrapper names stripped from the front, outermost first (`sudo`, `timeout`, ...). */
  wrappers: string[];
  /** The command that actually runs: name and arguments. Empty for a bare assignment. */
  argv: ShellWord[];
  /** Assignments that reach the inner command's environment (prefix and `env VAR=x`). */
  envAssignments: Assignment[];
  /** Run through sudo or doas: never allowed without a rule written for sudo/doas itself. */
  privileged: boolean;
  /** The words from the sudo/doas wrapper on, which a rule for sudo itself is matched against. */
  privilegedLevel: string[] | null;
  /** Run by xargs, which appends arguments the analysis cannot see. */
  appendsArguments: boolean;
  /** What code the command runs besides a program on disk ("inline Python code"), if any. */
  inlineCode: string | null;
  /** argv values (wrappers stripped) joined by single spaces; words with whitespace are quoted. */
  normalized: string;
  /**
   * The command's words at every wrapper level, outermost first (with prefix assignments when
   * there are any), ending with the inner command: deny and ask rules are tried on each.
   */
  levels: string[][];
}

export interface BashAnalysis {
  command: string;
  /** Every simple command, top level and nested, in source order. */
  commands: ResolvedCommand[];
  /** Problems with the command line as a whole (parse errors, length): it must be asked about. */
  issues: string[];
}
