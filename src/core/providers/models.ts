import type { ProviderName } from './types';

/**
 * Default model ids, per provider, in each provider's naming. The one place to update when a new
 * Claude model ships. Bedrock uses the global cross-region inference profiles (`global.` prefix),
 * which every commercial region offers; a region-only id can be set with ANTHROPIC_MODEL.
 */
export type ModelFamily = 'opus' | 'sonnet' | 'haiku';

export const DEFAULT_MODELS: Readonly<Record<ProviderName, Readonly<Record<ModelFamily, string>>>> = {
  anthropic: { opus: 'claude-opus-5-5', sonnet: 'claude-sonnet-5-5', haiku: 'claude-haiku-5-5' },
  bedrock: {
    opus: 'global.anthropic.claude-opus-5-5',
    sonnet: 'global.anthropic.claude-sonnet-5-5',
    haiku: 'global.anthropic.claude-haiku-5-5',
  },
  vertex: { opus: 'claude-opus-5-5', sonnet: 'claude-sonnet-5-5', haiku: 'claude-haiku-5-5' },
};

/** The family the session uses when nothing names a model. */
export const DEFAULT_FAMILY: ModelFamily = 'sonnet';

const FAMILY_VARIABLES: Record<ModelFamily, string> = {
  opus: 'ANTHROPIC_DEFAULT_OPUS_MODEL',
  sonnet: 'ANTHROPIC_DEFAULT_SONNET_MODEL',
  haiku: 'ANTHROPIC_DEFAULT_HAIKU_MODEL',
};

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The model id per family for `provider`: ANTHROPIC_DEFAULT_{OPUS,SONNET,HAIKU}_MODEL, else the defaults. */
export function familyModels(provider: ProviderName, env: Readonly<Record<string, string | undefined>>): Record<ModelFamily, string> {
  const defaults = DEFAULT_MODELS[provider];
  return {
    opus: nonEmpty(env[FAMILY_VARIABLES.opus]) ?? defaults.opus,
    sonnet: nonEmpty(env[FAMILY_VARIABLES.sonnet]) ?? defaults.sonnet,
    haiku: nonEmpty(env[FAMILY_VARIABLES.haiku]) ?? defaults.haiku,
  };
}

/**
 * Resolves a model setting: an alias (`opus`, `sonnet`, `haiku`, `default`) becomes the family's
 * id; anything else is a provider model id and is used as given. Undefined gives the default family.
 */
export function resolveModel(requested: string | undefined, models: Readonly<Record<ModelFamily, string>>): string {
  const name = nonEmpty(requested);
  if (name === undefined || name.toLowerCase() === 'default') return models[DEFAULT_FAMILY];
  const alias = name.toLowerCase();
  if (alias === 'opus' || alias === 'sonnet' || alias === 'haiku') return models[alias];
  return name;
}
