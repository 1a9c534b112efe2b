/** The engine with the real shell analysis: rules from several levels, modes and redirections. */
import { PermissionEngine } from '../../../../src/core/permissions/engine';
import { runCases, type Case } from './harness';

const bash = (command: string) => ({ command });
const NPM_TEST = { allow: [['user', 'Bash(npm run test:*)'] as ['user', string]] };

const cases: Case[] = [
  { name: 'a read-only command is allowed without a rule', tool: 'Bash', input: bash('ls -la src'), expect: 'allow' },
  { name: 'git status is read-only', tool: 'Bash', input: bash('git status'), expect: 'allow' },
  { name: 'a user prefix rule allows npm run test', tool: 'Bash', input: bash('npm run test -- --watch=false'), options: NPM_TEST, expect: 'allow', rule: 'Bash(npm run test:*)' },
  { name: 'prefix rules keep the word boundary: npm run testing asks', tool: 'Bash', input: bash('npm run testing'), options: NPM_TEST, expect: 'ask' },
  { name: 'an unknown command asks', tool: 'Bash', input: bash('make deploy'), expect: 'ask' },
  { name: 'command chaining: an allowed command chained with rm asks', tool: 'Bash', input: bash('npm run test && rm -rf build'), options: NPM_TEST, expect: 'ask' },
  { name: 'a user allow does not beat a project deny', tool: 'Bash', input: bash('git push origin main'), options: { allow: [['user', 'Bash(git push:*)']], deny: [['project', 'Bash(git push:*)']] }, expect: 'deny', rule: 'Bash(git push:*)' },
  { name: 'managed deny beats a local allow and bypass mode', tool: 'Bash', input: bash('curl https://example.com'), mode: 'bypassPermissions', options: { allow: [['local', 'Bash(curl:*)']], deny: [['managed', 'Bash(curl:*)']] }, expect: 'deny', reason: 'managed policy' },
  { name: 'substitution inside an allowed command: a denied command in $(...) denies', tool: 'Bash', input: bash('echo $(rm -rf ~)'), options: { deny: [['managed', 'Bash(rm:*)']] }, expect: 'deny' },
  { name: 'ask beats allow across levels', tool: 'Bash', input: bash('npm run test'), options: { ...NPM_TEST, ask: [['project', 'Bash(npm run:*)']] }, expect: 'ask', rule: 'Bash(npm run:*)' },
  { name: 'Read and Edit rules are not handed to the shell analysis as Bash rules', tool: 'Bash', input: bash('make'), options: { allow: ['Edit(./**)', 'Read(./**)'] }, expect: 'ask' },
  { name: 'redirection outside the workspace asks in acceptEdits mode', tool: 'Bash', input: bash('echo hi > /tmp/agentgate-out.txt'), mode: 'acceptEdits', expect: 'ask' },
  { name: 'redirection with >| outside the workspace asks', tool: 'Bash', input: bash('echo hi >| /tmp/agentgate-out.txt'), mode: 'acceptEdits', expect: 'ask' },
  { name: 'redirection inside the workspace is allowed in acceptEdits mode', tool: 'Bash', input: bash('echo hi > src/out.txt'), mode: 'acceptEdits', expect: 'allow' },
  { name: 'redirection into .vscode/tasks.json asks even in acceptEdits mode', tool: 'Bash', input: bash('echo {} > .vscode/tasks.json'), mode: 'acceptEdits', expect: 'ask' },
  { name: 'redirection onto a Read-denied file is denied', tool: 'Bash', input: bash('echo x > .env'), mode: 'acceptEdits', options: { deny: ['Read(./.env)'] }, expect: 'deny' },
  { name: 'symlinks out of the workspace: a redirection through link/.. goes where the kernel goes (outside), so it asks', tool: 'Bash', input: bash('echo hi > src/rel-out/../x.txt'), mode: 'acceptEdits', expect: 'ask', reason: 'outside the workspace' },
  { name: 'symlinks out of the workspace: an absolute redirection through link/.. asks too', tool: 'Bash', input: bash('echo hi > {w}/link-out/../x.txt'), mode: 'acceptEdits', expect: 'ask' },
  { name: 'a redirection through a link that stays inside (link-in/../x) is allowed in acceptEdits mode', tool: 'Bash', input: bash('echo hi > link-in/../x.txt'), mode: 'acceptEdits', expect: 'allow' },
  { name: 'redirection to /dev/null is exempt', tool: 'Bash', input: bash('ls > /dev/null 2>&1'), expect: 'allow' },
  { name: 'plan: a read-only command runs', tool: 'Bash', input: bash('cat README.md'), mode: 'plan', expect: 'allow' },
  { name: 'plan: an allowed command that executes is denied', tool: 'Bash', input: bash('npm run test'), mode: 'plan', options: NPM_TEST, expect: 'deny', reason: 'Plan mode is read-only' },
  { name: 'plan: a read-only command with a redirection is denied', tool: 'Bash', input: bash('ls > listing.txt'), mode: 'plan', expect: 'deny' },
  { name: 'bypass: an unknown command is allowed', tool: 'Bash', input: bash('make deploy'), mode: 'bypassPermissions', expect: 'allow' },
  { name: 'bypass: an ask rule still asks', tool: 'Bash', input: bash('git push'), mode: 'bypassPermissions', options: { ask: [['user', 'Bash(git push:*)']] }, expect: 'ask' },
  { name: 'bypass refused: an unknown command asks', tool: 'Bash', input: bash('make deploy'), mode: 'bypassPermissions', options: { disableBypass: 'managed' }, expect: 'ask', reason: 'bypass mode is turned off' },
  { name: 'fail-closed: even a read-only command asks', tool: 'Bash', input: bash('ls'), options: { managedFailure: true }, expect: 'ask', reason: 'could not be read, so everything asks' },
  { name: 'fail-closed: a user allow rule does not apply', tool: 'Bash', input: bash('npm run test'), options: { ...NPM_TEST, managedFailure: true }, expect: 'ask' },
  { name: 'fail-closed: a deny rule still denies', tool: 'Bash', input: bash('rm -rf /'), options: { managedFailure: true, deny: [['user', 'Bash(rm:*)']] }, expect: 'deny' },
  { name: 'a bare Bash ask rule asks for every command', tool: 'Bash', input: bash('ls'), options: { ask: [['user', 'Bash']] }, expect: 'ask' },
];

runCases('permission engine: Bash with the shell analysis', cases, new PermissionEngine());
