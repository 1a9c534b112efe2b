/**
 * Strips wrapper commands (timeout, time, nice, nohup, stdbuf, command, builtin, exec, env, xargs,
 * coproc, sudo, doas) so rules match what actually runs. A wrapper whose options are not
 * understood is not stripped further: the command is then opaque (ask), never guessed at.
 */
import { shellJoin } from './text';
import type { Assignment, ResolvedCommand, ShellWord, SimpleCommand } from './model';
import { literalWord } from './words';

/** Option grammar of one wrapper. */
interface WrapperSpec {
  shortFlags?: string;
  shortWithValue?: string;
  longFlags?: string[];
  longWithValue?: string[];
  /** Positional operands before the wrapped command (timeout's duration). */
  operands?: number;
  privileged?: boolean;
  appendsArguments?: boolean;
  /** Without a command the wrapper does something itself (env prints, xargs runs echo). */
  defaultCommand?: string;
}

const WRAPPERS: Record<string, WrapperSpec> = {
  timeout: { shortFlags: 'v', shortWithValue: 'ks', longFlags: ['--preserve-status', '--foreground', '--verbose'], longWithValue: ['--kill-after', '--signal'], operands: 1 },
  time: { shortFlags: 'p' },
  nice: { shortWithValue: 'n', longWithValue: ['--adjustment'] },
  nohup: {},
  stdbuf: { shortWithValue: 'ioe', longWithValue: ['--input', '--output', '--error'] },
  command: { shortFlags: 'p' },
  builtin: {},
  exec: { shortFlags: 'cl', shortWithValue: 'a' },
  coproc: {},
  env: {
    shortFlags: 'i0v',
    shortWithValue: 'uC',
    longFlags: ['--ignore-environment', '--null', '--debug'],
    longWithValue: ['--unset', '--chdir'],
  },
  xargs: {
    shortFlags: '0oprtx',
    shortWithValue: 'adEILnPs',
    longFlags: ['--null', '--open-tty', '--interactive', '--no-run-if-empty', '--verbose', '--exit', '--show-limits'],
    longWithValue: ['--arg-file', '--delimiter', '--max-lines', '--max-args', '--max-procs', '--max-chars', '--process-slot-var', '--replace', '--eof'],
    appendsArguments: true,
    defaultCommand: 'echo',
  },
  sudo: {
    shortFlags: 'AbEHknPSilsv',
    shortWithValue: 'CDgprRtTuU',
    longFlags: ['--askpass', '--background', '--preserve-env', '--set-home', '--login', '--non-interactive', '--preserve-groups', '--stdin', '--shell', '--reset-timestamp', '--remove-timestamp', '--list', '--validate'],
    longWithValue: ['--close-from', '--chdir', '--group', '--prompt', '--chroot', '--role', '--type', '--command-timeout', '--other-user', '--user'],
    privileged: true,
  },
  doas: { shortFlags: 'nsL', shortWithValue: 'u', privileged: true },
};

/**
 * Environment variables a command may set for one run without it counting as a change to how
 * programs behave. Anything else (PATH, LD_PRELOAD, NODE_OPTIONS, GIT_*, PAGER, ...) can make a
 * harmless-looking program run other code, so commands setting it are never auto-allowed.
 */
const SAFE_ENV = new Set([
  'NODE_ENV', 'CI', 'DEBUG', 'FORCE_COLOR', 'NO_COLOR', 'CLICOLOR', 'TERM', 'TZ', 'LANG', 'LANGUAGE', 'LC_ALL',
  'COLUMNS', 'LINES', 'RUST_BACKTRACE', 'RUST_LOG', 'GOOS', 'GOARCH', 'CGO_ENABLED', 'PYTHONUNBUFFERED',
  'PYTHONDONTWRITEBYTECODE', 'NODE_NO_WARNINGS', 'VERBOSE', 'TIMING', 'GIT_PAGER_IN_USE',
]);

export function isSafeAssignment(assignment: Assignment): boolean {
  return (SAFE_ENV.has(assignment.name) || /^LC_[A-Z]+$/.test(assignment.name)) && assignment.value.static;
}

/** An unquoted word with wildcards (`/bin/r?`), which the shell replaces by matching files. */
export function isPattern(word: ShellWord): boolean {
  return word.glob && /[*?[]/.test(word.value);
}

export function basename(value: string): string {
  const slash = value.lastIndexOf('/');
  return slash === -1 ? value : value.slice(slash + 1);
}

const ASSIGNMENT_WORD = /^[A-Za-z_][A-Za-z0-9_]*=/;

type Parsed = { ok: true; next: number; assignments: Assignment[]; lookupOnly?: boolean } | { ok: false; reason: string };

/** Parses a wrapper's options starting after its name; returns where the wrapped command starts. */
function parseWrapper(name: string, spec: WrapperSpec, words: ShellWord[], start: number): Parsed {
  const assignments: Assignment[] = [];
  let i = start + 1;
  const fail = (word: ShellWord): Parsed => ({
    ok: false,
    reason: word.static
      ? `passes the option ${word.value} to ${name}, which AgentGate does not understand`
      : `passes ${word.text} to ${name}, whose value is only known at run time`,
  });
  while (i < words.length) {
    const word = words[i];
    if (!word.static) return fail(word);
    const value = word.value;
    if (value === '--') {
      i++;
      break;
    }
    if (name === 'env' && value === '-') {
      i++;
      continue;
    }
    if (name === 'env' && ASSIGNMENT_WORD.test(value)) {
      const eq = value.indexOf('=');
      assignments.push({ name: value.slice(0, eq), value: literalWord(value.slice(eq + 1)), text: value });
      i++;
      continue;
    }
    if (name === 'nice' && /^-\d+$/.test(value)) {
      i++;
      continue;
    }
    if (name === 'command' && /^-[pvV]+$/.test(value) && /[vV]/.test(value)) return { ok: true, next: start, assignments, lookupOnly: true };
    if (value.startsWith('--')) {
      const [option] = value.split('=', 1);
      if (spec.longFlags?.includes(option) || (name === 'sudo' && option === '--preserve-env')) i++;
      else if (spec.longWithValue?.includes(option)) i += value.includes('=') ? 1 : 2;
      else return fail(word);
      continue;
    }
    if (value.startsWith('-') && value.length > 1) {
      let consumed = 1;
      for (let k = 1; k < value.length; k++) {
        const flag = value[k];
        if (spec.shortFlags?.includes(flag)) continue;
        if (spec.shortWithValue?.includes(flag)) {
          if (k === value.length - 1) consumed = 2;
          break;
        }
        return fail(word);
      }
      i += consumed;
      continue;
    }
    break;
  }
  if (i > words.length) return { ok: false, reason: `gives ${name} an option without its value` };
  for (let operand = 0; operand < (spec.operands ?? 0); operand++) {
    if (i >= words.length) break;
    if (!words[i].static) return fail(words[i]);
    i++;
  }
  return { ok: true, next: i, assignments };
}

/** Resolves the wrappers of one simple command. */
export function resolveWrappers(command: SimpleCommand): ResolvedCommand {
  const opaque = [...command.opaque];
  const wrappers: string[] = [];
  const envAssignments = [...command.assignments];
  const levels: string[][] = [];
  let privileged = false;
  let privilegedLevel: string[] | null = null;
  let appendsArguments = false;
  let words = command.words;
  let start = 0;
  const values = (from: number): string[] => words.slice(from).map((word) => word.value);
  if (command.assignments.length > 0) levels.push([...command.assignments.map((a) => `${a.name}=${a.value.value}`), ...values(0)]);
  while (start < words.length) {
    const head = words[start];
    if (!head.static) break;
    const name = basename(head.value);
    const spec = Object.hasOwn(WRAPPERS, name) ? WRAPPERS[name] : undefined;
    if (!spec) break;
    const parsed = parseWrapper(name, spec, words, start);
    if (!parsed.ok) {
      opaque.push(parsed.reason);
      break;
    }
    if (parsed.lookupOnly) break;
    levels.push(values(start));
    if (spec.privileged) {
      privileged = true;
      privilegedLevel ??= values(start);
    }
    envAssignments.push(...parsed.assignments);
    if (parsed.next >= words.length) {
      if (spec.defaultCommand) {
        wrappers.push(name);
        appendsArguments ||= spec.appendsArguments === true;
        words = [...words, literalWord(spec.defaultCommand)];
        start = words.length - 1;
      }
      break;
    }
    wrappers.push(name);
    appendsArguments ||= spec.appendsArguments === true;
    start = parsed.next;
  }
  const argv = words.slice(start);
  if (argv.length > 0 && !argv[0].static) {
    opaque.push(`takes its command name from ${argv[0].text}, which is only known at run time`);
  } else if (argv.length > 0 && isPattern(argv[0])) {
    opaque.push(`takes its command name from the pattern ${argv[0].text}, which matches files only at run time`);
  }
  const inner = argv.map((word) => word.value);
  levels.push(inner);
  return {
    ...command,
    opaque,
    wrappers,
    argv,
    envAssignments,
    privileged,
    privilegedLevel,
    appendsArguments,
    inlineCode: null,
    normalized: shellJoin(inner),
    levels,
  };
}
