/**
 * The shape of merged settings as the rest of core consumes it. Every value keeps where it came
 * from, so the panel and the CLI can explain any decision.
 */

/** Settings levels, highest precedence first (see PERMISSIONS.md). */
export type SettingsLevel = 'managed' | 'cli' | 'local' | 'project' | 'user';
export const SETTINGS_LEVELS: readonly SettingsLevel[] = ['managed', 'cli', 'local', 'project', 'user'];

export const LEVEL_LABEL: Record<SettingsLevel, string> = {
  managed: 'managed policy',
  cli: 'command line',
  local: 'local project settings',
  project: 'project settings',
  user: 'user settings',
};

/** 1-based line and column in a file. */
export interface Position {
  line: number;
  column: number;
}

export interface Source {
  level: SettingsLevel;
  /** Absolute path of the file, or `<command line>` for `--allowedTools` / `--disallowedTools`. */
  file: string;
  /** Where the value stands in the file, when it came from a file. */
  position?: Position;
  /**
   * The folder that `/x` path rules from this file resolve against: the project root for the
   * project and local files, the home folder for user settings, `/` for managed policy, the
   * working directory for the command line.
   */
  root: string;
}

export interface Sourced<T> {
  value: T;
  source: Source;
}

export type RuleList = 'allow' | 'ask' | 'deny';

/** A permission rule as written (`Tool` or `Tool(specifier)`), parsed. */
export interface ParsedRule {
  /** The rule exactly as written in the settings file. */
  raw: string;
  tool: string;
  /** The text inside the parentheses; undefined for a bare tool rule. */
  specifier?: string;
  list: RuleList;
  source: Source;
}

/** Parsed permission rules by list, each list highest precedence first. */
export type RuleSet = Record<RuleList, ParsedRule[]>;

export type PermissionMode = 'default' | 'acceptEdits' | 'plan' | 'bypassPermissions';
export const PERMISSION_MODES: readonly PermissionMode[] = ['default', 'acceptEdits', 'plan', 'bypassPermissions'];

export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  file: string;
  position?: Position;
  /** Plain language: what is wrong and how to fix it. */
  message: string;
}

/** Managed `allowedMcpServers` / `deniedMcpServers` entries. */
export type McpServerMatcher = { serverName: string } | { serverCommand: string[] } | { serverUrl: string };

export type FileStatus = 'loaded' | 'missing' | 'invalid' | 'unreadable';

export interface SettingsFileReport {
  level: SettingsLevel;
  file: string;
  status: FileStatus;
}

export interface EffectiveSettings {
  permissions: {
    allow: Sourced<string>[];
    ask: Sourced<string>[];
    deny: Sourced<string>[];
    defaultMode?: Sourced<PermissionMode>;
    /** Absolute paths. */
    additionalDirectories: Sourced<string>[];
    disableBypassPermissionsMode?: Sourced<'disable'>;
  };
  env: Record<string, Sourced<string>>;
  apiKeyHelper?: Sourced<string>;
  cleanupPeriodDays?: Sourced<number>;
  model?: Sourced<string>;
  enableAllProjectMcpServers?: Sourced<boolean>;
  enabledMcpjsonServers: Sourced<string>[];
  disabledMcpjsonServers: Sourced<string>[];
  /** Unset: every server allowed. `[]`: none. Only managed policy may set it. */
  allowedMcpServers?: Sourced<McpServerMatcher[]>;
  deniedMcpServers: Sourced<McpServerMatcher>[];
  /**
   * Set when a managed policy file exists but cannot be read or validated. AgentGate then fails
   * closed: see `failClosed` in the permission engine.
   */
  managedFailure?: { file: string; message: string };
  /**
   * `permissions.allow|ask|deny` parsed, in the same order and with the same provenance: what the
   * permission engine matches against. The lists above keep the rules as written, for display.
   */
  rules: RuleSet;
  /** Whether the workspace was trusted when these settings were merged. */
  trusted: boolean;
  files: SettingsFileReport[];
  diagnostics: Diagnostic[];
}
