import { runCases, type Case } from './harness';

const read = (file_path: string) => ({ file_path });
const write = (file_path: string) => ({ file_path, content: 'y' });
const FAIL = 'could not be read, so everything asks';

const modes: Case[] = [
  { name: 'default: reads inside are allowed', tool: 'Read', input: read('{w}/src/a.ts'), expect: 'allow' },
  { name: 'default: WebFetch asks', tool: 'WebFetch', input: { url: 'https://example.com/' }, expect: 'ask' },
  { name: 'plan: reading inside is still allowed', tool: 'Read', input: read('{w}/src/a.ts'), mode: 'plan', expect: 'allow' },
  { name: 'plan: Glob inside is still allowed', tool: 'Glob', input: { pattern: '**/*.ts' }, mode: 'plan', expect: 'allow' },
  { name: 'plan: Edit is denied, saying plan mode is read-only', tool: 'Edit', input: write('{w}/src/a.ts'), mode: 'plan', expect: 'deny', reason: /^Plan mode is read-only, so writing .*src\/a\.ts is denied\.$/ },
  { name: 'plan: an Edit allow rule does not lift plan mode', tool: 'Write', input: write('{w}/src/a.ts'), mode: 'plan', options: { allow: ['Edit(./**)'] }, expect: 'deny' },
  { name: 'plan: NotebookEdit is denied', tool: 'NotebookEdit', input: { notebook_path: '{w}/n.ipynb' }, mode: 'plan', expect: 'deny' },
  { name: 'plan: an MCP tool of unknown effect asks even when allowed by a rule', tool: 'mcp__github__create_issue', input: {}, mode: 'plan', options: { allow: ['mcp__github'] }, expect: 'ask', reason: 'Plan mode is read-only' },
  { name: 'plan: an unknown tool asks', tool: 'TodoWrite', input: {}, mode: 'plan', options: { allow: ['TodoWrite'] }, expect: 'ask' },
  { name: 'plan: a deny rule still denies', tool: 'Read', input: read('{w}/.env'), mode: 'plan', options: { deny: ['Read(./.env)'] }, expect: 'deny', rule: 'Read(./.env)' },
  { name: 'acceptEdits: reads outside still ask', tool: 'Read', input: read('{out}/secret.txt'), mode: 'acceptEdits', expect: 'ask' },
  { name: 'acceptEdits: WebFetch still asks', tool: 'WebFetch', input: { url: 'https://example.com/' }, mode: 'acceptEdits', expect: 'ask' },
  { name: 'bypass: writing outside is allowed', tool: 'Write', input: write('/etc/hosts'), mode: 'bypassPermissions', expect: 'allow', reason: 'Bypass mode allows everything that is not denied' },
  { name: 'bypass: WebFetch is allowed', tool: 'WebFetch', input: { url: 'https://example.com/' }, mode: 'bypassPermissions', expect: 'allow' },
  { name: 'bypass: MCP tools are allowed', tool: 'mcp__db__query', input: {}, mode: 'bypassPermissions', expect: 'allow' },
  { name: 'bypass: a deny rule still denies', tool: 'Write', input: write('{w}/src/a.ts'), mode: 'bypassPermissions', options: { deny: ['Edit(./src/**)'] }, expect: 'deny' },
  { name: 'bypass: a non-http WebFetch is still refused', tool: 'WebFetch', input: { url: 'file:///etc/passwd' }, mode: 'bypassPermissions', expect: 'deny' },
];

const bypassRefused: Case[] = [
  { name: 'bypass refused when managed policy disables it: writing outside asks and says why', tool: 'Write', input: write('/etc/hosts'), mode: 'bypassPermissions', options: { disableBypass: 'managed' }, expect: 'ask', reason: /bypass mode is turned off by disableBypassPermissionsMode in managed policy \(\/etc\/claude-code\/managed-settings\.json:2:5\), so default mode applies\.$/ },
  { name: 'bypass refused when user settings disable it: WebFetch asks', tool: 'WebFetch', input: { url: 'https://example.com/' }, mode: 'bypassPermissions', options: { disableBypass: 'user' }, expect: 'ask', reason: 'in user settings' },
  { name: 'bypass refused: edits inside ask as in default mode', tool: 'Edit', input: write('{w}/src/a.ts'), mode: 'bypassPermissions', options: { disableBypass: 'project' }, expect: 'ask', reason: 'asks in default mode' },
  { name: 'bypass refused: reading inside is still allowed', tool: 'Read', input: read('{w}/src/a.ts'), mode: 'bypassPermissions', options: { disableBypass: 'managed' }, expect: 'allow' },
  { name: 'bypass refused: allow rules still allow', tool: 'WebFetch', input: { url: 'https://docs.example.com/' }, mode: 'bypassPermissions', options: { disableBypass: 'managed', allow: ['WebFetch(domain:docs.example.com)'] }, expect: 'allow' },
  { name: 'disabling bypass does not touch acceptEdits', tool: 'Edit', input: write('{w}/src/a.ts'), mode: 'acceptEdits', options: { disableBypass: 'managed' }, expect: 'allow' },
];

const failClosed: Case[] = [
  { name: 'fail-closed: reading inside the workspace asks', tool: 'Read', input: read('{w}/src/a.ts'), options: { managedFailure: true }, expect: 'ask', reason: 'The managed policy at /etc/claude-code/managed-settings.json could not be read, so everything asks.' },
  { name: 'fail-closed: Glob inside asks', tool: 'Glob', input: { pattern: '*' }, options: { managedFailure: true }, expect: 'ask', reason: FAIL },
  { name: 'fail-closed: a user allow rule does not apply', tool: 'WebFetch', input: { url: 'https://example.com/' }, options: { managedFailure: true, allow: [['user', 'WebFetch(domain:example.com)']] }, expect: 'ask', reason: FAIL },
  { name: 'fail-closed: a project allow rule does not apply', tool: 'Edit', input: write('{w}/src/a.ts'), options: { managedFailure: true, allow: ['Edit(./**)'] }, expect: 'ask', reason: FAIL },
  { name: 'fail-closed: acceptEdits is refused', tool: 'Edit', input: write('{w}/src/a.ts'), mode: 'acceptEdits', options: { managedFailure: true }, expect: 'ask', reason: FAIL },
  { name: 'fail-closed: bypass is refused', tool: 'Write', input: write('/etc/hosts'), mode: 'bypassPermissions', options: { managedFailure: true }, expect: 'ask', reason: FAIL },
  { name: 'fail-closed: bypass is refused for MCP tools', tool: 'mcp__db__drop', input: {}, mode: 'bypassPermissions', options: { managedFailure: true, allow: ['mcp__db'] }, expect: 'ask' },
  { name: 'fail-closed: deny rules still deny', tool: 'Read', input: read('{w}/.env'), options: { managedFailure: true, deny: [['user', 'Read(/{w}/.env)']] }, expect: 'deny' },
  { name: 'fail-closed: ask rules still ask and are named', tool: 'Read', input: read('{w}/docs/a.md'), options: { managedFailure: true, ask: ['Read(./docs/**)'] }, expect: 'ask', rule: 'Read(./docs/**)' },
  { name: 'fail-closed: plan mode still denies writes', tool: 'Write', input: write('{w}/src/a.ts'), mode: 'plan', options: { managedFailure: true }, expect: 'deny', reason: 'Plan mode is read-only' },
  { name: 'fail-closed: plan mode reads ask', tool: 'Read', input: read('{w}/src/a.ts'), mode: 'plan', options: { managedFailure: true }, expect: 'ask', reason: FAIL },
  { name: 'fail-closed: invalid input is still denied', tool: 'Read', input: {}, options: { managedFailure: true }, expect: 'deny' },
];

runCases('permission engine: modes', [...modes, ...bypassRefused, ...failClosed]);
