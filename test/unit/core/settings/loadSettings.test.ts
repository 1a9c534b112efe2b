import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { COMMAND_LINE_FILE, nodeSettingsFileSystem, type SettingsFileSystem } from '../../../../src/core/settings';
import { json, type TempSettings, tempSettings } from './tempSettings';

let t: TempSettings;
beforeEach(async () => {
  t = await tempSettings();
});
afterEach(() => t.cleanup());

const values = (list: { value: unknown }[]) => list.map((entry) => entry.value);

describe('loadSettings: precedence', () => {
  it('with no files at all, everything is empty and every file is reported missing', async () => {
    const s = await t.load();
    assert.deepEqual(s.permissions, { allow: [], ask: [], deny: [], additionalDirectories: [] });
    assert.deepEqual(s.diagnostics, []);
    assert.deepEqual(s.files.map((f) => [f.level, f.status]), [
      ['managed', 'missing'],
      ['local', 'missing'],
      ['project', 'missing'],
      ['user', 'missing'],
    ]);
    assert.equal(s.managedFailure, undefined);
  });

  it('scalars: the highest level that sets a key wins', async () => {
    await t.write(t.userFile, json({ model: 'user-model', cleanupPeriodDays: 7, apiKeyHelper: 'user-helper' }));
    await t.write(t.projectFile, json({ model: 'project-model', cleanupPeriodDays: 14 }));
    await t.write(t.localFile, json({ model: 'local-model' }));
    const cli = await t.write('cli.json', json({ permissions: { defaultMode: 'plan' } }));
    await t.write(t.managedPath, json({ permissions: { defaultMode: 'default' } }));
    const s = await t.load({ cliSettingsFiles: [cli] });
    assert.equal(s.model?.value, 'local-model');
    assert.equal(s.model?.source.level, 'local');
    assert.equal(s.cleanupPeriodDays?.value, 14);
    assert.equal(s.apiKeyHelper?.value, 'user-helper');
    assert.equal(s.permissions.defaultMode?.value, 'default');
    assert.equal(s.permissions.defaultMode?.source.level, 'managed');
  });

  it('rule lists merge across all levels, highest level first', async () => {
    await t.write(t.userFile, json({ permissions: { allow: ['Bash(ls:*)'], deny: ['Bash(rm:*)'] } }));
    await t.write(t.projectFile, json({ permissions: { allow: ['Bash(npm test)'], ask: ['Bash(git push:*)'] } }));
    await t.write(t.localFile, json({ permissions: { allow: ['Edit'] } }));
    await t.write(t.managedPath, json({ permissions: { deny: ['WebFetch'] } }));
    const s = await t.load({ allowedTools: ['Read'], disallowedTools: ['Bash(curl:*)'] });
    assert.deepEqual(values(s.permissions.allow), ['Read', 'Edit', 'Bash(npm test)', 'Bash(ls:*)']);
    assert.deepEqual(values(s.permissions.deny), ['WebFetch', 'Bash(curl:*)', 'Bash(rm:*)']);
    assert.deepEqual(values(s.permissions.ask), ['Bash(git push:*)']);
    assert.deepEqual(s.permissions.allow.map((r) => r.source.level), ['cli', 'local', 'project', 'user']);
  });

  it('env merges per variable; MCP name lists and denied servers merge; allowedMcpServers only from managed', async () => {
    await t.write(t.userFile, json({ env: { A: 'user', B: 'user' }, disabledMcpjsonServers: ['u'], deniedMcpServers: [{ serverName: 'x' }], allowedMcpServers: [{ serverName: 'mine' }] }));
    await t.write(t.projectFile, json({ env: { A: 'project' }, enabledMcpjsonServers: ['github'], disabledMcpjsonServers: ['p'] }));
    await t.write(t.managedPath, json({ allowedMcpServers: [{ serverUrl: 'https://*.corp.example/*' }], deniedMcpServers: [{ serverCommand: ['npx', 'evil'] }] }));
    const s = await t.load();
    assert.equal(s.env.A.value, 'project');
    assert.equal(s.env.B.value, 'user');
    assert.deepEqual(values(s.enabledMcpjsonServers), ['github']);
    assert.deepEqual(values(s.disabledMcpjsonServers), ['p', 'u']);
    assert.deepEqual(values(s.deniedMcpServers), [{ serverCommand: ['npx', 'evil'] }, { serverName: 'x' }]);
    assert.deepEqual(s.allowedMcpServers?.value, [{ serverUrl: 'https://*.corp.example/*' }]);
    assert.equal(s.allowedMcpServers?.source.level, 'managed');
  });

  it('an allowedMcpServers list outside managed policy has no effect', async () => {
    await t.write(t.userFile, json({ allowedMcpServers: [{ serverName: 'mine' }] }));
    const s = await t.load();
    assert.equal(s.allowedMcpServers, undefined);
  });

  it('an empty managed allowedMcpServers list is kept (it allows no server)', async () => {
    await t.write(t.managedPath, json({ allowedMcpServers: [] }));
    assert.deepEqual((await t.load()).allowedMcpServers?.value, []);
  });
});

describe('loadSettings: provenance', () => {
  it('every value carries level, file, 1-based position and root', async () => {
    await t.write(t.projectFile, '{\n  // shared\n  "permissions": {\n    "allow": [\n      "Bash(npm test)"\n    ]\n  },\n  "model": "m"\n}\n');
    await t.write(t.userFile, '{"permissions": {"deny": ["Read(~/.ssh/**)"]}}');
    const s = await t.load();
    assert.deepEqual(s.permissions.allow[0], {
      value: 'Bash(npm test)',
      source: { level: 'project', file: t.projectFile, root: t.cwd, position: { line: 5, column: 7 } },
    });
    assert.deepEqual(s.model?.source.position, { line: 8, column: 12 });
    assert.deepEqual(s.permissions.deny[0].source, { level: 'user', file: t.userFile, root: t.home, position: { line: 1, column: 27 } });
  });

  it('managed values have the file system root as root; command-line rules the working directory and no position', async () => {
    await t.write(t.managedPath, json({ permissions: { deny: ['WebFetch'] } }));
    const s = await t.load({ allowedTools: ['Bash(npm test)'] });
    assert.equal(s.permissions.deny[0].source.root, path.parse(t.managedPath).root);
    assert.deepEqual(s.permissions.allow[0].source, { level: 'cli', file: COMMAND_LINE_FILE, root: t.cwd });
  });
});

describe('loadSettings: additionalDirectories', () => {
  it('become absolute: relative against the file\'s root, ~/ against home', async () => {
    await t.write(t.projectFile, json({ permissions: { additionalDirectories: ['../shared', 'docs/', '~/notes', '/opt/data'] } }));
    await t.write(t.userFile, json({ permissions: { additionalDirectories: ['scratch'] } }));
    const s = await t.load();
    assert.deepEqual(values(s.permissions.additionalDirectories), [
      path.join(t.root, 'work', 'shared'),
      path.join(t.cwd, 'docs'),
      path.join(t.home, 'notes'),
      '/opt/data',
      path.join(t.home, 'scratch'),
    ]);
  });
});

describe('loadSettings: managed drop-ins', () => {
  it('are merged after the main file in file-name order: later files override earlier ones', async () => {
    const dir = path.join(path.dirname(t.managedPath), 'managed-settings.d');
    await t.write(t.managedPath, json({ model: 'main', permissions: { deny: ['Bash(main)'] } }));
    await t.write(path.join(dir, '20-b.json'), json({ model: 'b', permissions: { deny: ['Bash(b)'] } }));
    await t.write(path.join(dir, '10-a.json'), json({ model: 'a', cleanupPeriodDays: 3, permissions: { deny: ['Bash(a)'] } }));
    await t.write(path.join(dir, 'README.txt'), 'not json');
    await t.write(path.join(dir, '.hidden.json'), '{ broken');
    const s = await t.load();
    assert.equal(s.model?.value, 'b');
    assert.equal(s.model?.source.file, path.join(dir, '20-b.json'));
    assert.equal(s.cleanupPeriodDays?.value, 3);
    assert.deepEqual(values(s.permissions.deny), ['Bash(b)', 'Bash(a)', 'Bash(main)']);
    assert.deepEqual(s.files.filter((f) => f.level === 'managed').map((f) => path.basename(f.file)), ['managed-settings.json', '10-a.json', '20-b.json']);
    assert.equal(s.managedFailure, undefined);
  });

  it('drop-ins apply even when the main managed file is absent', async () => {
    await t.write(path.join(path.dirname(t.managedPath), 'managed-settings.d', 'policy.json'), json({ permissions: { deny: ['WebFetch'] } }));
    const s = await t.load();
    assert.deepEqual(values(s.permissions.deny), ['WebFetch']);
    assert.equal(s.managedFailure, undefined);
  });
});

describe('loadSettings: files that cannot be used', () => {
  it('a malformed user file is ignored and reported with line:column', async () => {
    await t.write(t.userFile, '{\n  "model": "x",\n  "permissions": {"allow": ["Bash(ls)"],}\n  "env": {}\n}');
    const s = await t.load();
    assert.equal(s.model, undefined);
    assert.deepEqual(s.permissions.allow, []);
    assert.equal(s.files.find((f) => f.level === 'user')?.status, 'invalid');
    const error = s.diagnostics.find((d) => d.severity === 'error');
    assert.equal(error?.file, t.userFile);
    assert.deepEqual(error?.position, { line: 4, column: 3 });
  });

  it('a file with a type error keeps only its restrictions: deny and ask rules still apply', async () => {
    await t.write(t.projectFile, json({ model: 42, permissions: { allow: ['Bash(curl:*)'], deny: ['Bash(rm:*)', 'Bash(git'], ask: ['Bash(git push:*)'], defaultMode: 'acceptEdits' } }));
    const s = await t.load();
    assert.equal(s.files.find((f) => f.level === 'project')?.status, 'invalid');
    assert.deepEqual(values(s.permissions.allow), []);
    assert.equal(s.permissions.defaultMode, undefined);
    assert.deepEqual(values(s.permissions.deny), ['Bash(rm:*)']);
    assert.deepEqual(values(s.permissions.ask), ['Bash(git push:*)']);
    const summary = s.diagnostics.find((d) => d.severity === 'warning' && d.file === t.projectFile);
    assert.match(summary?.message ?? '', /ignores this file until the errors are fixed, except its 2 restrictive settings/);
  });

  it('an invalid rule makes the whole file invalid: its allow rules are not used either', async () => {
    await t.write(t.userFile, json({ permissions: { allow: ['Bash(git:*)'], deny: ['Bash(git push'] } }));
    const s = await t.load();
    assert.deepEqual(s.permissions.allow, []);
    assert.equal(s.files.find((f) => f.level === 'user')?.status, 'invalid');
  });

  it('a folder where a settings file should be is unreadable, with a message', async () => {
    await mkdir(t.projectFile, { recursive: true });
    const s = await t.load();
    assert.equal(s.files.find((f) => f.level === 'project')?.status, 'unreadable');
    assert.match(s.diagnostics.find((d) => d.file === t.projectFile)?.message ?? '', /is a folder, but a settings file is expected/);
  });

  it('a file that may not be read (EACCES) is unreadable, with a message', async () => {
    await t.write(t.userFile, json({ model: 'x' }));
    const fs: SettingsFileSystem = {
      ...nodeSettingsFileSystem,
      readFile: async (file) => {
        if (file === t.userFile) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return nodeSettingsFileSystem.readFile(file);
      },
    };
    const s = await t.load({ fs });
    assert.equal(s.files.find((f) => f.level === 'user')?.status, 'unreadable');
    assert.match(s.diagnostics[0].message, /^Permission denied/);
    assert.equal(s.model, undefined);
  });

  it('a --settings file that does not exist is an error', async () => {
    const s = await t.load({ cliSettingsFiles: ['nope.json'] });
    const file = path.join(t.cwd, 'nope.json');
    assert.deepEqual(s.files.find((f) => f.level === 'cli'), { level: 'cli', file, status: 'missing' });
    assert.match(s.diagnostics.find((d) => d.file === file)?.message ?? '', /given with --settings but does not exist/);
  });

  it('an invalid --allowedTools rule drops all allowed tools but keeps the disallowed ones', async () => {
    const s = await t.load({ allowedTools: ['Edit', 'Bash(git'], disallowedTools: ['WebFetch'] });
    assert.deepEqual(s.permissions.allow, []);
    assert.deepEqual(values(s.permissions.deny), ['WebFetch']);
    assert.equal(s.files.find((f) => f.file === COMMAND_LINE_FILE)?.status, 'invalid');
    assert.match(s.diagnostics[0].message, /^Invalid rule in --allowedTools: "Bash\(git"/);
  });

  it('later --settings files override earlier ones', async () => {
    const a = await t.write('a.json', json({ model: 'a' }));
    const b = await t.write('b.json', json({ model: 'b' }));
    assert.equal((await t.load({ cliSettingsFiles: [a, b] })).model?.value, 'b');
  });
});
