import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SUGGESTIONS } from '../../../../../src/core/permissions/bash/suggest';
import { decide, type RuleTexts } from './support';

async function suggestions(command: string, rules: RuleTexts = {}): Promise<string[]> {
  return (await decide(command, rules)).bash?.suggestions ?? [];
}

describe('bash "always allow" suggestions', () => {
  const table: [string, string, string[]][] = [
    ['a subcommand prefix, not the whole program', 'git push origin main', ['Bash(git push:*)']],
    ['npm run <script> keeps the script name', 'npm run test -- --watch', ['Bash(npm run test:*)']],
    ['a single word is suggested exactly', 'make', ['Bash(make)']],
    ['a program with only options is suggested exactly', 'make -j4', ['Bash(make -j4)']],
    ['a URL argument is not a subcommand', 'curl https://example.com/x', ['Bash(curl https://example.com/x)']],
    ['a script run by an interpreter keeps the script', 'python3 scripts/gen.py --out x', ['Bash(python3 scripts/gen.py:*)']],
    ['the inner command of a wrapper, never the wrapper', 'timeout 60 cargo build --release', ['Bash(cargo build:*)']],
    ['the inner command of env with a harmless variable', 'env CI=1 cargo test', ['Bash(cargo test:*)']],
    ['nothing for sudo', 'sudo apt update', []],
    ['nothing for doas', 'doas make install', []],
    ['nothing for python -c', "python3 -c 'print(1)'", []],
    ['nothing for node -e', 'node -e "1"', []],
    ['nothing for bash -c, which no suggestion could allow', "bash -c 'npm install'", []],
    ['nothing when another part always asks', 'cargo build && echo $(whoami)', []],
    ['nothing when a write outside the workspace asks', 'cargo build > /tmp/log', []],
    ['nothing for eval', "eval 'make'", []],
    ['nothing for a command substitution', 'echo $(whoami)', []],
    ['nothing for a command name from a variable', '$CMD build', []],
    ['nothing for xargs-fed commands', 'ls | xargs make', []],
    ['nothing for a command with an unsafe variable', 'PATH=/tmp make', []],
    ['nothing for a read-only command', 'ls -la', []],
    ['nothing for a write that asks', 'echo x > /tmp/x', []],
    ['an exact rule for a read-only tool refused for a risky option', 'sort -o out.txt in.txt', ['Bash(sort -o out.txt in.txt)']],
    ['an exact rule for git diff with --output', 'git diff --output=d.patch', ['Bash(git diff --output=d.patch)']],
    ['one rule per distinct command', 'npm install a && npm install b', ['Bash(npm install:*)']],
    ['only the commands no rule matched', 'npm test && cargo build', ['Bash(cargo build:*)']],
  ];
  for (const [name, command, expected] of table) {
    it(`${name}: ${JSON.stringify(command)}`, async () => {
      assert.deepEqual(await suggestions(command, { allow: ['Bash(npm test:*)'] }), expected);
    });
  }

  it(`offers at most ${MAX_SUGGESTIONS}`, async () => {
    const result = await suggestions('a1 x; a2 x; a3 x; a4 x; a5 x; a6 x; a7 x');
    assert.equal(result.length, MAX_SUGGESTIONS);
    assert.deepEqual(result, ['Bash(a1 x:*)', 'Bash(a2 x:*)', 'Bash(a3 x:*)', 'Bash(a4 x:*)', 'Bash(a5 x:*)']);
  });

  it('offers nothing when the command is denied', async () => {
    assert.deepEqual(await suggestions('npm install && rm x', { deny: ['Bash(rm:*)'] }), []);
  });

  it('quotes words with spaces in an exact suggestion', async () => {
    assert.deepEqual(await suggestions('make "my target"'), ["Bash(make 'my target')"]);
  });

  const roundTrip = [
    'git push origin main', 'npm run test -- --watch', 'make', 'make -j4', 'cargo build --release', 'python3 tools/x.py a',
    'timeout 5 docker compose up -d', 'curl https://example.com/x', 'sort -o out.txt in.txt', "make 'my target'",
  ];
  for (const command of roundTrip) {
    it(`accepting the suggestions for ${JSON.stringify(command)} allows it next time`, async () => {
      const offered = await suggestions(command);
      assert.ok(offered.length > 0, 'a suggestion is offered');
      assert.equal((await decide(command, { allow: offered })).decision, 'allow');
    });
  }
});
