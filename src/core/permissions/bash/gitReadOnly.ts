/**
 * Which git invocations only read: status, diff, log, show, branch (listing), rev-parse,
 * ls-files, blame, version. Global options that make git run other programs or read other
 * configuration (-c, --config-env, --exec-path, --git-dir, ...) are refused, as is any option that
 * could be an abbreviation of a writing one (git accepts unambiguous prefixes: `--outp`).
 */
import type { ShellWord } from './model';
import { findDangerous, scanArgs } from './options';

const GLOBAL_FLAGS = new Set([
  '--no-pager', '-P', '--no-optional-locks', '--literal-pathspecs', '--glob-pathspecs', '--noglob-pathspecs',
  '--icase-pathspecs', '--no-replace-objects',
]);

const READ_ONLY_SUBCOMMANDS = new Set(['status', 'diff', 'log', 'show', 'branch', 'rev-parse', 'ls-files', 'blame', 'version']);

/** `git branch` options that only list (exact names: abbreviations could be --delete, --move). */
const BRANCH_FLAGS = new Set([
  '-a', '-r', '-l', '-v', '-i', '--all', '--remotes', '--list', '--verbose', '--ignore-case', '--show-current',
  '--color', '--no-color', '--column', '--no-column', '--no-abbrev', '--omit-empty',
  '--merged', '--no-merged', '--contains', '--no-contains', '--points-at', '--sort', '--format', '--abbrev',
]);
const BRANCH_WITH_VALUE = ['--merged', '--no-merged', '--contains', '--no-contains', '--points-at', '--sort', '--format'];

function branchProblem(args: readonly ShellWord[]): string | null {
  const { options, operands } = scanArgs(args, { longWithValue: BRANCH_WITH_VALUE });
  for (const option of options) {
    if (!BRANCH_FLAGS.has(option.name)) return `git branch ${option.name} can change branches`;
  }
  const listing = options.some((option) => option.name === '-l' || option.name === '--list');
  if (operands.length > 0 && !listing) return 'git branch with a name creates a branch';
  return null;
}

/** Returns null when `git <args>` only reads, else why not. `args` excludes the `git` word. */
export function gitProblem(args: readonly ShellWord[]): string | null {
  let i = 0;
  while (i < args.length && args[i].value.startsWith('-')) {
    const option = args[i].value;
    if (option === '-C') i += 2;
    else if (GLOBAL_FLAGS.has(option)) i += 1;
    else if (option === '--version') return null;
    else return `the git option ${option} can make git run other programs or use other settings`;
  }
  const subcommand = args[i]?.value;
  if (subcommand === undefined) return 'git without a subcommand is not a known read-only use';
  if (!READ_ONLY_SUBCOMMANDS.has(subcommand)) return `git ${subcommand} is not one of the read-only git commands`;
  const rest = args.slice(i + 1);
  if (subcommand === 'branch') return branchProblem(rest);
  if (subcommand === 'diff' || subcommand === 'log' || subcommand === 'show') {
    const { options } = scanArgs(rest);
    const dangerous = findDangerous(options, ['--output']);
    if (dangerous) return `git ${subcommand} ${dangerous} writes its output to a file`;
  }
  return null;
}
