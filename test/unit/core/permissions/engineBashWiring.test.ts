/**
 * How the engine hands Bash to the shell analysis and applies modes to its answer. The analysis
 * is replaced by a small scripted stand-in, so these tests pin the engine's side of the seam.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BashDecisionInput } from '../../../../src/core/permissions/bash/types';
import { PermissionEngine } from '../../../../src/core/permissions/engine';
import type { Decision } from '../../../../src/core/permissions/types';
import type { PermissionMode } from '../../../../src/core/settings/types';
import { Sandbox, type SettingsOptions } from './harness';

const READ_ONLY = new Set(['ls', 'cat README.md']);

/** `ls` is read-only; `echo hi > FILE` writes FILE; other commands are matched by exact Bash rules. */
async function scripted(input: BashDecisionInput): Promise<Decision> {
  const ruleFor = (list: keyof BashDecisionInput['rules']) =>
    input.rules[list].find((r) => r.specifier === input.command || (r.specifier?.endsWith(':*') && input.command.startsWith(r.specifier.slice(0, -2))));
  const deny = ruleFor('deny');
  if (deny) return { decision: 'deny', reason: `Denied by ${deny.raw}.`, rule: deny.raw, source: deny.source };
  const redirect = /^echo hi > (.+)$/.exec(input.command);
  if (redirect) {
    const write = input.checkWrite(redirect[1]);
    if (write.decision !== 'allow') return write;
  }
  const ask = ruleFor('ask');
  if (ask) return { decision: 'ask', reason: `Asks because of ${ask.raw}.`, rule: ask.raw, source: ask.source };
  const allow = ruleFor('allow');
  if (allow) return { decision: 'allow', reason: `Allowed by ${allow.raw}.`, rule: allow.raw, source: allow.source };
  if ((READ_ONLY.has(input.command) || redirect) && input.allowReadOnly) {
    return { decision: 'allow', reason: 'Read-only command.', rule: null, source: null };
  }
  return { decision: 'ask', reason: `${input.command} is not allowed by any rule.`, rule: null, source: null };
}

interface BashCase {
  name: string;
  command: string;
  mode?: PermissionMode;
  options?: SettingsOptions;
  expect: Decision['decision'];
  reason?: string | RegExp;
}

const NPM = { allow: [['user', 'Bash(npm test)'] as ['user', string]] };
const FAIL = 'could not be read, so everything asks';

const cases: BashCase[] = [
  { name: 'default: a read-only command is allowed', command: 'ls', expect: 'allow' },
  { name: 'default: an allow rule from user settings applies', command: 'npm test', options: NPM, expect: 'allow' },
  { name: 'default: an unknown command asks', command: 'npm test', expect: 'ask' },
  { name: 'default: a deny rule from managed policy denies', command: 'rm -rf /', options: { deny: [['managed', 'Bash(rm:*)']] }, expect: 'deny' },
  { name: 'default: a project ask beats a user allow', command: 'npm test', options: { ...NPM, ask: ['Bash(npm test)'] }, expect: 'ask' },
  { name: 'redirection outside the workspace asks like an Edit there', command: 'echo hi > {out}/x', expect: 'ask', reason: 'Writing outside the workspace' },
  { name: 'redirection inside the workspace in default mode asks like an Edit', command: 'echo hi > {w}/src/x', expect: 'ask' },
  { name: 'redirection inside the workspace in acceptEdits mode is allowed', command: 'echo hi > {w}/src/x', mode: 'acceptEdits', expect: 'allow' },
  { name: 'redirection into .git/hooks in acceptEdits mode asks (protected)', command: 'echo hi > {w}/.git/hooks/pre-commit', mode: 'acceptEdits', expect: 'ask', reason: 'is protected' },
  { name: 'redirection through a link out of the workspace asks', command: 'echo hi > {w}/link-out/x', mode: 'acceptEdits', expect: 'ask' },
  { name: 'redirection onto a Read-denied file is denied', command: 'echo hi > {w}/.env', mode: 'acceptEdits', options: { deny: ['Read(./.env)'] }, expect: 'deny' },
  { name: 'plan: a read-only command runs', command: 'ls', mode: 'plan', expect: 'allow' },
  { name: 'plan: an allowed command that executes is denied', command: 'npm test', mode: 'plan', options: NPM, expect: 'deny', reason: 'Plan mode is read-only, so only read-only commands may run.' },
  { name: 'plan: a redirection is denied', command: 'echo hi > {w}/src/x', mode: 'plan', expect: 'deny', reason: 'Plan mode is read-only' },
  { name: 'plan: an ask rule on a command that is not read-only still denies', command: 'git push', mode: 'plan', options: { ask: ['Bash(git push:*)'] }, expect: 'deny' },
  { name: 'plan: an ask rule on a read-only command asks', command: 'cat README.md', mode: 'plan', options: { ask: ['Bash(cat:*)'] }, expect: 'ask' },
  { name: 'bypass: an unknown command is allowed', command: 'npm test', mode: 'bypassPermissions', expect: 'allow', reason: 'Bypass mode' },
  { name: 'bypass: a deny rule still denies', command: 'rm -rf /', mode: 'bypassPermissions', options: { deny: ['Bash(rm:*)'] }, expect: 'deny' },
  { name: 'bypass: an ask rule still asks', command: 'git push', mode: 'bypassPermissions', options: { ask: ['Bash(git push:*)'] }, expect: 'ask' },
  { name: 'bypass: a redirection outside the workspace is allowed', command: 'echo hi > {out}/x', mode: 'bypassPermissions', expect: 'allow' },
  { name: 'bypass refused: an unknown command asks and says why', command: 'npm test', mode: 'bypassPermissions', options: { disableBypass: 'managed' }, expect: 'ask', reason: 'bypass mode is turned off by disableBypassPermissionsMode in managed policy' },
  { name: 'fail-closed: a read-only command asks', command: 'ls', options: { managedFailure: true }, expect: 'ask', reason: FAIL },
  { name: 'fail-closed: allow rules do not apply', command: 'npm test', options: { ...NPM, managedFailure: true }, expect: 'ask', reason: FAIL },
  { name: 'fail-closed: deny rules still deny', command: 'rm -rf /', options: { managedFailure: true, deny: ['Bash(rm:*)'] }, expect: 'deny' },
  { name: 'fail-closed: bypass is refused', command: 'npm test', mode: 'bypassPermissions', options: { managedFailure: true }, expect: 'ask', reason: FAIL },
  { name: 'fail-closed: acceptEdits does not allow redirections', command: 'echo hi > {w}/src/x', mode: 'acceptEdits', options: { managedFailure: true }, expect: 'ask', reason: FAIL },
  { name: 'fail-closed plan: a read-only command asks', command: 'ls', mode: 'plan', options: { managedFailure: true }, expect: 'ask', reason: FAIL },
];

describe('permission engine: Bash wiring', () => {
  let box: Sandbox;
  const seen: BashDecisionInput[] = [];
  const engine = new PermissionEngine(async (input) => {
    seen.push(input);
    return scripted(input);
  });
  before(async () => {
    box = await Sandbox.create();
  });
  after(async () => {
    await box.dispose();
  });

  for (const c of cases) {
    it(`${c.name} → ${c.expect}`, async () => {
      const decision = await engine.decide({ tool: 'Bash', input: { command: box.expand(c.command) } }, box.ctx(box.expand(c.options ?? {}), c.mode ?? 'default'));
      assert.equal(decision.decision, c.expect, `reason: ${decision.reason}`);
      if (typeof c.reason === 'string') assert.ok(decision.reason.includes(c.reason), decision.reason);
    });
  }

  it('passes only Bash rules, the working directory, and no allow rules when failing closed', async () => {
    seen.length = 0;
    const options: SettingsOptions = { allow: ['Bash(npm test)', 'Read(./**)'], deny: ['Edit(./x)', 'Bash(rm:*)'], managedFailure: true };
    await engine.decide({ tool: 'Bash', input: { command: 'ls' } }, box.ctx(options, 'default', box.w('src')));
    assert.equal(seen.length, 1);
    assert.equal(seen[0].cwd, box.w('src'));
    assert.equal(seen[0].allowReadOnly, false);
    assert.deepEqual(seen[0].rules.allow, []);
    assert.deepEqual(seen[0].rules.deny.map((r) => r.raw), ['Bash(rm:*)']);
  });

  it('passes every Bash rule and allowReadOnly in default mode', async () => {
    seen.length = 0;
    await engine.decide({ tool: 'Bash', input: { command: 'ls' } }, box.ctx({ allow: ['Bash(npm test)', 'WebSearch'], ask: ['Bash(git push:*)'] }));
    assert.equal(seen[0].allowReadOnly, true);
    assert.deepEqual(seen[0].rules.allow.map((r) => r.raw), ['Bash(npm test)']);
    assert.deepEqual(seen[0].rules.ask.map((r) => r.raw), ['Bash(git push:*)']);
  });
});
