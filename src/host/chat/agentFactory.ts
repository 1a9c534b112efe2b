/**
 * Builds agent sessions for the panel from core's services: settings, provider (with the key from
 * secret storage), the permission engine with the current mode, the tools (none in Restricted
 * Mode), the panel's prompter, the transcript writer. Only composition: no agent logic here.
 */
import { randomUUID } from 'node:crypto';
import { gatherEnvironment } from '../../core/agent/environment';
import { AgentSession } from '../../core/agent/loop';
import { loadMemoryFiles } from '../../core/agent/memory';
import { buildSystemPrompt } from '../../core/agent/systemPrompt';
import { transcriptPath, TranscriptWriter } from '../../core/agent/transcript';
import { findTranscript, loadTranscript } from '../../core/agent/transcriptReader';
import type { ApprovalPrompter, EventSink } from '../../core/agent/types';
import { modelWebDigester } from '../../core/agent/webDigester';
import { decideBash } from '../../core/permissions/bash/decide';
import { PermissionEngine } from '../../core/permissions/engine';
import { resolveProviderConfig } from '../../core/providers/config';
import { createModelProvider } from '../../core/providers/createProvider';
import { credentialValues, withSettingsEnv } from '../../core/providers/environment';
import { addPermissionRule } from '../../core/settings';
import type { EffectiveSettings, PermissionMode } from '../../core/settings/types';
import { builtinTools, NodeProcessRunner, nodeFetchText, SessionReadTracker } from '../../core/tools/index';
import type { AgentTool, FileSystem } from '../../core/tools/types';

interface Disposable {
  dispose(): void;
}
import { AgentSetupError, type AgentRunner, type SessionFactory } from './sessionFactory';

export interface AgentFactoryDeps {
  home: string;
  cwd(): string | undefined;
  workspaceFolders(): string[];
  /**
   * Before the agent acts in a folder: VS Code's Restricted Mode ('restricted': no tools), else
   * AgentGate's trust of the folder, asking the person the first time (settings are reloaded
   * when the answer changes them).
   */
  ensureTrust(folder: string): Promise<'trusted' | 'untrusted' | 'restricted'>;
  /** The folder's MCP tools (servers started only when approved and allowed by policy). */
  mcpTools(folder: string): Promise<AgentTool[]>;
  mode(): PermissionMode;
  settings(): Promise<EffectiveSettings | undefined>;
  /** Reloads settings after a rule was saved. */
  reloadSettings(): Promise<unknown>;
  storedApiKey(): Promise<string | undefined>;
  prompter: ApprovalPrompter;
  fs: FileSystem;
  /** Where the shell grammar's wasm files are (the extension's dist folder). */
  wasmDir: string;
  env: NodeJS.ProcessEnv;
}

export class AgentFactory implements SessionFactory, Disposable {
  private readonly processes = new NodeProcessRunner();

  constructor(private readonly deps: AgentFactoryDeps) {}

  async create(sink: EventSink, resume?: { sessionId: string }): Promise<AgentRunner> {
    const { deps } = this;
    const cwd = deps.cwd();
    if (cwd === undefined) throw new AgentSetupError('Open a folder first: AgentGate works inside a workspace folder.');
    const trust = await deps.ensureTrust(cwd);
    const settings = await deps.settings();
    if (settings === undefined) throw new AgentSetupError('The workspace settings could not be loaded; see the AgentGate log.');
    const env = withSettingsEnv(deps.env, settings);
    let config;
    try {
      // As in Claude Code: ANTHROPIC_MODEL beats the settings' model.
      config = resolveProviderConfig(env, settings.model && !env.ANTHROPIC_MODEL ? { model: settings.model.value } : {});
    } catch (error) {
      throw new AgentSetupError(error instanceof Error ? error.message : String(error), { cause: error });
    }
    const provider = createModelProvider(config, {
      env,
      cwd,
      storedApiKey: deps.storedApiKey,
      ...(settings.apiKeyHelper ? { apiKeyHelper: settings.apiKeyHelper.value } : {}),
    });
    const storedKeys: string[] = [];
    const workspaceFolders = deps.workspaceFolders();
    const engine = new PermissionEngine((input) => decideBash(input, { wasmDir: deps.wasmDir }));
    const decide = async (request: Parameters<PermissionEngine['decide']>[0]) => {
      const current = (await deps.settings()) ?? settings;
      return engine.decide(request, { cwd, workspaceFolders, home: deps.home, settings: current, mode: deps.mode() });
    };
    const memory = await loadMemoryFiles({ cwd, home: deps.home });
    const system = buildSystemPrompt(await gatherEnvironment({ cwd, workspaceFolders }), memory.files);
    const resumed = resume ? await loadTranscript(await findTranscript(deps.home, cwd, resume.sessionId), resume.sessionId) : undefined;
    const sessionId = resumed?.sessionId ?? randomUUID();
    const fixedSecrets = credentialValues(env);
    const stored = await deps.storedApiKey();
    if (stored) storedKeys.push(stored);
    const transcript = await TranscriptWriter.open(resumed?.file ?? transcriptPath(deps.home, cwd, sessionId), { secrets: () => [...fixedSecrets, ...storedKeys] });
    const session = new AgentSession({
      sessionId,
      provider,
      model: config.model,
      system,
      tools: trust === 'restricted' ? [] : [...builtinTools, ...(await deps.mcpTools(cwd))],
      toolContext: {
        cwd,
        workspaceFolders,
        fs: deps.fs,
        processes: this.processes,
        reads: new SessionReadTracker(),
        web: modelWebDigester(provider, config.models.haiku),
        fetchText: nodeFetchText,
      },
      decide,
      approvals: {
        prompter: deps.prompter,
        saveRule: async (rule, scope) => {
          await addPermissionRule({ workspace: cwd, scope, list: 'allow', rule });
          await deps.reloadSettings();
        },
      },
      sink,
      recorders: [transcript],
      ...(resumed ? { resume: { messages: resumed.messages, completed: resumed.completed } } : {}),
    });
    return {
      sessionId,
      run: (prompt, signal) => session.run(prompt, signal),
      close: () => transcript.close(),
    };
  }

  /** Stops every command the agent still runs (deactivation). */
  dispose(): void {
    this.processes.dispose();
  }
}
