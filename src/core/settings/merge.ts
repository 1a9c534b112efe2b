/**
 * Merges the values of several files, given highest precedence first. Scalars: the first file
 * that sets one wins. Lists merge across all files, highest first. `env` merges per variable.
 * `allowedMcpServers` is taken whole from the first (managed) file that sets it.
 */
import { emptyValues, type SettingsValues } from './extract';

export function mergeValues(layers: readonly SettingsValues[]): SettingsValues {
  const merged = emptyValues();
  const p = merged.permissions;
  for (const layer of layers) {
    const lp = layer.permissions;
    p.allow.push(...lp.allow);
    p.ask.push(...lp.ask);
    p.deny.push(...lp.deny);
    p.additionalDirectories.push(...lp.additionalDirectories);
    p.defaultMode ??= lp.defaultMode;
    p.disableBypassPermissionsMode ??= lp.disableBypassPermissionsMode;
    for (const [name, entry] of Object.entries(layer.env)) {
      if (!Object.hasOwn(merged.env, name)) merged.env[name] = entry;
    }
    merged.apiKeyHelper ??= layer.apiKeyHelper;
    merged.cleanupPeriodDays ??= layer.cleanupPeriodDays;
    merged.model ??= layer.model;
    merged.enableAllProjectMcpServers ??= layer.enableAllProjectMcpServers;
    merged.enabledMcpjsonServers.push(...layer.enabledMcpjsonServers);
    merged.disabledMcpjsonServers.push(...layer.disabledMcpjsonServers);
    merged.allowedMcpServers ??= layer.allowedMcpServers;
    merged.deniedMcpServers.push(...layer.deniedMcpServers);
  }
  return withoutUndefined(merged);
}

/** Optional keys that no file set are absent rather than `undefined`. */
function withoutUndefined(values: SettingsValues): SettingsValues {
  const strip = (object: Record<string, unknown>): void => {
    for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  };
  strip(values.permissions as unknown as Record<string, unknown>);
  strip(values as unknown as Record<string, unknown>);
  return values;
}
