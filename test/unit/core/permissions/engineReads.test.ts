import { runCases, type Case } from './harness';

const read = (file_path: string) => ({ file_path });

const everyday: Case[] = [
  { name: 'reading a workspace file by absolute path', tool: 'Read', input: read('{w}/src/a.ts'), expect: 'allow', reason: 'Reading inside the workspace is allowed without a rule.', rule: null },
  { name: 'reading a workspace file by relative path', tool: 'Read', input: read('src/lib/b.ts'), expect: 'allow' },
  { name: 'reading a file that does not exist yet inside the workspace', tool: 'Read', input: read('{w}/src/missing.ts'), expect: 'allow' },
  { name: 'reading .git/config (protection is about writes only)', tool: 'Read', input: read('{w}/.git/config'), expect: 'allow' },
  { name: 'Glob of **/*.ts in the workspace', tool: 'Glob', input: { pattern: '**/*.ts' }, expect: 'allow', reason: 'Searching inside the workspace' },
  { name: 'Glob with a path inside the workspace', tool: 'Glob', input: { pattern: '*.ts', path: '{w}/src' }, expect: 'allow' },
  { name: 'Glob with a fixed folder in the pattern', tool: 'Glob', input: { pattern: 'src/lib/*.ts' }, expect: 'allow' },
  { name: 'Grep without a path searches the working directory', tool: 'Grep', input: { pattern: 'TODO' }, expect: 'allow' },
  { name: 'Grep of one workspace file', tool: 'Grep', input: { pattern: 'x', path: '{w}/src/a.ts' }, expect: 'allow' },
  { name: 'LS of the workspace', tool: 'LS', input: { path: '{w}' }, expect: 'allow', reason: 'Listing folders inside the workspace' },
  { name: 'reading a file in an additional directory', tool: 'Read', input: read('{extra}/notes.md'), options: { additionalDirectories: ['{extra}'] }, expect: 'allow' },
  { name: 'reading through a link that stays inside the workspace', tool: 'Read', input: read('{w}/link-in/a.ts'), expect: 'allow' },
  { name: 'reading outside with a Read allow rule for that folder', tool: 'Read', input: read('{out}/secret.txt'), options: { allow: ['Read(/{out}/**)'] }, expect: 'allow', rule: 'Read(/{out}/**)' },
  { name: 'reading a home file with a ~/ allow rule', tool: 'Read', input: read('{home}/.bashrc'), options: { allow: [['user', 'Read(~/.bashrc)']] }, expect: 'allow' },
  { name: 'Grep outside with a Read allow rule covering the whole folder', tool: 'Grep', input: { pattern: 'k', path: '{out}' }, options: { allow: ['Read(/{out}/**)'] }, expect: 'allow' },
  { name: 'reading outside with a bare Read allow rule', tool: 'Read', input: read('{out}/secret.txt'), options: { allow: [['user', 'Read']] }, expect: 'allow' },
];

const outside: Case[] = [
  { name: 'reading outside the workspace asks', tool: 'Read', input: read('{out}/secret.txt'), expect: 'ask', reason: /^Reading outside the workspace \(.*outside\/secret\.txt\) asks unless a Read rule allows it\.$/ },
  { name: 'reading /etc/passwd asks', tool: 'Read', input: read('/etc/passwd'), expect: 'ask' },
  { name: 'Grep of the filesystem root asks', tool: 'Grep', input: { pattern: 'password', path: '/' }, expect: 'ask' },
  { name: 'Glob with an absolute pattern outside asks', tool: 'Glob', input: { pattern: '{out}/**/*.pem' }, expect: 'ask' },
  { name: 'LS of the home folder asks', tool: 'LS', input: { path: '{home}' }, expect: 'ask' },
  { name: 'a Read allow rule for one file does not cover Grep of its whole folder', tool: 'Grep', input: { pattern: 'k', path: '{out}' }, options: { allow: ['Read(/{out}/secret.txt)'] }, expect: 'ask' },
  { name: 'an allow rule for some files does not cover Grep of their folder', tool: 'Grep', input: { pattern: 'k', path: '{out}' }, options: { allow: ['Read(/{out}/*.txt)'] }, expect: 'ask' },
  { name: 'gitignore semantics: Read(/dir/*) covers nested files too (their folder matches)', tool: 'Read', input: read('{out}/deep/key.pem'), options: { allow: ['Read(/{out}/*)'] }, expect: 'allow' },
];

const prefixConfusion: Case[] = [
  { name: 'path-prefix confusion: /w_evil is not inside /w (Read)', tool: 'Read', input: read('{evil}/x.ts'), expect: 'ask' },
  { name: 'path-prefix confusion: Glob pattern in /w_evil', tool: 'Glob', input: { pattern: '{evil}/**' }, expect: 'ask' },
  { name: 'path-prefix confusion: Grep path /w_evil', tool: 'Grep', input: { pattern: 'x', path: '{evil}' }, expect: 'ask' },
  { name: 'path-prefix confusion: LS /w_evil', tool: 'LS', input: { path: '{evil}' }, expect: 'ask' },
  { name: 'path-prefix confusion: a Read allow rule for /w does not cover /w_evil', tool: 'Read', input: read('{evil}/x.ts'), options: { allow: ['Read(/{w}/**)'] }, expect: 'ask' },
  { name: 'path-prefix confusion: additional directory /extra does not cover /extra_x', tool: 'Read', input: read('{root}/extra_x/a'), options: { additionalDirectories: ['{extra}'] }, expect: 'ask' },
];

const traversal: Case[] = [
  { name: '.. traversal: absolute path climbing out of the workspace', tool: 'Read', input: read('{w}/../outside/secret.txt'), expect: 'ask', reason: /\(.*\/outside\/secret\.txt\)/ },
  { name: '.. traversal: relative path climbing out', tool: 'Read', input: read('src/../../outside/secret.txt'), expect: 'ask' },
  { name: '.. traversal: many levels up to /etc/passwd', tool: 'Read', input: read('../../../../../../../../etc/passwd'), expect: 'ask' },
  { name: '.. traversal: into the look-alike folder', tool: 'Grep', input: { pattern: 'x', path: '{w}/../w_evil' }, expect: 'ask' },
  { name: '.. traversal: Glob pattern with a leading ../', tool: 'Glob', input: { pattern: '../outside/*' }, expect: 'ask' },
  { name: 'a negated Glob pattern searches the whole root, not just the excluded folder', tool: 'Glob', input: { pattern: '!{w}/src/**', path: '/' }, expect: 'ask' },
  { name: 'a negated Glob pattern inside the workspace is fine', tool: 'Glob', input: { pattern: '!node_modules/**' }, expect: 'allow' },
  { name: '.. traversal: Glob path ..', tool: 'Glob', input: { pattern: '*', path: '..' }, expect: 'ask' },
  { name: '.. traversal: .. after a wildcard in a Glob pattern is refused', tool: 'Glob', input: { pattern: 'src/**/../../../outside/*' }, expect: 'deny', reason: '".." after a wildcard' },
  { name: '.. traversal: .. inside braces of a Glob pattern is refused', tool: 'Glob', input: { pattern: '{src,../..}/*' }, expect: 'deny' },
  { name: '.. traversal: a denied file reached with .. is still denied', tool: 'Read', input: read('{w}/src/../.env'), options: { deny: ['Read(./.env)'] }, expect: 'deny', rule: 'Read(./.env)' },
  { name: '.. traversal: a denied folder reached from outside with ..', tool: 'Read', input: read('{w}/../outside/secret.txt'), options: { deny: ['Read(/{out}/**)'] }, expect: 'deny' },
  { name: '.. traversal: staying inside the workspace is fine', tool: 'Read', input: read('{w}/src/lib/../a.ts'), expect: 'allow' },
];

const symlinks: Case[] = [
  { name: 'symlink out of the workspace: a link to an outside file', tool: 'Read', input: read('{w}/link-file'), expect: 'ask', reason: 'through a symbolic link' },
  { name: 'symlink out of the workspace: a file inside a linked outside folder', tool: 'Read', input: read('{w}/link-out/secret.txt'), expect: 'ask' },
  { name: 'symlink out of the workspace: a relative link (../../outside)', tool: 'Read', input: read('{w}/src/rel-out/secret.txt'), expect: 'ask' },
  { name: 'symlink out of the workspace: Grep of a linked folder', tool: 'Grep', input: { pattern: 'k', path: '{w}/link-out' }, expect: 'ask' },
  { name: 'symlink out of the workspace: LS of a linked folder', tool: 'LS', input: { path: '{w}/link-out' }, expect: 'ask' },
  { name: 'symlink out of the workspace: .. applied after the link, as the kernel does', tool: 'Read', input: read('{w}/link-out/../outside/secret.txt'), expect: 'ask' },
  { name: 'symlink out of the workspace: an allow rule must match the target too', tool: 'Read', input: read('{w}/link-file'), options: { allow: ['Read(./link-file)'] }, expect: 'ask' },
  { name: 'symlink: a deny rule on the target blocks reading through the link', tool: 'Read', input: read('{w}/link-file'), options: { deny: ['Read(/{out}/secret.txt)'] }, expect: 'deny', rule: 'Read(/{out}/secret.txt)' },
  { name: 'symlink: a deny rule on the target folder blocks the linked folder', tool: 'Read', input: read('{w}/link-out/deep/key.pem'), options: { deny: ['Read(/{out}/**)'] }, expect: 'deny' },
  { name: 'symlink: a deny rule on the link name blocks it even though the target is elsewhere', tool: 'Read', input: read('{w}/link-file'), options: { deny: ['Read(./link-file)'], allow: ['Read(/{out}/**)'] }, expect: 'deny' },
  { name: 'symlink: the link and its target allowed by two different rules still asks (one rule must cover both)', tool: 'Read', input: read('{w}/link-file'), options: { allow: ['Read(./link-file)', 'Read(/{out}/**)'] }, expect: 'ask' },
  { name: 'symlink: one allow rule covering both the link and its target allows', tool: 'Read', input: read('{w}/link-file'), options: { allow: ['Read(/{root}/**)'] }, expect: 'allow' },
];

const denyPatterns: Case[] = [
  { name: 'deny Read(./.env) blocks the top-level .env', tool: 'Read', input: read('{w}/.env'), options: { deny: ['Read(./.env)'] }, expect: 'deny', reason: /^Denied by the rule Read\(\.\/\.env\) in project settings \(.*\/w\/\.claude\/settings\.json:3:5\)\.$/ },
  { name: 'deny Read(./.env) is anchored: src/.env is not covered', tool: 'Read', input: read('{w}/src/.env'), options: { deny: ['Read(./.env)'] }, expect: 'allow' },
  { name: 'deny Read(.env) without a slash matches at any depth (gitignore)', tool: 'Read', input: read('{w}/src/.env'), options: { deny: ['Read(.env)'] }, expect: 'deny' },
  { name: 'case folding: deny Read(./.env) also blocks .ENV', tool: 'Read', input: read('{w}/.ENV'), options: { deny: ['Read(./.env)'] }, expect: 'deny' },
  { name: 'deny Read(*.pem) matches nested files', tool: 'Read', input: read('{w}/src/lib/k.pem'), options: { deny: ['Read(*.pem)'] }, expect: 'deny' },
  { name: 'deny of a folder written without wildcard covers its files', tool: 'Read', input: read('{w}/src/lib/b.ts'), options: { deny: ['Read(./src/lib)'] }, expect: 'deny' },
  { name: 'deny Read(/src/**) is relative to the project root', tool: 'Read', input: read('{w}/src/a.ts'), options: { deny: ['Read(/src/**)'] }, expect: 'deny' },
  { name: 'deny Read(/x) in user settings is relative to the home folder, not the project', tool: 'Read', input: read('{w}/src/a.ts'), options: { deny: [['user', 'Read(/src/**)']] }, expect: 'allow' },
  { name: 'deny Read(~/.ssh/**) blocks keys in the home folder', tool: 'Read', input: read('{home}/.ssh/id_ed25519'), options: { deny: [['user', 'Read(~/.ssh/**)']], allow: [['user', 'Read(~/**)']] }, expect: 'deny' },
  { name: 'deny Read(../outside/**) relative to the working directory', tool: 'Read', input: read('{out}/secret.txt'), options: { deny: ['Read(../outside/**)'], allow: ['Read(/{out}/**)'] }, expect: 'deny' },
  { name: 'Grep of a folder whose contents are all denied is denied', tool: 'Grep', input: { pattern: 'x', path: '{w}/src' }, options: { deny: ['Read(./src/**)'] }, expect: 'deny' },
  { name: 'Glob of everything when everything is denied is denied', tool: 'Glob', input: { pattern: '**/*' }, options: { deny: ['Read(./**)'] }, expect: 'deny' },
  { name: 'Grep of the workspace with one denied file is allowed (the tool filters that file)', tool: 'Grep', input: { pattern: 'x' }, options: { deny: ['Read(./.env)'] }, expect: 'allow' },
  { name: 'a Grep(...) deny with a specifier applies to every Grep', tool: 'Grep', input: { pattern: 'x' }, options: { deny: ['Grep(secret)'] }, expect: 'deny', reason: 'applies to every use' },
  { name: 'ask Read(./docs/**) asks inside the workspace', tool: 'Read', input: read('{w}/docs/a.md'), options: { ask: ['Read(./docs/**)'] }, expect: 'ask', reason: 'Asks first because of the rule Read(./docs/**)' },
];

runCases('permission engine: reads', [...everyday, ...outside, ...prefixConfusion, ...traversal, ...symlinks, ...denyPatterns]);
