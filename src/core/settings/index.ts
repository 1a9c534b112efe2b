/** The settings layer: reading, validating and merging settings files, and saving rules. */
export * from './types';
export { loadSettings, type LoadSettingsOptions, type ManagedFailure } from './loadSettings';
export {
  defaultManagedSettingsPath,
  managedDropInDir,
  projectSettingsPath,
  settingsFilePaths,
  type SettingsFileLocation,
  type SettingsPathOptions,
} from './paths';
export { validateSettingsFile } from './validateFile';
export { validateMcpJson } from './mcpJson';
export { mcpJsonSchema, mcpServerSchema, type McpJson } from './mcpSchema';
export { COMMAND_LINE_FILE, splitToolList } from './commandLineRules';
export { parseRuleText, ruleSetOf, type RuleParseResult } from './rules';
export { formatDiagnostic } from './diagnostics';
export { mcpJsonJsonSchema, SETTINGS_SCHEMA_FILE, settingsJsonSchema } from './jsonSchema';
export { settingsFileSchema, type SettingsFile } from './schema';
export {
  addPermissionRule,
  LOCAL_SETTINGS_GITIGNORE_ENTRY,
  type AddPermissionRuleOptions,
  type AddPermissionRuleResult,
} from './addPermissionRule';
export { SettingsWriteError, type SettingsWriteErrorCode } from './errors';
export { nodeSettingsFileSystem, type SettingsFileSystem, type SettingsWriteFileSystem } from './fileSystem';
export { gitCheckIgnore, type GitIgnoreCheck } from './gitignore';
