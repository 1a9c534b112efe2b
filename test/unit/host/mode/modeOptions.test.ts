import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EffectiveSettings } from '../../../../src/core/settings/types';
import { modeOptions, nextMode } from '../../../../src/host/mode/modeOptions';

const source = { level: 'managed' as const, file: '/etc/claude-code/managed-settings.json', root: '/' };
function settings(extra: Partial<EffectiveSettings['permissions']> = {}, more: Partial<EffectiveSettings> = {}): EffectiveSettings {
  return { permissions: { allow: [], ask: [], deny: [], additionalDirectories: [], ...extra }, rules: { allow: [], ask: [], deny: [] }, env: {}, enabledMcpjsonServers: [], disabledMcpjsonServers: [], deniedMcpServers: [], trusted: true, files: [], diagnostics: [], ...more };
}
const available = (options: ReturnType<typeof modeOptions>) => options.filter((o) => o.available).map((o) => o.mode);

describe('host: which modes may be chosen', () => {
  it('offers all four in a trusted workspace with no restriction', () => {
    assert.deepEqual(available(modeOptions(settings(), true)), ['default', 'acceptEdits', 'plan', 'bypassPermissions']);
  });

  it('never offers Bypass when disableBypassPermissionsMode is set, and says where', () => {
    const options = modeOptions(settings({ disableBypassPermissionsMode: { value: 'disable', source } }), true);
    const bypass = options.find((o) => o.mode === 'bypassPermissions');
    assert.equal(bypass?.available, false);
    assert.match(bypass?.unavailableReason ?? '', /managed-settings\.json/);
  });

  it('keeps only Default and Plan when the managed policy is broken, or in Restricted Mode', () => {
    assert.deepEqual(available(modeOptions(settings({}, { managedFailure: { file: '/etc/x.json', message: 'bad' } }), true)), ['default', 'plan']);
    assert.deepEqual(available(modeOptions(settings(), false)), ['default', 'plan']);
  });

  it('does not offer Bypass before the settings are known', () => {
    assert.deepEqual(available(modeOptions(undefined, true)), ['default', 'acceptEdits', 'plan']);
  });

  it('cycles through the available modes in order, wrapping around', () => {
    const all = modeOptions(settings(), true);
    assert.equal(nextMode('default', all), 'acceptEdits');
    assert.equal(nextMode('plan', all), 'bypassPermissions');
    assert.equal(nextMode('bypassPermissions', all), 'default');
    const noBypass = modeOptions(settings({ disableBypassPermissionsMode: { value: 'disable', source } }), true);
    assert.equal(nextMode('plan', noBypass), 'default');
  });
});
