import { formatSource } from './sourceLabel';
import type { PermissionContext } from './types';
import type { PermissionMode } from '../settings/types';

/** The mode the engine actually applies, and why it differs from the one asked for. */
export interface ModeState {
  requested: PermissionMode;
  effective: PermissionMode;
  /** Set when the managed policy could not be read: nothing is allowed without asking. */
  failClosed?: { file: string; reason: string };
  /** Appended to "ask" reasons when the requested mode was refused, e.g. bypass disabled. */
  refusal?: string;
}

export function failClosedReason(file: string): string {
  return `The managed policy at ${file} could not be read, so everything asks.`;
}

/**
 * Fail-closed keeps only default and plan; bypass is refused when any settings level sets
 * `disableBypassPermissionsMode`. A refused mode falls back to default.
 */
export function resolveMode(ctx: PermissionContext): ModeState {
  const requested = ctx.mode;
  const failure = ctx.settings.managedFailure;
  if (failure) {
    const failClosed = { file: failure.file, reason: failClosedReason(failure.file) };
    const effective: PermissionMode = requested === 'plan' ? 'plan' : 'default';
    return { requested, effective, failClosed };
  }
  const disabled = ctx.settings.permissions.disableBypassPermissionsMode;
  if (requested === 'bypassPermissions' && disabled) {
    return {
      requested,
      effective: 'default',
      refusal: `bypass mode is turned off by disableBypassPermissionsMode in ${formatSource(disabled.source)}, so default mode applies`,
    };
  }
  return { requested, effective: requested };
}
