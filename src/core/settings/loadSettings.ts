/**
 * The entry point: finds the five levels' files, reads and validates each, applies the trust and
 * managed-policy gates, and merges the rest into EffectiveSettings with provenance.
 *
 * A file with errors is ignored, with one exception that can only make AgentGate stricter: when
 * its structure is readable (valid JSON, an object), its well-formed deny and ask rules, server
 * rejections and disableBypassPermissionsMode still apply. Ignoring a file must never allow more
 * than the file asked for; a single typo must not silently drop a team's deny list. An invalid
 * permission rule makes the whole file invalid (not just the rule): an allow list written next to
 * a deny rule that cannot be read was written on the assumption that the deny rule works.
 */
import path from 'node:path';
import { analyzeSettingsText } from './analyzeSettings';
import { COMMAND_LINE_FILE, commandLineRules } from './commandLineRules';
import { emptyValues, extractValues, type SettingsValues } from './extract';
import { nodeSettingsFileSystem } from './fileSystem';
import { gateManagedFailure, gateUntrusted, MANAGED_FAILURE_REASON, UNTRUSTED_REASON } from './gate';
import { mergeValues } from './merge';
import { type SettingsFileLocation, type SettingsPathOptions, settingsFilePaths } from './paths';
import { readSettingsText } from './readSettingsFile';
import { ruleSetOf } from './rules';
import type { Diagnostic, EffectiveSettings, FileStatus, SettingsFileReport, SettingsLevel } from './types';

export interface LoadSettingsOptions extends SettingsPathOptions {
  /** Whether the person has trusted this workspace (VS Code workspace trust, or the CLI's). */
  trusted: boolean;
  /** `--allowedTools` rules, already split (see splitToolList). */
  allowedTools?: readonly string[];
  /** `--disallowedTools` rules, already split. */
  disallowedTools?: readonly string[];
}

/**
 * What the permission engine must do when `managedFailure` is set (a managed policy file exists
 * but could not be read or validated). AgentGate fails closed:
 * - every action asks: no allow rule from any level applies (the settings layer already drops
 *   them) and no built-in read-only action is allowed without asking;
 * - deny and ask rules from every level still apply, including the readable deny and ask rules of
 *   the broken managed file itself;
 * - bypassPermissions and acceptEdits are refused: the mode is forced to `default` whatever the
 *   settings, the command line or the person chose (`plan` stays allowed: it only restricts);
 * - the project and local levels are treated as untrusted even in a trusted workspace
 *   (`trusted` is false in the result), so MCP servers from `.mcp.json` do not start either;
 * - the failure is shown loudly: an error diagnostic comes first in `diagnostics`.
 */
export type ManagedFailure = NonNullable<EffectiveSettings['managedFailure']>;

interface LoadedFile {
  location: SettingsFileLocation;
  status: FileStatus;
  values?: SettingsValues;
  diagnostics: Diagnostic[];
  /** For an unusable file: why, in one sentence (used for managedFailure). */
  problem?: string;
}

function restrictionCount(values: SettingsValues): number {
  return (
    values.permissions.deny.length +
    values.permissions.ask.length +
    values.disabledMcpjsonServers.length +
    values.deniedMcpServers.length +
    (values.permissions.disableBypassPermissionsMode ? 1 : 0) +
    (values.allowedMcpServers ? 1 : 0)
  );
}

function firstProblem(diagnostics: readonly Diagnostic[]): string | undefined {
  const error = diagnostics.find((d) => d.severity === 'error');
  if (!error) return undefined;
  return error.position ? `line ${error.position.line}, column ${error.position.column}: ${error.message}` : error.message;
}

async function loadFile(location: SettingsFileLocation, options: LoadSettingsOptions, home: string): Promise<LoadedFile> {
  const { file, level } = location;
  if (location.listError) {
    return { location, status: 'unreadable', diagnostics: [{ severity: 'error', file, message: location.listError }], problem: location.listError };
  }
  const read = await readSettingsText(options.fs ?? nodeSettingsFileSystem, file);
  if (read.status === 'missing') {
    const diagnostics: Diagnostic[] =
      level === 'cli' ? [{ severity: 'error', file, message: 'This file was given with --settings but does not exist. Check the path.' }] : [];
    return { location, status: 'missing', diagnostics };
  }
  if (read.status === 'unreadable') {
    return { location, status: 'unreadable', diagnostics: [{ severity: 'error', file, message: read.message }], problem: read.message };
  }
  const analysis = analyzeSettingsText(read.text, file, level);
  const origin = { level, file, root: location.root };
  if (analysis.status === 'loaded') {
    return { location, status: 'loaded', values: extractValues(analysis.doc, origin, home, 'all'), diagnostics: analysis.diagnostics };
  }
  const values = analysis.structured ? extractValues(analysis.doc, origin, home, 'restrictions') : emptyValues();
  const kept = restrictionCount(values);
  const summary =
    'AgentGate ignores this file until the errors are fixed' +
    (kept > 0 ? `, except its ${kept} restrictive setting${kept === 1 ? '' : 's'} (deny and ask rules, blocked MCP servers), which still apply.` : '.');
  const diagnostics = [...analysis.diagnostics];
  if (level !== 'managed') diagnostics.push({ severity: 'warning', file, message: summary });
  return { location, status: 'invalid', values, diagnostics, problem: firstProblem(analysis.diagnostics) };
}

function managedFailureDiagnostic(failure: ManagedFailure): Diagnostic {
  return {
    severity: 'error',
    file: failure.file,
    message:
      `The managed policy could not be loaded: ${failure.message} AgentGate fails closed until an administrator fixes ` +
      'this file: every action asks first, bypassPermissions and acceptEdits modes are refused, and project settings ' +
      'are treated as untrusted.',
  };
}

/** Precedence order, highest first: within managed and cli, later files override earlier ones. */
const LEVEL_ORDER: readonly SettingsLevel[] = ['managed', 'cli', 'local', 'project', 'user'];

export async function loadSettings(options: LoadSettingsOptions): Promise<EffectiveSettings> {
  const cwd = path.resolve(options.cwd);
  const home = path.resolve(options.home);
  const locations = await settingsFilePaths({ ...options, cwd, home });
  const loaded = await Promise.all(locations.map((location) => loadFile(location, options, home)));

  const failed = loaded.find((f) => f.location.level === 'managed' && (f.status === 'invalid' || f.status === 'unreadable'));
  const managedFailure: ManagedFailure | undefined = failed && {
    file: failed.location.file,
    message: failed.problem ?? 'The file is not valid.',
  };
  const effectiveTrust = options.trusted && !managedFailure;

  const diagnostics: Diagnostic[] = managedFailure ? [managedFailureDiagnostic(managedFailure)] : [];
  const files: SettingsFileReport[] = [];
  const layers: { level: SettingsLevel; values: SettingsValues }[] = [];
  for (const f of loaded) {
    files.push({ level: f.location.level, file: f.location.file, status: f.status });
    diagnostics.push(...f.diagnostics);
  }

  const allowed = options.allowedTools ?? [];
  const disallowed = options.disallowedTools ?? [];
  if (allowed.length > 0 || disallowed.length > 0) {
    const cli = commandLineRules(allowed, disallowed, cwd);
    files.push({ level: 'cli', file: COMMAND_LINE_FILE, status: cli.status });
    diagnostics.push(...cli.diagnostics);
    layers.push({ level: 'cli', values: cli.values });
  }
  files.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  for (const level of LEVEL_ORDER) {
    const ofLevel = loaded.filter((f) => f.location.level === level && f.values);
    for (const f of ofLevel.reverse()) layers.push({ level, values: f.values! });
  }
  layers.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));

  for (const layer of layers) {
    if (layer.level === 'project' || layer.level === 'local') {
      if (!options.trusted) diagnostics.push(...gateUntrusted(layer.values, UNTRUSTED_REASON));
      else if (managedFailure) diagnostics.push(...gateUntrusted(layer.values, MANAGED_FAILURE_REASON));
    }
    if (managedFailure) diagnostics.push(...gateManagedFailure(layer.values));
  }

  const merged = mergeValues(layers.map((layer) => layer.values));
  const result: EffectiveSettings = { ...merged, rules: ruleSetOf(merged.permissions), trusted: effectiveTrust, files, diagnostics };
  if (managedFailure) result.managedFailure = managedFailure;
  return result;
}
