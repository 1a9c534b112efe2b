import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { defaultManagedSettingsPath, settingsFilePaths, splitToolList, type SettingsFileSystem } from '../../../../src/core/settings';

const noDropIns: SettingsFileSystem = {
  readFile: async () => '',
  readdir: async () => {
    throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  },
};

describe('settings file locations', () => {
  it('the managed policy lives where Claude Code puts it on each platform', () => {
    assert.equal(defaultManagedSettingsPath('linux'), '/etc/claude-code/managed-settings.json');
    assert.equal(defaultManagedSettingsPath('darwin'), '/Library/Application Support/ClaudeCode/managed-settings.json');
    assert.equal(defaultManagedSettingsPath('win32'), 'C:\\Program Files\\ClaudeCode\\managed-settings.json');
  });

  it('lists every level highest first, with each file\'s root', async () => {
    const locations = await settingsFilePaths({ cwd: '/w/p', home: '/h', managedPath: '/etc/m/managed-settings.json', cliSettingsFiles: ['extra.json'], fs: noDropIns });
    assert.deepEqual(locations, [
      { level: 'managed', file: '/etc/m/managed-settings.json', root: '/' },
      { level: 'cli', file: path.join('/w/p', 'extra.json'), root: '/w/p' },
      { level: 'local', file: '/w/p/.claude/settings.local.json', root: '/w/p' },
      { level: 'project', file: '/w/p/.claude/settings.json', root: '/w/p' },
      { level: 'user', file: '/h/.claude/settings.json', root: '/h' },
    ]);
  });

  it('managed drop-ins follow the main file in file-name order; hidden and non-JSON files are skipped', async () => {
    const fs: SettingsFileSystem = { ...noDropIns, readdir: async () => ['b.json', 'A.json', '.x.json', 'notes.txt', '10.json'] };
    const managed = (await settingsFilePaths({ cwd: '/w', home: '/h', managedPath: '/etc/m/managed-settings.json', fs })).filter((l) => l.level === 'managed');
    assert.deepEqual(managed.map((l) => path.basename(l.file)), ['managed-settings.json', '10.json', 'A.json', 'b.json']);
  });
});

describe('splitToolList (--allowedTools "...")', () => {
  it('splits at commas and spaces outside parentheses', () => {
    assert.deepEqual(splitToolList('Bash(git log:*) Edit,Read, WebFetch(domain:example.com)'), ['Bash(git log:*)', 'Edit', 'Read', 'WebFetch(domain:example.com)']);
    assert.deepEqual(splitToolList('Bash(npm run test:*, lint)'), ['Bash(npm run test:*, lint)']);
    assert.deepEqual(splitToolList('  '), []);
  });
});
