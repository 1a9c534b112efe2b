import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { COMMAND_LINE_FILE } from '../../../../src/core/settings';
import { parseRuleText } from '../../../../src/core/settings/rules';
import { json, type TempSettings, tempSettings } from './tempSettings';

describe('rule grammar additions', () => {
  it('accepts mcp__server__* as a tool name', () => {
    assert.deepEqual(parseRuleText('mcp__github__*'), { ok: true, tool: 'mcp__github__*' });
  });
  it('still refuses other wildcards in tool names', () => {
    assert.equal(parseRuleText('Bas*').ok, false);
    assert.equal(parseRuleText('mcp__*').ok, false);
  });
});

describe('loadSettings: parsed rules', () => {
  let t: TempSettings;
  beforeEach(async () => {
    t = await tempSettings();
  });
  afterEach(() => t.cleanup());

  it('come parsed, in precedence order, with the file and position they were written at', async () => {
    await t.write(t.projectFile, '{\n  "permissions": {\n    "allow": ["Bash(npm test)"],\n    "deny": ["WebFetch"]\n  }\n}\n');
    await t.write(t.userFile, json({ permissions: { allow: ['Read(./src/**)'] } }));
    const s = await t.load({ allowedTools: ['mcp__github'] });
    assert.deepEqual(s.rules.allow, [
      { raw: 'mcp__github', tool: 'mcp__github', specifier: undefined, list: 'allow', source: { level: 'cli', file: COMMAND_LINE_FILE, root: t.cwd } },
      { raw: 'Bash(npm test)', tool: 'Bash', specifier: 'npm test', list: 'allow', source: s.permissions.allow[1].source },
      { raw: 'Read(./src/**)', tool: 'Read', specifier: './src/**', list: 'allow', source: s.permissions.allow[2].source },
    ]);
    assert.deepEqual(s.rules.allow[1].source.position, { line: 3, column: 15 });
    assert.deepEqual(s.rules.deny.map((r) => [r.tool, r.specifier, r.list]), [['WebFetch', undefined, 'deny']]);
    assert.deepEqual(s.rules.ask, []);
  });

  it('leave out what the trust gate ignores', async () => {
    await t.write(t.projectFile, json({ permissions: { allow: ['Bash(curl:*)'], deny: ['Bash(rm:*)'] } }));
    const s = await t.load({ trusted: false });
    assert.deepEqual(s.rules.allow, []);
    assert.deepEqual(s.rules.deny.map((r) => r.raw), ['Bash(rm:*)']);
  });
});
