/** MCP servers: definitions, approvals pinned to definitions, policy, clients and their tools. */
export * from './types';
export { FileMcpApprovalStore, McpApprovalsFileError, type McpApprovalStore, type StoredApproval } from './approvals';
export { canonicalDefinition, canonicalJson, definitionHash } from './definitionHash';
export { describeDefinition, describeTarget, variablesUsed } from './describe';
export { expandServer, McpVariableError, type ExpandedServer } from './expand';
export { evaluateMcpServers, type EvaluatedMcp, type EvaluateMcpOptions } from './evaluate';
export { McpManager, McpServerNotRunningError, type EvaluatedServer, type McpLogLevel, type McpManagerOptions } from './manager';
export { normalizeServerName, qualifiedToolName } from './mcpTools';
export { evaluatePolicy, type PolicyContext, type ServerFacts } from './policy';
export { claudeJsonPath, loadMcpServers, McpConfigError, projectMcpJsonPath, type LoadedMcpServers, type McpSourceProblem } from './serverSources';
export { startMcpForRun, type McpForRun, type StartMcpForRunOptions } from './startForRun';
export { McpApprovalError, McpWorkspace, type McpPolicyInputs, type McpWorkspaceOptions } from './workspace';
