/**
 * Whether an MCP server may start, decided before anything is spawned, in this order:
 * 1. `deniedMcpServers` (by serverName, serverCommand or serverUrl) wins over everything;
 * 2. the managed `allowedMcpServers` (unset: every server; `[]`: none);
 * 3. `disabledMcpjsonServers` for `.mcp.json` servers (a rejection at any level wins);
 * 4. `.mcp.json` servers: the workspace must be trusted, then the server must be enabled by
 *    `enableAllProjectMcpServers` or `enabledMcpjsonServers` (which the settings layer keeps only
 *    from user, managed, command-line or trusted project levels) or by a stored approval pinned
 *    to the current definition; otherwise it awaits approval;
 * 5. the person's own servers (user, local, --mcp-config) start as configured.
 * While the managed policy cannot be loaded, no server starts at all (fail closed).
 */
import { LEVEL_LABEL, type EffectiveSettings, type Source } from '../settings/types';
import type { StoredApproval } from './approvals';
import type { ExpandedServer } from './expand';
import { allowForms, allowListAdmits, denyForms, describeMatcher, matcherMatches } from './serverMatchers';
import { SCOPE_LABEL, type McpServerEntry, type PolicyResult, type PolicyState } from './types';

export interface PolicyContext {
  settings: EffectiveSettings;
  /** Whether the person trusts the workspace (the trust store, or VS Code's answer). */
  trusted: boolean;
}

/** What is known about one server before it could start. */
export interface ServerFacts {
  entry: McpServerEntry;
  /** definitionHash of the definition as written. */
  hash: string;
  /** The filled-in definition, when every variable is set. */
  expanded?: ExpandedServer;
  /** The stored approval under this server's name, whatever definition it was for. */
  approval?: StoredApproval;
  /** Why stored approvals could not be read (nothing counts as approved then). */
  approvalError?: string;
}

function from(source: Source): string {
  return `${LEVEL_LABEL[source.level]} (${source.file})`;
}

export function evaluatePolicy(facts: ServerFacts, ctx: PolicyContext): PolicyResult {
  const { entry } = facts;
  const { settings } = ctx;
  const result = (state: PolicyState, reason: string): PolicyResult => ({ name: entry.name, scope: entry.scope, state, reason });

  if (settings.managedFailure) {
    return result(
      'blockedByPolicy',
      `The managed policy (${settings.managedFailure.file}) could not be loaded, so no MCP server starts until an administrator fixes it.`,
    );
  }

  const denyAgainst = denyForms(entry, facts.expanded);
  const denied = settings.deniedMcpServers.find((matcher) => matcherMatches(matcher.value, denyAgainst));
  if (denied) return result('blockedByPolicy', `Denied by deniedMcpServers entry ${describeMatcher(denied.value)} in ${from(denied.source)}.`);

  const allowList = settings.allowedMcpServers;
  if (allowList !== undefined) {
    const admitted = allowListAdmits(allowList.value, allowForms(entry, facts.expanded));
    if (!admitted) {
      const why = allowList.value.length === 0 ? 'which is empty: no MCP server may run' : 'and this server matches none of its entries';
      return result('blockedByPolicy', `Not in allowedMcpServers in ${from(allowList.source)}, ${why}.`);
    }
  }

  if (entry.scope !== 'project') return result('ready', `Configured by you in ${SCOPE_LABEL[entry.scope]}: ${entry.file}.`);

  const disabled = settings.disabledMcpjsonServers.find((name) => name.value === entry.name);
  if (disabled) return result('disabled', `Listed in disabledMcpjsonServers in ${from(disabled.source)}.`);

  if (!ctx.trusted || !settings.trusted) {
    return result(
      'untrustedWorkspace',
      "This folder is not trusted, so its .mcp.json servers do not start. Trust the folder first (VS Code's prompt, or 'agentgate trust').",
    );
  }

  if (settings.enableAllProjectMcpServers?.value === true) {
    return result('ready', `Enabled by enableAllProjectMcpServers in ${from(settings.enableAllProjectMcpServers.source)}.`);
  }
  const enabled = settings.enabledMcpjsonServers.find((name) => name.value === entry.name);
  if (enabled) return result('ready', `Enabled by enabledMcpjsonServers in ${from(enabled.source)}.`);

  if (facts.approvalError !== undefined) {
    return result('awaitingApproval', `Stored approvals could not be read, so none counts: ${facts.approvalError}`);
  }
  const approval = facts.approval;
  if (approval?.sha256 === facts.hash) return result('ready', `Approved on ${approval.approvedAt} (pinned to this exact definition).`);
  if (approval !== undefined) {
    return result(
      'awaitingApproval',
      `The definition in .mcp.json changed since you approved it on ${approval.approvedAt}; approve the new definition to start it.`,
    );
  }
  return result('awaitingApproval', 'New in .mcp.json: approve it to start it (it runs code from this repository).');
}
