import { runCases, type Case } from './harness';

const edit = (file_path: string) => ({ file_path, old_string: 'x', new_string: 'y' });
const write = (file_path: string) => ({ file_path, content: 'y' });

const everyday: Case[] = [
  { name: 'acceptEdits: Edit of a workspace file', tool: 'Edit', input: edit('{w}/src/a.ts'), mode: 'acceptEdits', expect: 'allow', reason: 'Editing inside the workspace is allowed in acceptEdits mode.', rule: null },
  { name: 'acceptEdits: Write of a new file', tool: 'Write', input: write('{w}/src/new.ts'), mode: 'acceptEdits', expect: 'allow' },
  { name: 'acceptEdits: Write of a new file in a new folder', tool: 'Write', input: write('{w}/src/new/deeper/c.ts'), mode: 'acceptEdits', expect: 'allow' },
  { name: 'acceptEdits: MultiEdit by relative path', tool: 'MultiEdit', input: { file_path: 'src/a.ts', edits: [] }, mode: 'acceptEdits', expect: 'allow' },
  { name: 'acceptEdits: NotebookEdit', tool: 'NotebookEdit', input: { notebook_path: '{w}/nb.ipynb', new_source: '' }, mode: 'acceptEdits', expect: 'allow' },
  { name: 'acceptEdits: editing .env is an ordinary file', tool: 'Edit', input: edit('{w}/.env'), mode: 'acceptEdits', expect: 'allow' },
  { name: 'acceptEdits: a file in an additional directory', tool: 'Write', input: write('{extra}/notes.md'), mode: 'acceptEdits', options: { additionalDirectories: ['{extra}'] }, expect: 'allow' },
  { name: 'acceptEdits: through a link that stays inside', tool: 'Edit', input: edit('{w}/link-in/a.ts'), mode: 'acceptEdits', expect: 'allow' },
  { name: 'default: editing asks', tool: 'Edit', input: edit('{w}/src/a.ts'), expect: 'ask', reason: /^Editing .*\/w\/src\/a\.ts asks in default mode\.$/ },
  { name: 'default: Edit(./src/**) allows', tool: 'Edit', input: edit('{w}/src/a.ts'), options: { allow: ['Edit(./src/**)'] }, expect: 'allow', reason: 'Allowed by the rule Edit(./src/**) in project settings', rule: 'Edit(./src/**)' },
  { name: 'default: Edit(./src/**) covers Write too', tool: 'Write', input: write('{w}/src/z.ts'), options: { allow: ['Edit(./src/**)'] }, expect: 'allow' },
  { name: 'default: Edit(/src/**) is relative to the project root', tool: 'MultiEdit', input: { file_path: '{w}/src/a.ts', edits: [] }, options: { allow: ['Edit(/src/**)'] }, expect: 'allow' },
  { name: 'default: Write(./docs/**) covers Write', tool: 'Write', input: write('{w}/docs/x.md'), options: { allow: ['Write(./docs/**)'] }, expect: 'allow' },
  { name: 'default: Write(./docs/**) does not cover Edit', tool: 'Edit', input: edit('{w}/docs/x.md'), options: { allow: ['Write(./docs/**)'] }, expect: 'ask' },
  { name: 'default: Edit(./src/**) does not cover docs/', tool: 'Edit', input: edit('{w}/docs/x.md'), options: { allow: ['Edit(./src/**)'] }, expect: 'ask' },
  { name: 'explicit Edit allow rule for an outside folder', tool: 'Write', input: write('{out}/report.txt'), options: { allow: [['user', 'Edit(/{out}/**)']] }, expect: 'allow' },
];

const outside: Case[] = [
  { name: 'acceptEdits never covers writing outside the workspace', tool: 'Write', input: write('/etc/hosts'), mode: 'acceptEdits', expect: 'ask', reason: 'Writing outside the workspace (/etc/hosts) always asks.' },
  { name: 'path-prefix confusion: acceptEdits write into /w_evil', tool: 'Write', input: write('{evil}/x.ts'), mode: 'acceptEdits', expect: 'ask' },
  { name: 'path-prefix confusion: Edit(/w/**) does not cover /w_evil', tool: 'Edit', input: edit('{evil}/x.ts'), options: { allow: ['Edit(/{w}/**)'] }, expect: 'ask' },
  { name: '.. traversal: acceptEdits write climbing out', tool: 'Write', input: write('{w}/src/../../outside/x'), mode: 'acceptEdits', expect: 'ask' },
  { name: '.. traversal: relative write climbing out', tool: 'Write', input: write('../outside/x'), mode: 'acceptEdits', expect: 'ask' },
  { name: '.. traversal: Edit(./src/**) does not cover src/../../outside', tool: 'Edit', input: edit('{w}/src/../../outside/secret.txt'), options: { allow: ['Edit(./src/**)'] }, expect: 'ask' },
  { name: 'symlink out of the workspace: acceptEdits write to a link to an outside file', tool: 'Write', input: write('{w}/link-file'), mode: 'acceptEdits', expect: 'ask', reason: 'through a symbolic link' },
  { name: 'symlink out of the workspace: acceptEdits write into a linked outside folder', tool: 'Write', input: write('{w}/link-out/new.txt'), mode: 'acceptEdits', expect: 'ask' },
  { name: 'symlink out of the workspace: a dangling link would create the file outside', tool: 'Write', input: write('{w}/dangling'), mode: 'acceptEdits', expect: 'ask' },
  { name: 'symlink out of the workspace: relative link', tool: 'Write', input: write('{w}/src/rel-out/x.txt'), mode: 'acceptEdits', expect: 'ask' },
  { name: 'symlink out of the workspace: .. resolved after the link', tool: 'Write', input: write('{w}/link-out/../outside/x'), mode: 'acceptEdits', expect: 'ask' },
  { name: 'symlink out of the workspace: Edit(./**) does not cover the dangling link target', tool: 'Write', input: write('{w}/dangling'), options: { allow: ['Edit(./**)'] }, expect: 'ask' },
  { name: 'symlink: a deny on the outside target blocks the write through the link', tool: 'Write', input: write('{w}/link-out/secret.txt'), mode: 'bypassPermissions', options: { deny: ['Edit(/{out}/**)'] }, expect: 'deny' },
];

const readDenyBlocksEdit: Case[] = [
  { name: 'Read deny blocks Edit of the same file', tool: 'Edit', input: edit('{w}/.env'), mode: 'acceptEdits', options: { deny: ['Read(./.env)'] }, expect: 'deny', reason: 'which also blocks edits', rule: 'Read(./.env)' },
  { name: 'Read deny blocks Write at any depth (unanchored pattern)', tool: 'Write', input: write('{w}/src/.env'), mode: 'acceptEdits', options: { deny: ['Read(.env)'] }, expect: 'deny' },
  { name: 'Read deny beats an Edit allow rule', tool: 'Edit', input: edit('{out}/secret.txt'), options: { deny: ['Read(/{out}/**)'], allow: ['Edit(/{out}/**)'] }, expect: 'deny' },
  { name: 'Read deny blocks edits even in bypass mode', tool: 'MultiEdit', input: { file_path: '{w}/secrets/k', edits: [] }, mode: 'bypassPermissions', options: { deny: ['Read(./secrets/**)'] }, expect: 'deny' },
  { name: 'Read deny blocks NotebookEdit', tool: 'NotebookEdit', input: { notebook_path: '{w}/private/n.ipynb', new_source: '' }, mode: 'acceptEdits', options: { deny: ['Read(./private/)'] }, expect: 'deny' },
  { name: 'a Read ask rule does not make edits ask (only deny carries over)', tool: 'Edit', input: edit('{w}/docs/a.md'), mode: 'acceptEdits', options: { ask: ['Read(./docs/**)'] }, expect: 'allow' },
  { name: 'Edit deny blocks Write', tool: 'Write', input: write('{w}/src/a.ts'), mode: 'acceptEdits', options: { deny: ['Edit(./src/**)'] }, expect: 'deny' },
  { name: 'bare Edit deny removes every file-writing tool', tool: 'Write', input: write('{w}/src/a.ts'), mode: 'acceptEdits', options: { deny: ['Edit'] }, expect: 'deny', reason: 'covers every file-writing tool' },
  { name: 'Edit ask rule makes acceptEdits ask', tool: 'Edit', input: edit('{w}/src/a.ts'), mode: 'acceptEdits', options: { ask: ['Edit(./src/**)'] }, expect: 'ask', rule: 'Edit(./src/**)' },
];

runCases('permission engine: writes', [...everyday, ...outside, ...readDenyBlocksEdit]);
