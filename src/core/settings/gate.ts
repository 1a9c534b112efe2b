/**
 * Removes the values a file may not contribute, and says so. Two gates:
 * - an untrusted workspace: the project and local files may not relax anything (no allow rules,
 *   extra folders, environment, API key helper, MCP server approvals or relaxing mode); their
 *   deny and ask rules and server rejections still apply;
 * - a managed policy that failed to load: no file may contribute allow rules or a relaxing mode.
 */
import type { SettingsValues } from './extract';
import { LEVEL_LABEL, type Diagnostic, type PermissionMode, type Sourced } from './types';

export const UNTRUSTED_REASON = 'because this folder is not trusted yet.';
export const MANAGED_FAILURE_REASON = 'because the managed policy could not be loaded (AgentGate fails closed until it is fixed).';

/** Modes that allow more than `default`. */
export const RELAXING_MODES: ReadonlySet<PermissionMode> = new Set(['acceptEdits', 'bypassPermissions']);

function ignored(what: string, entry: Sourced<unknown>, reason: string): Diagnostic {
  const { source } = entry;
  const message = `Ignored ${what} from ${LEVEL_LABEL[source.level]} ${reason}`;
  return source.position
    ? { severity: 'info', file: source.file, position: source.position, message }
    : { severity: 'info', file: source.file, message };
}

function dropRules(values: SettingsValues, reason: string, out: Diagnostic[]): void {
  for (const rule of values.permissions.allow) out.push(ignored(`permissions.allow rule "${rule.value}"`, rule, reason));
  values.permissions.allow = [];
}

function dropRelaxingMode(values: SettingsValues, reason: string, out: Diagnostic[]): void {
  const mode = values.permissions.defaultMode;
  if (mode && RELAXING_MODES.has(mode.value)) {
    out.push(ignored(`permissions.defaultMode "${mode.value}"`, mode, reason));
    delete values.permissions.defaultMode;
  }
}

/** The project or local file of a workspace that is not trusted (or under a failed policy). */
export function gateUntrusted(values: SettingsValues, reason: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  dropRules(values, reason, out);
  dropRelaxingMode(values, reason, out);
  for (const dir of values.permissions.additionalDirectories) {
    out.push(ignored(`permissions.additionalDirectories entry "${dir.value}"`, dir, reason));
  }
  values.permissions.additionalDirectories = [];
  // Values are never repeated in messages: they may be secrets.
  for (const [name, entry] of Object.entries(values.env)) out.push(ignored(`env variable "${name}"`, entry, reason));
  values.env = Object.create(null) as SettingsValues['env'];
  if (values.apiKeyHelper) {
    out.push(ignored('apiKeyHelper', values.apiKeyHelper, reason));
    delete values.apiKeyHelper;
  }
  if (values.enableAllProjectMcpServers?.value === true) {
    out.push(ignored('enableAllProjectMcpServers', values.enableAllProjectMcpServers, reason));
    delete values.enableAllProjectMcpServers;
  }
  for (const server of values.enabledMcpjsonServers) {
    out.push(ignored(`enabledMcpjsonServers entry "${server.value}"`, server, reason));
  }
  values.enabledMcpjsonServers = [];
  return out;
}

/** Any file while the managed policy is broken: no allow rules, no relaxing mode. */
export function gateManagedFailure(values: SettingsValues): Diagnostic[] {
  const out: Diagnostic[] = [];
  dropRules(values, MANAGED_FAILURE_REASON, out);
  dropRelaxingMode(values, MANAGED_FAILURE_REASON, out);
  return out;
}
