/**
 * Built-in read-only commands, allowed without a rule. Each tool that has options which write
 * files or run programs is "strict": those options (and abbreviations of them) are refused, and
 * so is any argument whose value could turn into an option at run time (an expansion, or a glob
 * such as `*` that a file named `--output=x` would match).
 */
import { gitProblem } from './gitReadOnly';
import type { ResolvedCommand, ShellWord } from './model';
import { couldInjectOption, findDangerous, scanArgs, type OptionSpec } from './options';
import { sedScriptProblem } from './sedScript';
import { basename } from './wrappers';

interface ReadOnlyTool {
  /** Has options that write or execute: arguments must be static and are checked. */
  strict: boolean;
  /** Returns why this use is not read-only, or null. */
  check?(args: readonly ShellWord[]): string | null;
}

const plain: ReadOnlyTool = { strict: false };

function refuse(spec: OptionSpec, dangerous: readonly string[], what: string): (args: readonly ShellWord[]) => string | null {
  return (args) => {
    const found = findDangerous(scanArgs(args, spec).options, dangerous);
    return found ? `${found} ${what}` : null;
  };
}

function onlyOptions(allowed: readonly string[], spec: OptionSpec, operands: 'none' | 'any', what: string) {
  return (args: readonly ShellWord[]): string | null => {
    const scanned = scanArgs(args, spec);
    const unknown = scanned.options.find((option) => !allowed.includes(option.name));
    if (unknown) return `${unknown.name} is not an option AgentGate knows to be read-only`;
    if (operands === 'none' && scanned.operands.length > 0) return what;
    return null;
  };
}

function sedProblem(args: readonly ShellWord[]): string | null {
  const scanned = scanArgs(args, { shortWithValue: 'efl', longWithValue: ['--expression', '--file', '--line-length'] });
  const dangerous = findDangerous(scanned.options, ['-i', '-f', '--in-place', '--file']);
  if (dangerous) return `${dangerous} edits files in place or reads a script file`;
  const known = ['-n', '-e', '-E', '-r', '-s', '-u', '-z', '-l', '--quiet', '--silent', '--expression', '--regexp-extended', '--separate', '--unbuffered', '--null-data', '--zero-terminated', '--line-length', '--posix', '--debug', '--sandbox'];
  const unknown = scanned.options.find((option) => !known.includes(option.name));
  if (unknown) return `${unknown.name} is not a sed option AgentGate knows to be read-only`;
  const scripts = scanned.options.filter((option) => option.name === '-e' || option.name === '--expression').map((option) => option.value ?? '');
  if (scripts.length === 0) {
    const first = scanned.operands[0];
    if (!first) return 'sed without a script is not a known read-only use';
    scripts.push(first.value);
  }
  for (const script of scripts) {
    const problem = sedScriptProblem(script);
    if (problem) return `its script ${problem}`;
  }
  return null;
}

const FIND_DANGEROUS = ['-exec', '-execdir', '-ok', '-okdir', '-delete', '-fprint', '-fprintf', '-fls', '-fprint0'];

function findProblem(args: readonly ShellWord[]): string | null {
  const found = args.find((word) => FIND_DANGEROUS.includes(word.value));
  return found ? `${found.value} runs commands, deletes or writes files` : null;
}

function uniqProblem(args: readonly ShellWord[]): string | null {
  const scanned = scanArgs(args, { shortWithValue: 'fsw', longWithValue: ['--skip-fields', '--skip-chars', '--check-chars'] });
  return scanned.operands.length > 1 ? 'a second file name is where uniq writes its output' : null;
}

function dateProblem(args: readonly ShellWord[]): string | null {
  const scanned = scanArgs(args, { shortWithValue: 'dfrs', longWithValue: ['--date', '--file', '--reference', '--set'] });
  const dangerous = findDangerous(scanned.options, ['-s', '--set']);
  if (dangerous) return `${dangerous} sets the system clock`;
  const setting = scanned.operands.find((word) => !word.value.startsWith('+'));
  return setting ? 'an argument without + sets the system clock' : null;
}

function printfProblem(args: readonly ShellWord[]): string | null {
  return args[0]?.value.startsWith('-v') ? '-v assigns a shell variable' : null;
}

function commandLookupProblem(args: readonly ShellWord[]): string | null {
  return args.some((word) => /^-[pvV]+$/.test(word.value)) && args.some((word) => /^-[pvV]*[vV]/.test(word.value))
    ? null
    : 'command without -v runs its argument';
}

function envProblem(args: readonly ShellWord[]): string | null {
  const scanned = scanArgs(args, { shortWithValue: 'u', longWithValue: ['--unset'] });
  const unknown = scanned.options.find((option) => !['-i', '-0', '-u', '--ignore-environment', '--null', '--unset'].includes(option.name));
  return unknown ? `${unknown.name} is not an env option AgentGate knows to be read-only` : null;
}

const MAN_OPTIONS = ['-k', '-f', '-a', '-w', '-W', '-s', '-S', '--apropos', '--whatis', '--all', '--where', '--path', '--location', '--sections'];

export const READ_ONLY_TOOLS: Record<string, ReadOnlyTool> = {
  pwd: plain, whoami: plain, id: plain, uname: plain, ls: plain, cat: plain, head: plain, tail: plain, wc: plain,
  echo: plain, grep: plain, egrep: plain, fgrep: plain, cut: plain, tr: plain, diff: plain, stat: plain, du: plain,
  df: plain, which: plain, type: plain, true: plain, false: plain, basename: plain, dirname: plain, realpath: plain,
  readlink: plain, ':': plain, test: plain, '[': plain, '[[': plain, printenv: plain, nproc: plain, seq: plain,
  cd: plain, pushd: plain, popd: plain, dirs: plain,
  printf: { strict: true, check: printfProblem },
  date: { strict: true, check: dateProblem },
  hostname: {
    strict: true,
    check: onlyOptions(['-a', '-A', '-d', '-f', '-i', '-I', '-s', '-y', '--alias', '--all-fqdns', '--domain', '--fqdn', '--long', '--ip-address', '--all-ip-addresses', '--short', '--yp', '--nis'], {}, 'none', 'a name argument sets the host name'),
  },
  rg: { strict: true, check: refuse({}, ['--pre', '--pre-glob', '--hostname-bin'], 'runs another program on each file') },
  find: { strict: true, check: findProblem },
  sort: {
    strict: true,
    check: refuse({ shortWithValue: 'kStTo', longWithValue: ['--key', '--field-separator', '--buffer-size', '--temporary-directory', '--output'] }, ['-o', '--output', '--compress-program'], 'writes a file or runs a program'),
  },
  uniq: { strict: true, check: uniqProblem },
  file: { strict: true, check: refuse({ shortWithValue: 'eFfmP' }, ['-C', '--compile'], 'writes a compiled magic file') },
  tree: { strict: true, check: refuse({ shortWithValue: 'LPIoHT' }, ['-o', '-R', '--output'], 'writes files') },
  sed: { strict: true, check: sedProblem },
  man: { strict: true, check: onlyOptions(MAN_OPTIONS, { shortWithValue: 'sS' }, 'any', '') },
  git: { strict: true, check: gitProblem },
  env: { strict: true, check: envProblem },
  command: { strict: true, check: commandLookupProblem },
};

/** System folders whose programs count as the built-in tool of the same name. */
const SYSTEM_DIRS = /^\/(usr\/)?(local\/)?s?bin\/[^/]+$/;

export type ReadOnlyVerdict = { readOnly: true } | { readOnly: false; why: string | null };

/**
 * Whether the command is a built-in read-only command. `why` explains a refusal of a known
 * read-only tool (an option that writes, ...); it is null for tools that are not on the list.
 */
export function readOnlyVerdict(command: ResolvedCommand): ReadOnlyVerdict {
  const [head, ...args] = command.argv;
  if (!head) return { readOnly: false, why: null };
  if (head.value.includes('/') && !SYSTEM_DIRS.test(head.value)) return { readOnly: false, why: null };
  const name = basename(head.value);
  const tool = Object.hasOwn(READ_ONLY_TOOLS, name) ? READ_ONLY_TOOLS[name] : undefined;
  if (!tool) return { readOnly: false, why: null };
  if (tool.strict) {
    const risky = args.find(couldInjectOption);
    if (risky) return { readOnly: false, why: `${risky.text} could expand to an option of ${name}, which has options that write files or run programs` };
    if (command.appendsArguments) return { readOnly: false, why: `xargs adds arguments AgentGate cannot see, and ${name} has options that write files or run programs` };
  }
  const problem = tool.check?.(args) ?? null;
  return problem ? { readOnly: false, why: problem } : { readOnly: true };
}
