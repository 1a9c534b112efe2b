import { runCases, type Case } from './harness';

/** Edits that make VS Code, git, the shell or the agent itself run code or change its rules. */
const write = (file_path: string) => ({ file_path, content: 'y' });

const protectedFiles = [
  '{w}/.vscode/settings.json',
  '{w}/.vscode/tasks.json',
  '{w}/.vscode/launch.json',
  '{w}/.vscode/extensions.json',
  '{w}/.VSCode/settings.json',
  '{w}/app.code-workspace',
  '{w}/.git/hooks/pre-commit',
  '{w}/.git/config',
  '{w}/.githooks/pre-push',
  '{w}/.husky/pre-commit',
  '{w}/.idea/workspace.xml',
  '{w}/.claude/settings.json',
  '{w}/.claude/settings.local.json',
  '{w}/.mcp.json',
  '{w}/.npmrc',
  '{w}/packages/app/.npmrc',
  '{w}/.yarnrc.yml',
  '{w}/.zshrc',
  '{w}/.devcontainer/devcontainer.json',
  '{w}/vendor/lib/.git/hooks/post-checkout',
];

const acceptEdits: Case[] = protectedFiles.map((file) => ({
  name: `code execution through an edit: acceptEdits does not cover ${file.replace('{w}/', '')}`,
  tool: 'Write',
  input: write(file),
  mode: 'acceptEdits' as const,
  expect: 'ask' as const,
  reason: 'is protected because',
}));

const broadRules: Case[] = [
  { name: 'code execution through an edit: Edit(./**) does not cover .vscode/settings.json', tool: 'Edit', input: { file_path: '{w}/.vscode/settings.json' }, options: { allow: ['Edit(./**)'] }, expect: 'ask', reason: 'does not name it without wildcards' },
  { name: 'code execution through an edit: bare Edit allow does not cover .git/hooks', tool: 'Write', input: write('{w}/.git/hooks/pre-commit'), options: { allow: ['Edit'] }, expect: 'ask' },
  { name: 'code execution through an edit: Edit(./.vscode/**) has a wildcard, so tasks.json still asks', tool: 'Write', input: write('{w}/.vscode/tasks.json'), options: { allow: ['Edit(./.vscode/**)'] }, expect: 'ask' },
  { name: 'code execution through an edit: Write(./**) does not cover .husky', tool: 'Write', input: write('{w}/.husky/pre-commit'), options: { allow: ['Write(./**)'] }, expect: 'ask' },
  { name: 'code execution through an edit: Edit(./src) does not cover a .git folder below it', tool: 'Write', input: write('{w}/src/.git/config'), options: { allow: ['Edit(./src)'] }, expect: 'ask' },
  { name: 'code execution through an edit: user Edit(~/**) does not cover ~/.bashrc', tool: 'Write', input: write('{home}/.bashrc'), options: { allow: [['user', 'Edit(~/**)']] }, expect: 'ask' },
  { name: 'code execution through an edit: user Edit(~/**) does not cover fish config', tool: 'Write', input: write('{home}/.config/fish/config.fish'), options: { allow: [['user', 'Edit(~/**)']] }, expect: 'ask' },
  { name: 'code execution through an edit: user Edit(~/**) does not cover the trust store', tool: 'Write', input: write('{home}/.agentgate/trust.json'), options: { allow: [['user', 'Edit(~/**)']] }, expect: 'ask' },
  { name: 'code execution through an edit: a link in src to .git/hooks (acceptEdits)', tool: 'Write', input: write('{w}/src/hooks-link/pre-commit'), mode: 'acceptEdits', expect: 'ask' },
  { name: 'code execution through an edit: a link to .vscode/tasks.json with Edit(./**)', tool: 'Write', input: write('{w}/tasks-link'), options: { allow: ['Edit(./**)'] }, expect: 'ask' },
  { name: 'an allow rule naming .vscode/settings.json exactly lifts the protection', tool: 'Edit', input: { file_path: '{w}/.vscode/settings.json' }, options: { allow: ['Edit(./.vscode/settings.json)'] }, expect: 'allow', rule: 'Edit(./.vscode/settings.json)' },
  { name: 'an allow rule naming the .husky folder lifts the protection inside it', tool: 'Write', input: write('{w}/.husky/pre-commit'), options: { allow: ['Edit(./.husky)'] }, expect: 'allow' },
  { name: 'an exact rule for settings.json does not cover tasks.json', tool: 'Write', input: write('{w}/.vscode/tasks.json'), options: { allow: ['Edit(./.vscode/settings.json)'] }, expect: 'ask' },
  { name: 'bypass mode may edit protected paths', tool: 'Write', input: write('{w}/.vscode/tasks.json'), mode: 'bypassPermissions', expect: 'allow' },
  { name: 'plan mode denies editing protected paths', tool: 'Write', input: write('{w}/.git/hooks/pre-commit'), mode: 'plan', expect: 'deny', reason: 'Plan mode is read-only' },
  { name: 'a deny rule on a protected path beats bypass mode', tool: 'Write', input: write('{w}/.vscode/tasks.json'), mode: 'bypassPermissions', options: { deny: ['Edit(./.vscode/**)'] }, expect: 'deny' },
  { name: 'protection applies to writes only: reading .vscode/settings.json is allowed', tool: 'Read', input: { file_path: '{w}/.vscode/settings.json' }, expect: 'allow' },
  { name: 'a file merely named like a protected folder is fine (src/vscode.ts)', tool: 'Write', input: write('{w}/src/vscode.ts'), mode: 'acceptEdits', expect: 'allow' },
  { name: 'a file named .gitignore is not a git hook', tool: 'Write', input: write('{w}/.gitignore'), mode: 'acceptEdits', expect: 'allow' },
];

runCases('permission engine: protected paths', [...acceptEdits, ...broadRules]);
