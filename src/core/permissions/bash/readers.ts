/**
 * What AgentGate knows of the programs whose file operands are reads (see reads.ts): which
 * options take values, which name files, which make a reader recurse, and the commands that take
 * no file names at all.
 */
/** How a known reader takes its arguments. */
export interface ReaderSpec {
  /** Short options that take a value (`-n 5`, `-n5`). */
  short?: string;
  /** Long options that take a value as the next word when not written `--name=value`. */
  long?: readonly string[];
  /** Options whose value is a file the command reads. */
  files?: readonly string[];
  /** Options or flags that make it read files named inside another file (unknown here). */
  lists?: readonly string[];
  /** The first operand is a pattern or script unless one of these options gives it. */
  patternUnless?: readonly string[];
  /** With one of these there is no pattern operand at all (rg --files). */
  noPattern?: readonly string[];
  /** Flags that make it read folders recursively; `always` for rg. */
  recursive?: readonly string[] | 'always';
  /** Flags that make it follow symbolic links while recursing. */
  follow?: readonly string[];
  /** Only the first operands are read (uniq's second operand is its output). */
  maxOperands?: number;
}

const GREP: ReaderSpec = {
  short: 'efmABCdD',
  long: ['--regexp', '--file', '--max-count', '--after-context', '--before-context', '--context', '--directories', '--devices', '--include', '--exclude', '--exclude-from', '--exclude-dir', '--label', '--binary-files', '--group-separator'],
  files: ['-f', '--file', '--exclude-from'],
  patternUnless: ['-e', '--regexp', '-f', '--file'],
  recursive: ['-r', '--recursive', '-R', '--dereference-recursive'],
  follow: ['-R', '--dereference-recursive'],
};
const SUMS: ReaderSpec = { lists: ['-c', '--check'] };
const BASE64: ReaderSpec = { short: 'w', long: ['--wrap'] };

export const READERS: Record<string, ReaderSpec> = {
  cat: {},
  tac: { short: 's', long: ['--separator'] },
  head: { short: 'nc', long: ['--lines', '--bytes'] },
  tail: { short: 'ncs', long: ['--lines', '--bytes', '--sleep-interval', '--pid', '--max-unchanged-stats'] },
  wc: { lists: ['--files0-from'] },
  nl: { short: 'bdfhilnsvw', long: ['--body-numbering', '--section-delimiter', '--footer-numbering', '--header-numbering', '--line-increment', '--join-blank-lines', '--number-format', '--number-separator', '--starting-line-number', '--number-width'] },
  cut: { short: 'bcdf', long: ['--bytes', '--characters', '--delimiter', '--fields', '--output-delimiter'] },
  sort: {
    short: 'kStTo',
    long: ['--key', '--field-separator', '--buffer-size', '--temporary-directory', '--output', '--batch-size', '--parallel', '--compress-program', '--sort', '--random-source', '--files0-from'],
    files: ['--random-source'],
    lists: ['--files0-from'],
  },
  uniq: { short: 'fsw', long: ['--skip-fields', '--skip-chars', '--check-chars'], maxOperands: 1 },
  grep: GREP,
  egrep: GREP,
  fgrep: GREP,
  rg: {
    short: 'efgmABCtTjMErd',
    long: ['--regexp', '--file', '--glob', '--iglob', '--max-count', '--after-context', '--before-context', '--context', '--type', '--type-not', '--threads', '--max-columns', '--encoding', '--replace', '--max-depth', '--ignore-file', '--pre', '--pre-glob', '--type-add', '--type-clear', '--colors', '--sort', '--sortr', '--max-filesize', '--path-separator', '--context-separator', '--field-match-separator', '--field-context-separator', '--engine', '--dfa-size-limit', '--regex-size-limit', '--hostname-bin'],
    files: ['-f', '--file', '--ignore-file'],
    patternUnless: ['-e', '--regexp', '-f', '--file'],
    noPattern: ['--files', '--type-list'],
    recursive: 'always',
    follow: ['-L', '--follow'],
  },
  diff: {
    short: 'CUIxXSLFWD',
    long: ['--context', '--unified', '--ignore-matching-lines', '--exclude', '--exclude-from', '--starting-file', '--label', '--show-function-line', '--width', '--ifdef', '--from-file', '--to-file', '--tabsize', '--horizon-lines', '--color', '--palette'],
    files: ['-X', '--exclude-from', '--from-file', '--to-file'],
    recursive: ['-r', '--recursive'],
  },
  cmp: { short: 'in', long: ['--ignore-initial', '--bytes'] },
  comm: { long: ['--output-delimiter'] },
  paste: { short: 'd', long: ['--delimiters'] },
  join: { short: 'aeotv12j' },
  base64: BASE64,
  base32: BASE64,
  basenc: BASE64,
  xxd: { short: 'cglosnR', maxOperands: 1 },
  od: { short: 'AjNSt', long: ['--address-radix', '--skip-bytes', '--read-bytes', '--format'] },
  hexdump: { short: 'efns', files: ['-f'] },
  strings: { short: 'nteT', long: ['--bytes', '--radix', '--encoding', '--target', '--output-separator'] },
  less: { short: 'bhjkoOpPtTxyz#', files: ['-k'] },
  more: { short: 'n' },
  fold: { short: 'w', long: ['--width'] },
  fmt: { short: 'pwg', long: ['--prefix', '--width', '--goal'] },
  expand: { short: 't', long: ['--tabs'] },
  unexpand: { short: 't', long: ['--tabs'] },
  rev: {},
  column: { short: 'csoNHRTWlrip', long: ['--columns', '--separator', '--output-separator', '--table-columns', '--table-hide', '--table-right', '--table-truncate', '--table-wrap', '--table-name', '--tree', '--tree-id', '--tree-parent'] },
  iconv: { short: 'fto', long: ['--from-code', '--to-code', '--output'] },
  md5sum: SUMS,
  sha1sum: SUMS,
  sha224sum: SUMS,
  sha256sum: SUMS,
  sha384sum: SUMS,
  sha512sum: SUMS,
  b2sum: SUMS,
  cksum: SUMS,
  file: { short: 'eFfmP', long: ['--exclude', '--separator', '--files-from', '--magic-file', '--parameter'], files: ['-m', '--magic-file'], lists: ['-f', '--files-from'] },
  sed: { short: 'efl', long: ['--expression', '--file', '--line-length'], files: ['-f', '--file'], patternUnless: ['-e', '--expression', '-f', '--file'] },
  ls: { short: 'ITw', long: ['--ignore', '--hide', '--tabsize', '--width', '--format', '--sort', '--time', '--time-style', '--block-size', '--quoting-style', '--indicator-style'] },
  tree: { short: 'LPIoHT' },
  du: { short: 'BdtX', long: ['--block-size', '--max-depth', '--threshold', '--exclude', '--exclude-from', '--time-style'], files: ['-X', '--exclude-from'], lists: ['--files0-from'] },
  stat: { short: 'c', long: ['--format', '--printf'] },
};

/** Commands that take no file names, or only test or resolve paths (test -f, realpath): not checked. */
export const NO_FILES = new Set([
  'echo', 'printf', 'pwd', 'true', 'false', ':', 'basename', 'dirname', 'seq', 'test', '[', '[[', 'cd', 'pushd', 'popd',
  'dirs', 'tr', 'which', 'type', 'command', 'sleep', 'date', 'whoami', 'id', 'uname', 'nproc', 'hostname', 'printenv',
  'man', 'exit', 'return', 'set', 'unset', 'export', 'shopt', 'yes', 'hash', 'wait', 'kill', 'jobs', 'realpath',
  'readlink',
]);

export const WRAPPER_NAMES = new Set(['timeout', 'time', 'nice', 'nohup', 'stdbuf', 'command', 'builtin', 'exec', 'coproc', 'env', 'xargs', 'sudo', 'doas']);

export const GIT_READS = new Set(['status', 'diff', 'log', 'show', 'blame', 'ls-files']);
export const GIT_NO_PATHS = new Set(['rev-parse', 'branch', 'version']);
export const GIT_GLOBAL_WITH_VALUE = new Set(['-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env', '--super-prefix']);
