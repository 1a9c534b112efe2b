/**
 * What kind of program a command runs: a network client, a shell or language interpreter given
 * code inline, or a command that runs other code (eval, source, trap, alias, find -exec).
 */
import type { ShellWord } from './model';
import { basename } from './wrappers';

/** Network clients: never read-only, even when they look like lookups (DNS exfiltration). */
export const NETWORK_CLIENTS = new Set([
  'curl', 'wget', 'ping', 'ping6', 'dig', 'nslookup', 'host', 'drill', 'nc', 'ncat', 'netcat', 'socat', 'ssh', 'scp',
  'sftp', 'rsync', 'ftp', 'tftp', 'lftp', 'telnet', 'whois', 'traceroute', 'traceroute6', 'tracepath', 'mtr',
  'http', 'https', 'xh', 'aria2c', 'axel', 'ssh-keyscan', 'nmap', 'gh',
]);

/** Subcommands of common tools that reach the network (for descriptions and reasons). */
const NETWORK_SUBCOMMANDS: Record<string, string[]> = {
  git: ['push', 'pull', 'fetch', 'clone', 'ls-remote', 'submodule', 'remote'],
  npm: ['install', 'i', 'ci', 'add', 'publish', 'update', 'upgrade', 'outdated', 'view', 'info', 'audit', 'login', 'exec'],
  pnpm: ['install', 'i', 'add', 'publish', 'update', 'up', 'dlx', 'outdated', 'audit'],
  yarn: ['install', 'add', 'publish', 'upgrade', 'up', 'dlx', 'outdated', 'audit'],
  bun: ['install', 'i', 'add', 'publish', 'update', 'x'],
  npx: [''],
  pip: ['install', 'download'],
  pip3: ['install', 'download'],
  cargo: ['install', 'publish', 'fetch', 'update', 'search'],
  go: ['get', 'install', 'mod'],
  docker: ['pull', 'push', 'login', 'search'],
  brew: ['install', 'update', 'upgrade', 'fetch'],
  apt: ['install', 'update', 'upgrade'],
  'apt-get': ['install', 'update', 'upgrade'],
  gem: ['install', 'update', 'push'],
  composer: ['install', 'require', 'update'],
};

/** Whether the command reaches the network (as far as its name and subcommand tell). */
export function usesNetwork(argv: readonly ShellWord[]): boolean {
  const name = argv[0] ? basename(argv[0].value) : '';
  if (NETWORK_CLIENTS.has(name)) return true;
  const subcommands = Object.hasOwn(NETWORK_SUBCOMMANDS, name) ? NETWORK_SUBCOMMANDS[name] : undefined;
  if (!subcommands) return false;
  if (subcommands.includes('')) return true;
  const sub = argv.slice(1).find((word) => !word.value.startsWith('-'));
  return sub !== undefined && subcommands.includes(sub.value);
}

export const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'fish', 'rbash']);

/** Code a command runs that is not a program on disk: inline code, stdin, another file. */
export interface InlineCode {
  /** Plain language, e.g. "inline Python code". */
  what: string;
  /** For shells and eval: the code, parsed further when static. */
  shellCode: ShellWord | null;
  /** The code comes from stdin (a pipe, heredoc or here-string). */
  fromStdin: boolean;
}

interface Interpreter {
  language: string;
  /** Option words that introduce inline code. */
  inline: RegExp;
}

const INTERPRETERS: { names: RegExp; interpreter: Interpreter }[] = [
  { names: /^(python[0-9.]*|pypy[0-9.]*)$/, interpreter: { language: 'Python', inline: /^-[A-Za-z]*c/ } },
  { names: /^(node|nodejs)$/, interpreter: { language: 'JavaScript', inline: /^(-[A-Za-z]*[ep][A-Za-z]*|--eval|--print)(=|$)/ } },
  { names: /^bun$/, interpreter: { language: 'JavaScript', inline: /^(-e|--eval|-p|--print)(=|$)/ } },
  { names: /^deno$/, interpreter: { language: 'JavaScript', inline: /^eval$/ } },
  { names: /^perl[0-9.]*$/, interpreter: { language: 'Perl', inline: /^-[A-Za-z0-9:]*[eE]/ } },
  { names: /^ruby[0-9.]*$/, interpreter: { language: 'Ruby', inline: /^-[A-Za-z]*e/ } },
  { names: /^php[0-9.]*$/, interpreter: { language: 'PHP', inline: /^-[A-Za-z]*[ra]/ } },
  { names: /^(lua|luajit)[0-9.]*$/, interpreter: { language: 'Lua', inline: /^-[A-Za-z]*e/ } },
  { names: /^Rscript$/, interpreter: { language: 'R', inline: /^-e$/ } },
  { names: /^osascript$/, interpreter: { language: 'AppleScript', inline: /^-e$/ } },
];

const ALWAYS_CODE = /^(awk|gawk|mawk|nawk|jshell|irb|tclsh|wish|source|\.)$/;

/** Bash-style option parsing: finds `-c CODE`, a script file, or neither (code from stdin). */
function shellCode(argv: readonly ShellWord[], name: string): InlineCode | null {
  let inline = false;
  let stdinFlag = false;
  const stdin: InlineCode = { what: `${name} code from its input`, shellCode: null, fromStdin: true };
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i];
    const value = word.value;
    if (!word.static) return { what: `${name} code only known at run time`, shellCode: word, fromStdin: false };
    if (value === '--' || value === '-') {
      const operand = argv[i + 1];
      if (inline) return { what: `inline ${name} code`, shellCode: operand ?? null, fromStdin: false };
      return operand && !stdinFlag ? null : stdin;
    }
    if (value === '--rcfile' || value === '--init-file' || /^[-+][oO]$/.test(value)) {
      i++;
      continue;
    }
    if (value.startsWith('--')) continue;
    if (/^[-+][A-Za-z]+$/.test(value)) {
      if (value.startsWith('-') && value.includes('c')) inline = true;
      if (value.startsWith('-') && value.includes('s')) stdinFlag = true;
      if (value.startsWith('-') && /[oO]$/.test(value)) i++;
      continue;
    }
    if (inline) return { what: `inline ${name} code`, shellCode: word, fromStdin: false };
    return stdinFlag ? stdin : null;
  }
  return inline ? { what: `inline ${name} code`, shellCode: null, fromStdin: false } : stdin;
}

/** The code a command runs besides a program on disk, or null for an ordinary command. */
export function inlineCodeOf(argv: readonly ShellWord[]): InlineCode | null {
  if (argv.length === 0 || !argv[0].static) return null;
  let name = basename(argv[0].value);
  let words = argv;
  if (name === 'busybox' && argv[1]?.static && SHELLS.has(argv[1].value)) {
    words = argv.slice(1);
    name = argv[1].value;
  }
  if (SHELLS.has(name)) return shellCode(words, name);
  if (name === 'eval') {
    const args = words.slice(1);
    const code = args.every((word) => word.static)
      ? { text: args.map((word) => word.text).join(' '), value: args.map((word) => word.value).join(' '), static: true, glob: false }
      : null;
    return { what: 'code given to eval', shellCode: code, fromStdin: false };
  }
  if (ALWAYS_CODE.test(name)) {
    const what = name === 'source' || name === '.' ? 'a script in the current shell' : `${name} program code`;
    return { what, shellCode: null, fromStdin: false };
  }
  for (const { names, interpreter } of INTERPRETERS) {
    if (!names.test(name)) continue;
    const rest = words.slice(1);
    const end = rest.findIndex((word) => word.value === '--');
    const options = end === -1 ? rest : rest.slice(0, end);
    if (options.some((word) => !word.static || interpreter.inline.test(word.value))) {
      return { what: `inline ${interpreter.language} code`, shellCode: null, fromStdin: false };
    }
    if (!rest.some((word) => !word.value.startsWith('-'))) {
      return { what: `${interpreter.language} code from its input`, shellCode: null, fromStdin: true };
    }
    return null;
  }
  return null;
}
