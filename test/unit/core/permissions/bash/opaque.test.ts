/**
 * Attack classes where the command cannot be known before it runs: $IFS and parameter tricks,
 * heredocs, process substitution, functions and aliases, parse errors, over-long commands.
 * These are never allowed automatically, even when a rule matches; deny rules still apply.
 */
import { describe, it } from 'node:test';
import { runCases, type Case, type RuleTexts } from './support';

const RULES: RuleTexts = {
  deny: ['Bash(rm:*)'],
  allow: ['Bash(echo:*)', 'Bash(cat:*)', 'Bash(ls:*)', 'Bash(npm test:*)'],
};
const ask = (attack: string, command: string): Case => ({ attack, command, expect: 'ask', rule: null });
const deny = (attack: string, command: string): Case => ({ attack, command, expect: 'deny', rule: 'Bash(rm:*)' });

const parameters: Case[] = [
  ask('$IFS as a word separator in the command', 'cat$IFS/etc/passwd'),
  ask('${IFS} as a word separator', 'cat${IFS}/etc/passwd'),
  ask('$IFS in an argument', 'ls $IFS'),
  ask('${IFS:0:1} slice', 'ls${IFS:0:1}-la'),
  ask('assigning IFS before a command', 'IFS=/ ls'),
  ask('assigning IFS on its own', 'IFS=,'),
  ask('the command name from a variable', '$CMD -rf /'),
  ask('the command name from a braced variable', '${CMD} x'),
  ask('the command name from a quoted variable', '"$CMD" x'),
  ask('a variable set earlier on the line as the command', 'x=rm; $x -rf /'),
  ask('the command name concatenated from variables', '$a$b x'),
  ask('indirect expansion', 'echo ${!name}'),
  ask('prompt expansion can run code', 'echo ${x@P}'),
  ask('an array subscript with a substitution', 'echo ${a[$(id)]}'),
  ask('an array subscript evaluated as arithmetic', 'echo ${a[x]}'),
  ask('a default-value expansion', 'echo ${x:-default}'),
  ask('an assigning expansion', 'echo ${x:=value}'),
  ask('arithmetic expansion', 'echo $((x + 1))'),
  ask('legacy arithmetic expansion', 'echo $[x + 1]'),
  ask('an arithmetic command', '((x++))'),
  ask('an arithmetic for loop', 'for ((i = 0; i < 3; i++)); do echo $i; done'),
  ask('a [[ test of a variable (arithmetic on -eq)', '[[ $x -eq 1 ]]'),
  ask('let evaluates arithmetic', 'let x=1+2'),
  ask('PATH set for one command', 'PATH=/tmp/evil ls'),
  ask('PATH changed for the rest of the line', 'PATH=/tmp/evil:$PATH; ls'),
  ask('LD_PRELOAD set for a read-only command', 'LD_PRELOAD=/tmp/evil.so cat file'),
  ask('a pager variable set for git', 'GIT_PAGER="sh -c id" git log'),
  ask('NODE_OPTIONS set for an allowed command', 'NODE_OPTIONS=--require=./evil.js npm test'),
  ask('BASH_ENV set for a shell', "BASH_ENV=./evil.sh bash -c 'ls'"),
  ask('export changes the environment', 'export PATH=/tmp/evil'),
  ask('declare -x changes the environment', 'declare -x LD_PRELOAD=/tmp/x.so'),
  ask('unset changes the environment', 'unset PATH'),
  ask('read sets variables from input', 'read -r PATH'),
  { attack: 'a harmless variable for an allowed command', command: 'NODE_ENV=test npm test', expect: 'allow', rule: 'Bash(npm test:*)' },
  { attack: 'a plain variable in an argument of echo', command: 'echo "$HOME"', expect: 'allow' },
  deny('a denied command behind an assignment', 'FOO=1 rm x'),
  deny('a denied command after an IFS trick', 'IFS=x; rm y'),
];

const heredocs: Case[] = [
  ask('a heredoc with a substitution', 'cat <<EOF\n$(id)\nEOF'),
  ask('a heredoc with a variable', 'cat <<EOF\n$HOME\nEOF'),
  ask('a heredoc with backticks', 'cat <<EOF\n`id`\nEOF'),
  ask('a heredoc with arithmetic', 'cat <<EOF\n$((1+1))\nEOF'),
  ask('a heredoc with <<- and an expansion', 'cat <<-EOF\n\t$x\n\tEOF'),
  deny('a denied command in a heredoc substitution', 'cat <<EOF\n$(rm -rf /)\nEOF'),
  deny('a denied command in heredoc backticks', 'cat <<EOF\n`rm -rf /`\nEOF'),
  deny('a denied command in a <<- heredoc', 'cat <<-EOF\n\t$(rm -rf /)\n\tEOF'),
  deny('a denied command with quotes in a heredoc', 'cat <<EOF\nsay "hi" $(rm "x")\nEOF'),
  deny('a shell running a heredoc script', "bash <<'EOF'\nrm -rf /\nEOF"),
  ask('a shell running an unquoted heredoc with expansions', 'bash <<EOF\necho $HOME\nEOF'),
  ask('python running a heredoc script', "python3 <<'EOF'\nimport os\nEOF"),
  { attack: 'a quoted heredoc keeps $(...) as text', command: "cat <<'EOF'\n$(id)\nEOF", expect: 'allow', rule: 'Bash(cat:*)' },
  { attack: 'a double-quoted heredoc delimiter keeps text', command: 'cat <<"EOF"\n`id`\nEOF', expect: 'allow', rule: 'Bash(cat:*)' },
  { attack: 'a heredoc without expansions', command: 'cat <<EOF\nplain text\nEOF', expect: 'allow', rule: 'Bash(cat:*)' },
  { attack: 'escaped $ and backticks in a heredoc are text', command: 'cat <<EOF\n\\$HOME \\`id\\`\nEOF', expect: 'allow', rule: 'Bash(cat:*)' },
];

const processSubstitution: Case[] = [
  ask('process substitution as input', 'cat <(id)'),
  ask('two process substitutions for diff', 'diff <(ls a) <(ls b)'),
  ask('process substitution as output', 'echo x > >(cat)'),
  ask('output process substitution as an argument', 'ls | tee >(wc -l)'),
  deny('a denied command in an input process substitution', 'cat <(rm x)'),
  deny('a denied command in an output process substitution', 'echo x | tee >(rm x)'),
  deny('a denied command in a process substitution inside a subshell', '(diff <(ls) <(rm x))'),
];

const functionsAndAliases: Case[] = [
  ask('a function shadowing a read-only command', 'ls() { cat ~/.ssh/id_rsa; }; ls'),
  ask('a function defined and called', 'f() { echo hi; }; f'),
  ask('a function with the function keyword', 'function g { echo hi; }; g'),
  deny('a denied command inside a function body', 'f() { rm -rf /; }; f'),
  deny('a denied command inside a function with the keyword', 'function g { rm x; }'),
  ask('an alias shadowing a read-only command', "alias ls='cat ~/.ssh/id_rsa'; ls"),
  deny('a denied command inside an alias', "alias ll='rm -rf /'"),
  ask('a trap that runs code later', "trap 'echo bye' EXIT"),
  deny('a denied command inside a trap', "trap 'rm -rf /' EXIT"),
  ask('shopt enabling alias expansion', 'shopt -s expand_aliases'),
];

const parseErrors: Case[] = [
  ask('an unterminated double quote', 'echo "unterminated'),
  ask('an unterminated single quote', "ls 'x"),
  ask('an unterminated substitution', 'echo $(ls'),
  ask('a stray closing parenthesis', 'ls )'),
  ask('a lone if', 'if then fi'),
  ask('an unfinished pipeline', 'ls |'),
  ask('a redirection operator tree-sitter does not know', 'ls <> file'),
  ask('a heredoc whose delimiter never comes', 'cat <<EOF; ls\nhello'),
  ask('a brace expansion in command position', '{ls,-la}'),
  deny('a denied command next to a parse error', 'rm x; echo "unterminated'),
];

const tenThousand = 10_000;
const longCases: Case[] = [
  { attack: 'a command over 10,000 characters', command: `echo ${'a'.repeat(tenThousand)}`, expect: 'ask', rule: null },
  { attack: 'a long chain of read-only commands over the limit', command: Array.from({ length: 2600 }, () => 'ls').join('; '), expect: 'ask', rule: null },
  { attack: 'a command of exactly 10,000 characters is analysed', command: `echo ${'a'.repeat(tenThousand - 5)}`, expect: 'allow', rule: 'Bash(echo:*)' },
  { attack: 'a denied command hidden at the end of a long command', command: `echo ${'a'.repeat(tenThousand)}; rm -rf /`, expect: 'deny', rule: 'Bash(rm:*)' },
];

describe('bash attacks: $IFS and parameter tricks', () => runCases(RULES, parameters, it));
describe('bash attacks: heredocs', () => runCases(RULES, heredocs, it));
describe('bash attacks: process substitution', () => runCases(RULES, processSubstitution, it));
describe('bash attacks: functions, aliases and traps', () => runCases(RULES, functionsAndAliases, it));
describe('bash attacks: parse errors', () => runCases(RULES, parseErrors, it));
describe('bash attacks: over-long commands', () => runCases(RULES, longCases, it));
