import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import picomatch from 'picomatch';
import { mcpJsonJsonSchema, SETTINGS_SCHEMA_FILE, settingsJsonSchema } from '../../../../src/core/settings';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[] };

/** Every property at every depth, with its path. */
function properties(schema: Schema, prefix = ''): [string, Schema][] {
  const out: [string, Schema][] = [];
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    out.push([prefix + key, child], ...properties(child, `${prefix}${key}.`));
  }
  if (schema.items) out.push(...properties(schema.items, `${prefix}[].`));
  for (const branch of schema.anyOf ?? []) out.push(...properties(branch, prefix));
  return out;
}

describe('settings JSON Schema', () => {
  const schema = settingsJsonSchema() as Schema;

  it('is a draft-07 object schema that survives JSON serialisation', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.type, 'object');
    assert.deepEqual(JSON.parse(JSON.stringify(schema)), schema);
    assert.equal(schema.allowComments, true);
    assert.equal(schema.allowTrailingCommas, true);
  });

  it('compiles with a JSON Schema validator and accepts and rejects like AgentGate does', () => {
    // VS Code's own keywords (allowComments, enumDescriptions) are not errors.
    const validate = new Ajv({ strict: false }).compile(schema);
    const good = {
      $schema: './settings.schema.json',
      permissions: { allow: ['Bash(npm test)'], deny: ['WebFetch'], defaultMode: 'plan', additionalDirectories: ['../x'] },
      env: { A: 'b' },
      cleanupPeriodDays: 30,
      deniedMcpServers: [{ serverName: 'x' }, { serverCommand: ['npx', 'y'] }, { serverUrl: 'https://*.example.com/*' }],
      aFutureSetting: { anything: true },
    };
    assert.equal(validate(good), true, JSON.stringify(validate.errors));
    for (const bad of [
      { permissions: { allow: 'Bash' } },
      { permissions: { defaultMode: 'yolo' } },
      { env: { PORT: 3000 } },
      { cleanupPeriodDays: -1 },
      { deniedMcpServers: [{ serverName: 'x', serverUrl: 'y' }] },
    ]) {
      assert.equal(validate(bad), false, `should reject ${JSON.stringify(bad)}`);
    }
  });

  it('describes every key, at every depth (the editor shows them on hover)', () => {
    const all = properties(schema);
    assert.ok(all.length >= 20, `expected the full key set, got ${all.length}`);
    const undocumented = all.filter(([, child]) => typeof child.description !== 'string' || child.description === '').map(([name]) => name);
    assert.deepEqual(undocumented, []);
  });

  it('covers the documented keys', () => {
    const names = properties(schema).map(([name]) => name);
    for (const key of [
      'permissions.allow', 'permissions.ask', 'permissions.deny', 'permissions.defaultMode', 'permissions.additionalDirectories',
      'permissions.disableBypassPermissionsMode', 'env', 'apiKeyHelper', 'cleanupPeriodDays', 'model', 'enableAllProjectMcpServers',
      'enabledMcpjsonServers', 'disabledMcpjsonServers', 'allowedMcpServers', 'deniedMcpServers', 'deniedMcpServers.[].serverUrl',
    ]) {
      assert.ok(names.includes(key), `missing ${key}`);
    }
  });

  it('allows unknown keys, top level and inside permissions, as AgentGate does', () => {
    assert.notEqual(schema.additionalProperties, false);
    assert.notEqual(schema.properties?.permissions.additionalProperties, false);
  });

  it('states the value constraints', () => {
    const p = schema.properties!;
    assert.deepEqual(p.permissions.properties!.defaultMode.enum, ['default', 'acceptEdits', 'plan', 'bypassPermissions']);
    assert.equal((p.permissions.properties!.defaultMode.enumDescriptions as string[]).length, 4);
    assert.equal(p.cleanupPeriodDays.type, 'integer');
    assert.equal(p.cleanupPeriodDays.minimum, 0);
    assert.equal(p.permissions.properties!.disableBypassPermissionsMode.const, 'disable');
  });

  it('.mcp.json has a schema too', () => {
    const mcp = mcpJsonJsonSchema() as Schema;
    assert.deepEqual(mcp.required, ['mcpServers']);
  });
});

describe('settings JSON Schema: editor contribution', () => {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
    contributes: { jsonValidation?: { fileMatch: string[]; url: string }[] };
  };
  const entry = pkg.contributes.jsonValidation?.find((e) => e.url === `./dist/${SETTINGS_SCHEMA_FILE}`);

  it('package.json points jsonValidation at the generated schema', () => {
    assert.ok(entry, 'contributes.jsonValidation has an entry for the settings schema');
  });

  it('matches the settings files at every level, and not other JSON files', () => {
    const matches = (file: string) => entry!.fileMatch.some((pattern) => picomatch(pattern, { dot: true })(file));
    for (const file of [
      '/home/me/project/.claude/settings.json',
      '/home/me/project/.claude/settings.local.json',
      '/home/me/.claude/settings.json',
      '/etc/claude-code/managed-settings.json',
      '/etc/claude-code/managed-settings.d/10-team.json',
    ]) {
      assert.ok(matches(file), `${file} should get the schema`);
    }
    for (const file of ['/home/me/project/settings.json', '/home/me/project/.vscode/settings.json', '/home/me/project/.mcp.json']) {
      assert.ok(!matches(file), `${file} should not get the schema`);
    }
  });
});
