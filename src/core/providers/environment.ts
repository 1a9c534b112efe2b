import type { EffectiveSettings } from '../settings/types';
import type { Env } from './config';

/** Environment variables whose values are credentials: never written to transcripts or logs. */
export const CREDENTIAL_VARIABLES = ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_BEARER_TOKEN_BEDROCK'] as const;

/** The credential values set in `env`, for redaction. */
export function credentialValues(env: Env): string[] {
  return CREDENTIAL_VARIABLES.map((name) => env[name]).filter((value): value is string => value !== undefined && value !== '');
}

/**
 * The environment providers see: the process environment with the settings' `env` on top (as
 * Claude Code applies it). Project-level `env` is already left out of untrusted settings.
 */
export function withSettingsEnv(base: NodeJS.ProcessEnv, settings: EffectiveSettings | undefined): Env {
  return { ...base, ...Object.fromEntries(Object.entries(settings?.env ?? {}).map(([name, entry]) => [name, entry.value])) };
}
