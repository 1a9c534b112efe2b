/**
 * Every MCP server of a workspace with policy's verdict, without starting anything: the input
 * of `agentgate mcp list`, of the VS Code tree and of the manager.
 */
import type { EffectiveSettings } from '../settings/types';
import { McpApprovalsFileError, type McpApprovalStore } from './approvals';
import { definitionHash } from './definitionHash';
import { expandServer, McpVariableError } from './expand';
import type { EvaluatedServer } from './manager';
import { evaluatePolicy, type ServerFacts } from './policy';
import { loadMcpServers, type McpSourceProblem } from './serverSources';
import type { McpServerEntry } from './types';

export interface EvaluateMcpOptions {
  cwd: string;
  home: string;
  settings: EffectiveSettings;
  /** Whether the person trusts the workspace. */
  trusted: boolean;
  approvals: McpApprovalStore;
  /** For `${VAR}` expansion. */
  env: NodeJS.ProcessEnv;
  mcpConfigFiles?: readonly string[];
}

export interface EvaluatedMcp {
  servers: EvaluatedServer[];
  problems: McpSourceProblem[];
}

async function factsOf(entry: McpServerEntry, options: EvaluateMcpOptions): Promise<{ facts: ServerFacts; expandError?: string }> {
  const facts: ServerFacts = { entry, hash: definitionHash(entry.config) };
  let expandError: string | undefined;
  try {
    facts.expanded = expandServer(entry.name, entry.config, options.env);
  } catch (error) {
    if (!(error instanceof McpVariableError)) throw error;
    expandError = error.message;
  }
  if (entry.scope === 'project') {
    try {
      const approval = await options.approvals.approval(options.cwd, entry.name);
      if (approval) facts.approval = approval;
    } catch (error) {
      if (!(error instanceof McpApprovalsFileError)) throw error;
      facts.approvalError = error.message;
    }
  }
  return expandError === undefined ? { facts } : { facts, expandError };
}

export async function evaluateMcpServers(options: EvaluateMcpOptions): Promise<EvaluatedMcp> {
  const { servers, problems } = await loadMcpServers({ cwd: options.cwd, home: options.home, mcpConfigFiles: options.mcpConfigFiles ?? [] });
  const evaluated: EvaluatedServer[] = [];
  for (const entry of servers) {
    const { facts, expandError } = await factsOf(entry, options);
    const policy = evaluatePolicy(facts, { settings: options.settings, trusted: options.trusted });
    const server: EvaluatedServer = { entry, hash: facts.hash, policy };
    if (facts.expanded) server.expanded = facts.expanded;
    if (expandError !== undefined) server.expandError = expandError;
    evaluated.push(server);
  }
  return { servers: evaluated, problems };
}
