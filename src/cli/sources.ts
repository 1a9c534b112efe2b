import { existsSync } from 'node:fs';
import path from 'node:path';
import { defaultManagedSettingsPath, loadSettings, managedDropInDir } from '../core/settings';
import type { EffectiveSettings } from '../core/settings/types';
import { FileTrustStore } from '../core/trust/trustStore';
import { UsageError } from './io';

/** The options every settings-reading command shares (`check`, `settings`). */
export const sourceOptions = {
  cwd: { type: 'string' },
  trusted: { type: 'boolean', default: false },
  managed: { type: 'string' },
  settings: { type: 'string', multiple: true },
} as const;

export const sourceHelp = `  --cwd DIR        the workspace (default: the current folder)
  --trusted        treat the workspace as trusted for this call (otherwise ~/.agentgate/trust.json
                   decides, and an unknown folder is untrusted)
  --managed FILE   use FILE as the managed policy; refused when a system policy exists
  --settings FILE  extra command-line settings file (repeatable)`;

export interface SourceValues {
  cwd?: string;
  trusted?: boolean;
  managed?: string;
  settings?: string[];
}

export interface LoadedSources {
  cwd: string;
  home: string;
  trusted: boolean;
  settings: EffectiveSettings;
}

/**
 * `--managed FILE` may only stand in where the machine has no managed policy: it must never be a
 * way around an administrator's file.
 */
function managedPath(values: SourceValues, cwd: string): string | undefined {
  if (values.managed === undefined) return undefined;
  const system = defaultManagedSettingsPath();
  for (const existing of [system, managedDropInDir(system)]) {
    if (existsSync(existing)) {
      throw new UsageError(
        `--managed is refused because this machine has a managed policy (${existing}). ` +
          'The system policy always applies; ask your administrator to change it.',
      );
    }
  }
  return path.resolve(cwd, values.managed);
}

export async function loadSources(
  values: SourceValues,
  home: string,
  extra: { allowedTools?: string[]; disallowedTools?: string[] } = {},
): Promise<LoadedSources> {
  const cwd = path.resolve(values.cwd ?? process.cwd());
  if (!existsSync(cwd)) throw new UsageError(`--cwd ${cwd} does not exist.`);
  const trusted = values.trusted === true || (await FileTrustStore.forHome(home).isTrusted(cwd));
  const settings = await loadSettings({
    cwd,
    home,
    managedPath: managedPath(values, cwd),
    cliSettingsFiles: values.settings ?? [],
    trusted,
    ...extra,
  });
  return { cwd, home, trusted, settings };
}
