import type { DecideFn } from '../core/agent/approval';
import { modelWebDigester } from '../core/agent/webDigester';
import { decideBash } from '../core/permissions/bash/decide';
import { PermissionEngine } from '../core/permissions/engine';
import { credentialValues, withSettingsEnv } from '../core/providers/environment';
import { createModelProvider, resolveProviderConfig, type Env, type ModelProvider } from '../core/providers/index';
import { startMcpForRun } from '../core/mcp/startForRun';
import { formatDiagnostic, loadSettings } from '../core/settings';
import { COMMAND_LINE_FILE } from '../core/settings/commandLineRules';
import type { EffectiveSettings, PermissionMode } from '../core/settings/types';
import { builtinTools, NodeFileSystem, nodeFetchText, NodeProcessRunner, SessionReadTracker } from '../core/tools/index';
import type { AgentTool, ToolContext } from '../core/tools/types';
import { FileTrustStore } from '../core/trust/trustStore';
import { UsageError } from './io';
import type { RunArgs } from './runArgs';

/** Everything a headless session needs, built from the settings, the trust store and the environment. */
export interface RunServices {
  settings: EffectiveSettings;
  mode: PermissionMode;
  provider: ModelProvider;
  model: string;
  tools: readonly AgentTool[];
  toolContext: Omit<ToolContext, 'signal'>;
  decide: DecideFn;
  /** Secret values (API keys, tokens) that must never be written to a transcript. */
  secrets(): readonly string[];
  /** Stops the MCP servers and any process the session left running. */
  dispose(): Promise<void>;
}


export async function createRunServices(options: { args: RunArgs; cwd: string; home: string; env: NodeJS.ProcessEnv; warn(text: string): void }): Promise<RunServices> {
  const { args, cwd, home, warn } = options;
  const trusted = await FileTrustStore.forHome(home).isTrusted(cwd);
  const settings = await loadSettings({
    cwd,
    home,
    trusted,
    allowedTools: args.allowedTools,
    disallowedTools: args.disallowedTools,
    cliSettingsFiles: args.settingsFiles,
  });
  const badRule = settings.diagnostics.find((d) => d.file === COMMAND_LINE_FILE && d.severity !== 'info');
  if (badRule !== undefined) throw new UsageError(`run: ${badRule.message}`);
  for (const diagnostic of settings.diagnostics) warn(formatDiagnostic(diagnostic, cwd));

  const env: Env = withSettingsEnv(options.env, settings);
  // As in Claude Code: --model, then ANTHROPIC_MODEL, then the settings' model, then the default.
  const model = args.model ?? (env.ANTHROPIC_MODEL ? undefined : settings.model?.value);
  const config = resolveProviderConfig(env, model ? { model } : {});
  const provider = createModelProvider(config, { env, cwd, ...(settings.apiKeyHelper ? { apiKeyHelper: settings.apiKeyHelper.value } : {}) });
  const mode = args.permissionMode ?? settings.permissions.defaultMode?.value ?? 'default';
  const engine = new PermissionEngine(decideBash);
  const mcp = await startMcpForRun({ cwd, home, settings, trusted: settings.trusted, mcpConfigFiles: args.mcpConfigFiles, env: options.env });
  for (const problem of mcp.problems) warn(`MCP: ${problem.file}: ${problem.message}`);
  for (const server of mcp.report.filter((s) => s.state !== 'running')) {
    const tail = server.stderrTail.length > 0 ? `\n  ${server.stderrTail.join('\n  ')}` : '';
    warn(`MCP server "${server.name}" (${server.scope}) is ${server.state}: ${server.reason}${tail}`);
  }
  const processes = new NodeProcessRunner();
  const permissionContext = { cwd, workspaceFolders: [cwd], home, settings, mode };
  const decide: DecideFn = (request) => engine.decide(request, permissionContext);
  const fixedSecrets = credentialValues(env);
  return {
    settings,
    mode,
    provider,
    model: config.model,
    tools: [...builtinTools, ...mcp.tools],
    toolContext: {
      cwd,
      workspaceFolders: [cwd],
      fs: new NodeFileSystem(),
      processes,
      reads: new SessionReadTracker(),
      web: modelWebDigester(provider, config.models.haiku),
      fetchText: nodeFetchText,
    },
    decide,
    secrets: () => fixedSecrets,
    dispose: async () => {
      processes.dispose();
      await mcp.dispose();
    },
  };
}
