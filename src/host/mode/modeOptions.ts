/**
 * Which permission modes the person may choose, and why not the others: bypass is never offered
 * when any settings level sets disableBypassPermissionsMode, a broken managed policy keeps only
 * Default and Plan, and Restricted Mode offers nothing that relaxes permissions. Pure.
 */
import type { EffectiveSettings, PermissionMode } from '../../core/settings/types';
import { PERMISSION_MODES } from '../../core/settings/types';
import type { ModeOption } from '../../protocol/messages';

export const CYCLE_ORDER: readonly PermissionMode[] = ['default', 'acceptEdits', 'plan', 'bypassPermissions'];

export function modeOptions(settings: EffectiveSettings | undefined, trusted: boolean): ModeOption[] {
  return PERMISSION_MODES.map((mode): ModeOption => {
    const reason = unavailableReason(mode, settings, trusted);
    return reason === undefined ? { mode, available: true } : { mode, available: false, unavailableReason: reason };
  });
}

function unavailableReason(mode: PermissionMode, settings: EffectiveSettings | undefined, trusted: boolean): string | undefined {
  if (mode === 'default' || mode === 'plan') return undefined;
  if (settings?.managedFailure) return `The managed policy at ${settings.managedFailure.file} could not be read, so only Default and Plan are allowed.`;
  if (!trusted) return 'Trust this folder first (AgentGate asks when the agent first acts here).';
  if (mode === 'bypassPermissions') {
    const disabled = settings?.permissions.disableBypassPermissionsMode;
    if (disabled) return `Bypass is turned off by disableBypassPermissionsMode in ${disabled.source.file}.`;
    if (!settings) return 'Settings are still loading.';
  }
  return undefined;
}

/** The next available mode after `current`, wrapping around. */
export function nextMode(current: PermissionMode, options: readonly ModeOption[]): PermissionMode {
  const available = new Set(options.filter((option) => option.available).map((option) => option.mode));
  const start = CYCLE_ORDER.indexOf(current);
  for (let step = 1; step <= CYCLE_ORDER.length; step++) {
    const candidate = CYCLE_ORDER[(start + step) % CYCLE_ORDER.length]!;
    if (available.has(candidate)) return candidate;
  }
  return 'default';
}
