import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeBash, decideBash } from '../../../../../src/core/permissions/bash/decide';
import { USER_SOURCE, decide, input, rule } from './support';

describe('bash decisions: reasons, rules and sources', () => {
  it('names a deny rule and its file', async () => {
    const decision = await decide('rm -rf build', { deny: ['Bash(rm:*)'] });
    assert.equal(decision.reason, 'Denied by the rule Bash(rm:*) in project settings (/proj/.claude/settings.json).');
    assert.equal(decision.rule, 'Bash(rm:*)');
    assert.equal(decision.source?.level, 'project');
  });

  it('names the file with line and column, as every other reason does', async () => {
    const source = { ...USER_SOURCE, position: { line: 4, column: 9 } };
    const base = input('rm x');
    const decision = await decideBash({ ...base, rules: { ...base.rules, deny: [rule('deny', 'Bash(rm:*)', source)] } });
    assert.equal(decision.reason, 'Denied by the rule Bash(rm:*) in user settings (/home/dev/.claude/settings.json:4:9).');
    assert.equal(decision.source, source);
  });

  it('names an ask rule from the command line the way the engine does', async () => {
    const source = { level: 'cli' as const, file: '<command line>', root: '/proj' };
    const base = input('git push');
    const decision = await decideBash({ ...base, rules: { ...base.rules, ask: [rule('ask', 'Bash(git push:*)', source)] } });
    assert.equal(decision.reason, 'The rule Bash(git push:*) on the command line asks before running `git push`.');
  });

  it('says when a network client is not allowed', async () => {
    const decision = await decide('curl https://example.com');
    assert.equal(decision.reason, '`curl` reaches the network and no rule allows it.');
    assert.equal(decision.rule, null);
    assert.equal(decision.source, null);
  });

  it('says why a read-only tool is not read-only this time', async () => {
    const decision = await decide('sort -o /tmp/x in.txt');
    assert.match(decision.reason, /^`sort -o \/tmp\/x in\.txt` is not read-only \(-o writes/);
  });

  it('counts the other parts that need approval', async () => {
    const decision = await decide('make && cargo build && npm install');
    assert.equal(decision.reason, 'No rule allows `make`; 2 more parts need approval too.');
  });

  it('lists every simple command, nested ones included, with its own decision', async () => {
    const decision = await decide("ls && bash -c 'rm x' && npm install", { deny: ['Bash(rm:*)'] });
    assert.deepEqual(
      decision.bash?.subcommands.map((sub) => [sub.command, sub.decision, sub.rule]),
      [
        ['ls', 'allow', null],
        ["bash -c 'rm x'", 'ask', null],
        ['rm x', 'deny', 'Bash(rm:*)'],
        ['npm install', 'ask', null],
      ],
    );
  });

  it('gives the allow rule of a single allowed command', async () => {
    const decision = await decide('npm test', { allow: ['Bash(npm test:*)'] });
    assert.equal(decision.decision, 'allow');
    assert.equal(decision.reason, 'Allowed by the rule Bash(npm test:*) in project settings (/proj/.claude/settings.json).');
  });

  it('explains an allowed read-only command that writes inside the workspace', async () => {
    const decision = await decide('echo hi > notes.txt');
    assert.equal(decision.reason, '`echo hi > notes.txt` only reads, so it needs no rule; writing notes.txt is allowed.');
  });

  it('allows an empty command, which runs nothing', async () => {
    const decision = await decide('   ');
    assert.equal(decision.decision, 'allow');
    assert.deepEqual(decision.bash?.subcommands, []);
  });
});

describe('bash decisions when failing closed (allowReadOnly false)', () => {
  it('asks about read-only commands without a rule', async () => {
    const decision = await decide('ls -la', {}, { allowReadOnly: false });
    assert.equal(decision.decision, 'ask');
    assert.match(decision.reason, /read-only commands are not allowed without a rule/);
  });

  it('still allows a command an allow rule matches', async () => {
    assert.equal((await decide('ls -la', { allow: ['Bash(ls:*)'] }, { allowReadOnly: false })).decision, 'allow');
  });

  it('still denies', async () => {
    assert.equal((await decide('rm x', { deny: ['Bash(rm:*)'] }, { allowReadOnly: false })).decision, 'deny');
  });
});

describe('analyzeBash', () => {
  it('returns the simple commands with wrappers stripped and words unquoted', async () => {
    const analysis = await analyzeBash('timeout 5 "npm" t\'es\'t -- --watch | grep -v ok');
    assert.deepEqual(
      analysis.commands.map((command) => ({ normalized: command.normalized, wrappers: command.wrappers, joiner: command.joiner })),
      [
        { normalized: 'npm test -- --watch', wrappers: ['timeout'], joiner: null },
        { normalized: 'grep -v ok', wrappers: [], joiner: '|' },
      ],
    );
    assert.deepEqual(analysis.issues, []);
  });

  it('lists the commands of inline shell code and where they came from', async () => {
    const analysis = await analyzeBash("sh -c 'ls; pwd' && echo $(whoami)");
    assert.deepEqual(
      analysis.commands.map((command) => [command.normalized, command.origin, command.depth]),
      [
        ["sh -c 'ls; pwd'", 'top', 0],
        ['ls', 'inline shell code', 1],
        ['pwd', 'inline shell code', 1],
        ['echo $(whoami)', 'top', 0],
        ['whoami', 'command substitution', 1],
      ],
    );
    assert.equal(analysis.commands[0].inlineCode, 'inline sh code');
    assert.ok(analysis.commands[3].opaque.length > 0);
  });

  it('reports redirections and the words of each level for deny rules', async () => {
    const [command] = (await analyzeBash('sudo -u root /bin/rm -f x 2>/dev/null')).commands;
    assert.equal(command.privileged, true);
    assert.deepEqual(command.levels, [['sudo', '-u', 'root', '/bin/rm', '-f', 'x'], ['/bin/rm', '-f', 'x']]);
    assert.deepEqual(command.redirects.map((redirect) => [redirect.operator, redirect.descriptor, redirect.target?.value, redirect.writes]), [['>', '2', '/dev/null', true]]);
  });

  it('reports parse problems as issues', async () => {
    const analysis = await analyzeBash('echo "unterminated');
    assert.deepEqual(analysis.issues, ['AgentGate could not parse the command completely']);
  });
});
