import type { EffectiveSettings, PermissionMode, Source } from '../settings/types';

export type DecisionKind = 'allow' | 'ask' | 'deny';

/** What the agent wants to do: a tool name and the input as the model sent it. */
export interface ToolRequest {
  tool: string;
  input: Record<string, unknown>;
}

/** One simple command of a shell command line, and what the engine decided for it. */
export interface SubcommandDecision {
  /** The simple command as written. */
  command: string;
  decision: DecisionKind;
  reason: string;
  rule: string | null;
  source: Source | null;
}

export interface BashDetail {
  /** One line in plain language: commands run, files written, network use. */
  description: string;
  subcommands: SubcommandDecision[];
  /** "Always allow" suggestions, e.g. `Bash(npm run test:*)`; at most 5. */
  suggestions: string[];
}

/**
 * A decision is a value. `reason` is one sentence a user understands; `rule` is the rule as
 * written (null when no rule decided); `source` is the file and level it came from.
 */
export interface Decision {
  decision: DecisionKind;
  reason: string;
  rule: string | null;
  source: Source | null;
  bash?: BashDetail;
}

export interface PermissionContext {
  /** The agent's working directory (absolute). */
  cwd: string;
  /** Workspace folders (absolute). additionalDirectories from settings are added by the engine. */
  workspaceFolders: string[];
  home: string;
  settings: EffectiveSettings;
  mode: PermissionMode;
}
