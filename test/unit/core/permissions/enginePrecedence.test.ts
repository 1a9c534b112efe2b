import { runCases, type Case } from './harness';

const read = (file_path: string) => ({ file_path });
const write = (file_path: string) => ({ file_path, content: 'y' });

const precedence: Case[] = [
  { name: 'a user allow does not beat a project deny', tool: 'Read', input: read('{w}/.env'), options: { allow: [['user', 'Read(/{w}/.env)']], deny: [['project', 'Read(./.env)']] }, expect: 'deny', rule: 'Read(./.env)' },
  { name: 'a local allow does not beat a user deny', tool: 'Write', input: write('{w}/src/a.ts'), options: { allow: [['local', 'Edit(./src/**)']], deny: [['user', 'Edit(/{w}/src/**)']] }, expect: 'deny' },
  { name: 'a command-line allow does not beat a project deny', tool: 'WebFetch', input: { url: 'https://evil.example/' }, options: { allow: [['cli', 'WebFetch']], deny: [['project', 'WebFetch(domain:evil.example)']] }, expect: 'deny', reason: 'in project settings' },
  { name: 'managed deny beats everything, bypass included', tool: 'Read', input: read('{w}/src/a.ts'), mode: 'bypassPermissions', options: { allow: [['user', 'Read']], deny: [['managed', 'Read(//**)']] }, expect: 'deny', reason: /in managed policy \(\/etc\/claude-code\/managed-settings\.json:3:5\)/ },
  { name: 'a project ask beats a user allow (ask beats allow)', tool: 'Write', input: write('{w}/src/a.ts'), options: { allow: [['user', 'Edit(/{w}/**)']], ask: [['project', 'Edit(./src/**)']] }, expect: 'ask', rule: 'Edit(./src/**)' },
  { name: 'a user ask beats a managed allow (ask beats allow whatever the level)', tool: 'WebSearch', input: { query: 'x' }, options: { allow: [['managed', 'WebSearch']], ask: [['user', 'WebSearch']] }, expect: 'ask' },
  { name: 'deny beats ask', tool: 'Read', input: read('{w}/.env'), options: { ask: ['Read(./.env)'], deny: [['user', 'Read(/{w}/.env)']] }, expect: 'deny' },
  { name: 'an ask rule beats the built-in read allowance', tool: 'Read', input: read('{w}/src/a.ts'), options: { ask: ['Read(./src/**)'] }, expect: 'ask' },
  { name: 'an ask rule beats acceptEdits', tool: 'Edit', input: write('{w}/src/a.ts'), mode: 'acceptEdits', options: { ask: [['user', 'Edit']] }, expect: 'ask' },
  { name: 'an ask rule beats bypass mode', tool: 'Write', input: write('{w}/src/a.ts'), mode: 'bypassPermissions', options: { ask: ['Write(./src/**)'] }, expect: 'ask' },
  { name: 'the first matching deny rule is reported', tool: 'Read', input: read('{w}/.env'), options: { deny: [['managed', 'Read(//**/.env)'], ['project', 'Read(./.env)']] }, expect: 'deny', rule: 'Read(//**/.env)' },
  { name: 'command-line rules are explained as such', tool: 'Read', input: read('{w}/.env'), options: { deny: [['cli', 'Read(./.env)']] }, expect: 'deny', reason: 'Denied by the rule Read(./.env) on the command line.' },
];

const bareDeny: Case[] = [
  { name: 'bare Read deny removes the Read tool', tool: 'Read', input: read('{w}/src/a.ts'), options: { deny: ['Read'] }, expect: 'deny', reason: /^The rule Read in project settings \(.*\) removes the Read tool entirely\.$/ },
  { name: 'bare Read deny also removes Grep (Read rules cover search tools)', tool: 'Grep', input: { pattern: 'x' }, options: { deny: ['Read'] }, expect: 'deny' },
  { name: 'bare Read deny blocks edits too', tool: 'Edit', input: write('{w}/src/a.ts'), mode: 'acceptEdits', options: { deny: ['Read'] }, expect: 'deny' },
  { name: 'bare Write deny removes Write even with an Edit allow rule', tool: 'Write', input: write('{w}/src/a.ts'), options: { deny: [['user', 'Write']], allow: ['Edit(./**)'] }, expect: 'deny', reason: 'removes the Write tool entirely' },
  { name: 'bare Write deny leaves Edit alone', tool: 'Edit', input: write('{w}/src/a.ts'), mode: 'acceptEdits', options: { deny: ['Write'] }, expect: 'allow' },
  { name: 'bare WebFetch deny removes WebFetch even in bypass mode', tool: 'WebFetch', input: { url: 'https://example.com' }, mode: 'bypassPermissions', options: { deny: ['WebFetch'] }, expect: 'deny' },
  { name: 'bare tool deny of an unknown tool', tool: 'Task', input: { prompt: 'x' }, mode: 'bypassPermissions', options: { deny: ['Task'] }, expect: 'deny' },
  { name: 'bare Bash deny removes Bash before any shell analysis', tool: 'Bash', input: { command: 'ls' }, options: { deny: [['managed', 'Bash']] }, expect: 'deny', reason: 'removes the Bash tool entirely' },
  { name: 'a deny for another tool does not remove this one', tool: 'Read', input: read('{w}/src/a.ts'), options: { deny: ['Edit'] }, expect: 'allow' },
  { name: 'an invalid rule in the deny list is ignored, the valid ones apply', tool: 'Read', input: read('{w}/.env'), options: { deny: ['Read(', 'Read(./.env)'] }, expect: 'deny', rule: 'Read(./.env)' },
];

runCases('permission engine: precedence across levels', [...precedence, ...bareDeny]);
