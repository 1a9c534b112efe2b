import { formatSource } from '../core/permissions/sourceLabel';
import type { EffectiveSettings, Sourced } from '../core/settings/types';
import { parseCommandLine } from './args';
import { ExitCode, type CliIo, UsageError } from './io';
import { loadSources, sourceHelp, sourceOptions } from './sources';

export const settingsHelp = `agentgate settings [options] [--json]
  Show the effective settings for the workspace and where every rule and value comes from.
${sourceHelp}
  --json           print them as JSON (env values that look like secrets are hidden)`;

const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH/i;

/** Env values that look like secrets never reach the terminal. */
export function redactEnv(env: EffectiveSettings['env']): EffectiveSettings['env'] {
  return Object.fromEntries(
    Object.entries(env).map(([name, entry]) => [name, SECRET_NAME.test(name) ? { ...entry, value: '<hidden>' } : entry]),
  );
}

function list<T>(title: string, entries: readonly Sourced<T>[], show: (value: T) => string): string[] {
  if (entries.length === 0) return [`${title}: (none)`];
  return [`${title}:`, ...entries.map((e) => `  ${show(e.value)}    ← ${formatSource(e.source)}`)];
}

function scalar<T>(title: string, entry: Sourced<T> | undefined, show: (value: T) => string = String): string[] {
  return entry ? [`${title}: ${show(entry.value)}    ← ${formatSource(entry.source)}`] : [];
}

export function settingsText(settings: EffectiveSettings, cwd: string): string {
  const p = settings.permissions;
  const lines = [`Settings for ${cwd} (workspace ${settings.trusted ? 'trusted' : 'not trusted: project allow rules, env, apiKeyHelper and MCP servers are ignored'})`];
  if (settings.managedFailure) {
    lines.push(`!! Managed policy ${settings.managedFailure.file} could not be used: ${settings.managedFailure.message}`, '!! AgentGate fails closed: every action asks.');
  }
  lines.push('', 'Files, highest precedence first:', ...settings.files.map((f) => `  ${f.level.padEnd(8)} ${f.status.padEnd(10)} ${f.file}`), '');
  lines.push(...list('permissions.deny', p.deny, String), ...list('permissions.ask', p.ask, String), ...list('permissions.allow', p.allow, String));
  lines.push(...scalar('permissions.defaultMode', p.defaultMode), ...scalar('permissions.disableBypassPermissionsMode', p.disableBypassPermissionsMode));
  lines.push(...list('permissions.additionalDirectories', p.additionalDirectories, String));
  const env = Object.entries(redactEnv(settings.env));
  lines.push(env.length === 0 ? 'env: (none)' : 'env:', ...env.map(([name, e]) => `  ${name}=${e.value}    ← ${formatSource(e.source)}`));
  lines.push(...scalar('apiKeyHelper', settings.apiKeyHelper), ...scalar('model', settings.model), ...scalar('cleanupPeriodDays', settings.cleanupPeriodDays));
  lines.push(...scalar('enableAllProjectMcpServers', settings.enableAllProjectMcpServers));
  if (settings.enabledMcpjsonServers.length > 0) lines.push(...list('enabledMcpjsonServers', settings.enabledMcpjsonServers, String));
  if (settings.disabledMcpjsonServers.length > 0) lines.push(...list('disabledMcpjsonServers', settings.disabledMcpjsonServers, String));
  lines.push(...scalar('allowedMcpServers', settings.allowedMcpServers, (v) => JSON.stringify(v)));
  if (settings.deniedMcpServers.length > 0) lines.push(...list('deniedMcpServers', settings.deniedMcpServers, (v) => JSON.stringify(v)));
  const notes = settings.diagnostics;
  if (notes.length > 0) {
    lines.push('', 'Notes:');
    for (const d of notes) lines.push(`  ${d.severity}: ${d.file}${d.position ? `:${d.position.line}:${d.position.column}` : ''}: ${d.message}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function settingsCommand(argv: readonly string[], io: CliIo, home: string): Promise<number> {
  const { values, positionals } = parseCommandLine('settings', argv, { ...sourceOptions, json: { type: 'boolean', default: false } });
  if (positionals.length > 0) throw new UsageError(`settings: unexpected argument '${positionals[0]}'.`);
  const { cwd, settings } = await loadSources(values, home);
  io.stdout(values.json ? `${JSON.stringify({ cwd, ...settings, env: redactEnv(settings.env) }, null, 2)}\n` : settingsText(settings, cwd));
  return ExitCode.ok;
}
