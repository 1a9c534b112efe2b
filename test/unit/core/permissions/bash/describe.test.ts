import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide } from './support';

async function description(command: string): Promise<string> {
  return (await decide(command, { allow: ['Bash(npm test:*)'] })).bash?.description ?? '';
}

describe('bash descriptions', () => {
  const exact: [string, string, string][] = [
    ['commands joined by && and network use', 'npm test && git push origin main > out.txt', 'Runs `npm test`, then `git push origin main` (reaches the network). Writes out.txt.'],
    ['a single command', 'ls -la', 'Runs `ls -la`.'],
    ['a pipeline', 'npm test | tail -n 5', 'Runs `npm test` piped into `tail -n 5`.'],
    ['|| as a fallback', 'npm test || echo failed', 'Runs `npm test`, or if that fails `echo failed`.'],
    ['a newline as a sequence', 'npm test\nnpm run build', 'Runs `npm test`, then `npm run build`.'],
    ['sudo and network use', 'sudo apt update', 'Runs `sudo apt update` (as another user via sudo, reaches the network).'],
    ['inline code', "python3 -c 'print(1)'", "Runs `python3 -c 'print(1)'` (runs inline Python code)."],
    ['what an inline shell script runs', "bash -c 'rm -rf build'", "Runs `bash -c 'rm -rf build'` (which runs `rm -rf build`). Deletes build."],
    ['a background command', 'npm test &', 'Runs `npm test` (in the background).'],
    ['deleted files', 'rm -f a.txt b.txt', 'Runs `rm -f a.txt b.txt`. Deletes a.txt and b.txt.'],
    ['files written by tee, not /dev/null', 'npm test | tee log.txt > /dev/null', 'Runs `npm test` piped into `tee log.txt`. Writes log.txt.'],
    ['appending redirection', 'echo x >> notes.md', 'Runs `echo x >> notes.md`. Writes notes.md.'],
    ['a command substitution', 'echo $(whoami)', 'Runs `echo $(whoami)` (which runs `whoami`).'],
    ['a network client', 'curl -s https://example.com', 'Runs `curl -s https://example.com` (reaches the network).'],
    ['nothing at all', '', 'Runs nothing.'],
    ['only a comment', '# nothing', 'Runs nothing.'],
  ];
  for (const [name, command, expected] of exact) {
    it(`describes ${name}`, async () => {
      assert.equal(await description(command), expected);
    });
  }

  it('stays on one line for multi-line input', async () => {
    const text = await description("cat <<'EOF' > notes.md\nline one\nline two\nEOF\nnpm test");
    assert.ok(!text.includes('\n'), text);
    assert.match(text, /Writes notes\.md\./);
  });

  it('summarises long command lines', async () => {
    const text = await description(Array.from({ length: 12 }, (_, i) => `echo ${i}`).join('; '));
    assert.match(text, /^Runs 12 commands: `echo 0`, `echo 1`, `echo 2`, `echo 3` and 8 more\.$/);
  });

  it('shortens very long commands', async () => {
    const text = await description(`echo ${'x'.repeat(500)}`);
    assert.ok(text.length < 120, text);
    assert.match(text, /…`\.$/);
  });

  it('uses double backticks when the command holds a backtick', async () => {
    assert.equal(await description('echo `date`'), 'Runs `` echo `date` `` (which runs `date`).');
  });
});
