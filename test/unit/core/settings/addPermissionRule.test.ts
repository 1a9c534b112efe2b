import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  addPermissionRule,
  loadSettings,
  nodeSettingsFileSystem,
  SettingsWriteError,
  type SettingsWriteFileSystem,
} from '../../../../src/core/settings';

let workspace: string;
let local: string;
let project: string;
const notGit = async () => undefined;

beforeEach(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'agentgate-save-'));
  local = path.join(workspace, '.claude', 'settings.local.json');
  project = path.join(workspace, '.claude', 'settings.json');
});
afterEach(() => rm(workspace, { recursive: true, force: true }));

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

const read = (file: string) => readFile(file, 'utf8');

async function rejectsWith(promise: Promise<unknown>, code: SettingsWriteError['code'], message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof SettingsWriteError, `expected a SettingsWriteError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  });
}

describe('addPermissionRule: creating files', () => {
  it('creates .claude/settings.local.json and adds it to .gitignore (not a git repository)', async () => {
    const result = await addPermissionRule({ workspace, list: 'allow', rule: 'Bash(npm test)', gitIgnoreCheck: notGit });
    assert.deepEqual(result, { file: local, added: true, createdFile: true, gitignoreUpdated: true });
    assert.deepEqual(JSON.parse(await read(local)), { permissions: { allow: ['Bash(npm test)'] } });
    assert.equal(await read(path.join(workspace, '.gitignore')), '.claude/settings.local.json\n');
    const settings = await loadSettings({ cwd: workspace, home: workspace, managedPath: path.join(workspace, 'none.json'), trusted: true });
    assert.deepEqual(settings.permissions.allow.map((r) => r.value), ['Bash(npm test)']);
  });

  it('appends to a .gitignore without a trailing newline, keeping CRLF line endings', async () => {
    await writeFile(path.join(workspace, '.gitignore'), 'node_modules\r\ndist');
    await addPermissionRule({ workspace, list: 'allow', rule: 'Edit', gitIgnoreCheck: notGit });
    assert.equal(await read(path.join(workspace, '.gitignore')), 'node_modules\r\ndist\r\n.claude/settings.local.json\r\n');
  });

  it('leaves .gitignore alone when it already ignores the file', async () => {
    await writeFile(path.join(workspace, '.gitignore'), '.claude/\n');
    const result = await addPermissionRule({ workspace, list: 'allow', rule: 'Edit', gitIgnoreCheck: notGit });
    assert.equal(result.gitignoreUpdated, false);
    assert.equal(await read(path.join(workspace, '.gitignore')), '.claude/\n');
  });

  it('asks git in a repository: a global or nested ignore counts, otherwise it appends', async () => {
    execFileSync('git', ['init', '-q'], { cwd: workspace });
    await writeFile(path.join(workspace, '.git', 'info', 'exclude'), '*.local.json\n');
    const ignored = await addPermissionRule({ workspace, list: 'allow', rule: 'Edit' });
    assert.equal(ignored.gitignoreUpdated, false);
    await rm(path.join(workspace, '.claude'), { recursive: true });
    await writeFile(path.join(workspace, '.git', 'info', 'exclude'), '');
    const appended = await addPermissionRule({ workspace, list: 'allow', rule: 'Edit' });
    assert.equal(appended.gitignoreUpdated, true);
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: workspace, encoding: 'utf8' });
    assert.ok(!status.includes('settings.local.json'), `git must ignore the file, status: ${status}`);
  });

  it('project scope writes .claude/settings.json and never touches .gitignore', async () => {
    const result = await addPermissionRule({ workspace, scope: 'project', list: 'deny', rule: 'Bash(rm:*)', gitIgnoreCheck: notGit });
    assert.deepEqual(result, { file: project, added: true, createdFile: true, gitignoreUpdated: false });
    assert.deepEqual(JSON.parse(await read(project)), { permissions: { deny: ['Bash(rm:*)'] } });
    await assert.rejects(stat(path.join(workspace, '.gitignore')), { code: 'ENOENT' });
  });
});

describe('addPermissionRule: editing existing files', () => {
  it('keeps comments and formatting (four-space indent) and appends to the list', async () => {
    const before = '{\n    // Team rules: keep this list short.\n    "permissions": {\n        "allow": [\n            "Bash(npm test)"\n        ],\n        /* no deny yet */\n    },\n    "model": "claude-sonnet-4-5", // pinned\n}\n';
    await put(local, before);
    await addPermissionRule({ workspace, list: 'allow', rule: 'Bash(npm run lint)', gitIgnoreCheck: notGit });
    const after = await read(local);
    assert.equal(
      after,
      '{\n    // Team rules: keep this list short.\n    "permissions": {\n        "allow": [\n            "Bash(npm test)",\n            "Bash(npm run lint)"\n        ],\n        /* no deny yet */\n    },\n    "model": "claude-sonnet-4-5", // pinned\n}\n',
    );
  });

  it('creates a missing list inside permissions, with tabs when the file uses tabs', async () => {
    await put(project, '{\n\t"permissions": {\n\t\t"allow": ["Edit"]\n\t}\n}\n');
    await addPermissionRule({ workspace, scope: 'project', list: 'ask', rule: 'Bash(git push:*)' });
    const after = await read(project);
    assert.match(after, /\n\t\t"ask": \[\n\t\t\t"Bash\(git push:\*\)"\n\t\t\]/);
    assert.deepEqual(JSON.parse(after).permissions, { allow: ['Edit'], ask: ['Bash(git push:*)'] });
  });

  it('adds permissions to a file that has none, keeping CRLF and a byte-order mark', async () => {
    await put(local, '\uFEFF{\r\n  "model": "x"\r\n}\r\n');
    await addPermissionRule({ workspace, list: 'allow', rule: 'Read', gitIgnoreCheck: notGit });
    const after = await read(local);
    assert.ok(after.startsWith('\uFEFF{\r\n  "model": "x",\r\n  "permissions": {\r\n'), JSON.stringify(after));
    assert.ok(!/[^\r]\n/.test(after), 'no bare LF');
  });

  it('does not duplicate a rule that is already there (nothing is written)', async () => {
    const before = '{ "permissions": { "allow": ["Bash(npm test)"] } }';
    await put(local, before);
    const result = await addPermissionRule({ workspace, list: 'allow', rule: '  Bash(npm test) ', gitIgnoreCheck: notGit });
    assert.equal(result.added, false);
    assert.equal(await read(local), before);
  });

  it('keeps the file\'s permission bits', async () => {
    await put(local, '{}');
    await chmod(local, 0o600);
    await addPermissionRule({ workspace, list: 'allow', rule: 'Edit', gitIgnoreCheck: notGit });
    assert.equal((await stat(local)).mode & 0o777, 0o600);
  });

  it('two saves at the same time both land', async () => {
    await put(local, '{}');
    await Promise.all([
      addPermissionRule({ workspace, list: 'allow', rule: 'Edit', gitIgnoreCheck: notGit }),
      addPermissionRule({ workspace, list: 'allow', rule: 'Read', gitIgnoreCheck: notGit }),
    ]);
    assert.deepEqual(JSON.parse(await read(local)).permissions.allow.sort(), ['Edit', 'Read']);
  });
});

describe('addPermissionRule: refusals (nothing written)', () => {
  it('refuses to rewrite a file with bad JSON, naming the problem', async () => {
    const before = '{\n  "permissions": { "allow": ["Edit"] }\n  "model": "x"\n}';
    await put(local, before);
    await rejectsWith(addPermissionRule({ workspace, list: 'allow', rule: 'Read', gitIgnoreCheck: notGit }), 'malformedFile', /has errors; fix them.*settings\.local\.json:3:3: The file is not valid JSON/s);
    assert.equal(await read(local), before);
  });

  it('refuses to rewrite a file with a wrong type', async () => {
    const before = '{ "permissions": { "allow": "Edit" } }';
    await put(local, before);
    await rejectsWith(addPermissionRule({ workspace, list: 'allow', rule: 'Read', gitIgnoreCheck: notGit }), 'malformedFile', /must be a list of rule strings/);
    assert.equal(await read(local), before);
  });

  it('refuses an invalid rule before touching anything', async () => {
    await rejectsWith(addPermissionRule({ workspace, list: 'allow', rule: 'Bash(npm test', gitIgnoreCheck: notGit }), 'invalidRule', /does not end with "\)"/);
    assert.deepEqual(await readdir(workspace), []);
  });

  it('attack: a repository whose .claude is a link to the user\'s own settings folder cannot get rules saved there', async () => {
    const userClaude = path.join(workspace, 'home-claude');
    await put(path.join(userClaude, 'settings.json'), '{}');
    const repo = path.join(workspace, 'repo');
    await mkdir(repo);
    await symlink(userClaude, path.join(repo, '.claude'));
    await rejectsWith(addPermissionRule({ workspace: repo, scope: 'project', list: 'allow', rule: 'Bash', gitIgnoreCheck: notGit }), 'symlink', /symbolic link/);
    assert.equal(await read(path.join(userClaude, 'settings.json')), '{}');
  });

  it('attack: a settings file that is a link to another file is not written through', async () => {
    const elsewhere = path.join(workspace, 'elsewhere.json');
    await writeFile(elsewhere, '{}');
    await mkdir(path.join(workspace, '.claude'));
    await symlink(elsewhere, local);
    await rejectsWith(addPermissionRule({ workspace, list: 'allow', rule: 'Bash', gitIgnoreCheck: notGit }), 'symlink', /symbolic link/);
    assert.equal(await read(elsewhere), '{}');
  });
});

describe('addPermissionRule: atomic writes', () => {
  const before = '{\n  // keep me\n  "permissions": { "allow": ["Edit"] }\n}\n';

  async function leftovers(): Promise<string[]> {
    return (await readdir(path.dirname(local))).filter((name) => name.endsWith('.tmp'));
  }

  it('a failure in the middle of writing leaves the original intact and no temporary file', async () => {
    await put(local, before);
    const fs: SettingsWriteFileSystem = {
      ...nodeSettingsFileSystem,
      writeNewFileSynced: async (file, data) => {
        await writeFile(file, data.slice(0, 10));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    await rejectsWith(addPermissionRule({ workspace, list: 'allow', rule: 'Read', fs, gitIgnoreCheck: notGit }), 'io', /no space left on device\. The file was left unchanged/);
    assert.equal(await read(local), before);
    assert.deepEqual(await leftovers(), []);
  });

  it('a failure of the final rename leaves the original intact and no temporary file', async () => {
    await put(local, before);
    const fs: SettingsWriteFileSystem = {
      ...nodeSettingsFileSystem,
      rename: async () => {
        throw Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' });
      },
    };
    await assert.rejects(addPermissionRule({ workspace, list: 'allow', rule: 'Read', fs, gitIgnoreCheck: notGit }), SettingsWriteError);
    assert.equal(await read(local), before);
    assert.deepEqual(await leftovers(), []);
  });

  it('writes through a temporary file in the same folder, then renames it over the original', async () => {
    await put(local, before);
    const calls: string[] = [];
    const fs: SettingsWriteFileSystem = {
      ...nodeSettingsFileSystem,
      writeNewFileSynced: async (file, data, mode) => {
        calls.push(`write ${path.dirname(file) === path.dirname(local)} ${path.basename(file).endsWith('.tmp')}`);
        return nodeSettingsFileSystem.writeNewFileSynced(file, data, mode);
      },
      rename: async (from, to) => {
        calls.push(`rename ${to === local}`);
        return nodeSettingsFileSystem.rename(from, to);
      },
    };
    await addPermissionRule({ workspace, list: 'allow', rule: 'Read', fs, gitIgnoreCheck: notGit });
    assert.deepEqual(calls, ['write true true', 'rename true']);
  });
});
