/**
 * The zod schema of one settings file (`.claude/settings.json` and friends), as Claude Code reads
 * it. Objects are loose: keys AgentGate does not know are kept (and reported as warnings) so a
 * file written for a newer tool still loads. Every key has a description: the generated JSON
 * Schema shows them as hover text in the editor.
 */
import { z } from 'zod';
import { parseRuleText } from './rules';
import type { PermissionMode } from './types';

/** `params.kind` of the issue a malformed permission rule raises. */
export const RULE_ISSUE = 'rule';

/** A permission rule: `Tool` or `Tool(specifier)`, checked with the rule grammar. */
export const ruleStringSchema = z.string().superRefine((text, ctx) => {
  const parsed = parseRuleText(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error, params: { kind: RULE_ISSUE } });
});

function ruleList(description: string) {
  return z.array(ruleStringSchema).optional().describe(description);
}

export const permissionModeSchema = z.enum(['default', 'acceptEdits', 'plan', 'bypassPermissions'] satisfies PermissionMode[]);

export const permissionsSchema = z.looseObject({
  allow: ruleList(
    'Rules for actions AgentGate may take without asking, e.g. "Bash(npm run test:*)", "Read(./src/**)", ' +
      '"WebFetch(domain:example.com)". Deny and ask rules take precedence. In project settings they apply ' +
      'only once the workspace is trusted.',
  ),
  ask: ruleList('Rules for actions that always ask first, even when an allow rule or the permission mode would allow them.'),
  deny: ruleList(
    'Rules for actions that are always refused, whatever any other setting says. A bare tool name such as "WebFetch" ' +
      'removes the tool entirely.',
  ),
  defaultMode: permissionModeSchema.optional().meta({
    description: 'The permission mode a session starts in.',
    enumDescriptions: [
      'Ask before anything that no rule allows.',
      'Also allow file edits inside the working directories (protected paths such as .git/ still ask).',
      'Read-only: nothing that writes files or runs commands.',
      'Allow everything that is not denied. Use only inside a sandbox.',
    ],
  }),
  additionalDirectories: z
    .array(z.string().min(1))
    .optional()
    .describe(
      'Extra folders the agent may work in besides the workspace. Relative paths resolve against the project ' +
        'root (the home folder for user settings); "~/" means the home folder.',
    ),
  disableBypassPermissionsMode: z
    .literal('disable')
    .optional()
    .describe('Set to "disable" to forbid the bypassPermissions mode.'),
});

const nonEmptyString = z.string().min(1);

export const mcpServerMatcherSchema = z.union([
  z.strictObject({ serverName: nonEmptyString.describe('The server name, as the key under "mcpServers".') }),
  z.strictObject({
    serverCommand: z
      .array(z.string())
      .min(1)
      .describe('The exact command and arguments that start a local (stdio) server, e.g. ["npx", "-y", "server"].'),
  }),
  z.strictObject({
    serverUrl: nonEmptyString.describe('The URL of a remote server; "*" matches any characters, e.g. "https://*.example.com/*".'),
  }),
]);

const serverNameList = (description: string) => z.array(nonEmptyString).optional().describe(description);

export const settingsFileSchema = z
  .looseObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    permissions: permissionsSchema.optional().describe('Permission rules and the starting permission mode.'),
    env: z
      .record(z.string(), z.string())
      .optional()
      .describe(
        'Environment variables for the agent and the commands it runs. In project settings they apply only once ' +
          'the workspace is trusted.',
      ),
    apiKeyHelper: nonEmptyString
      .optional()
      .describe(
        'A shell command whose output is used as the API key. In project settings it applies only once the ' +
          'workspace is trusted.',
      ),
    cleanupPeriodDays: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('How many days chat transcripts are kept before they are deleted.'),
    model: nonEmptyString.optional().describe('The model to use instead of the default, e.g. "claude-sonnet-4-5".'),
    enableAllProjectMcpServers: z
      .boolean()
      .optional()
      .describe('Approve every server in the project\'s .mcp.json at once (only once the workspace is trusted).'),
    enabledMcpjsonServers: serverNameList('Servers from the project\'s .mcp.json that are approved, by name.'),
    disabledMcpjsonServers: serverNameList(
      'Servers from the project\'s .mcp.json that never start, by name. A rejection at any level wins.',
    ),
    allowedMcpServers: z
      .array(mcpServerMatcherSchema)
      .optional()
      .describe(
        'Managed policy only: the MCP servers that may run, by serverName, serverCommand or serverUrl. ' +
          'Unset allows every server; [] allows none.',
      ),
    deniedMcpServers: z
      .array(mcpServerMatcherSchema)
      .optional()
      .describe('MCP servers that may never run, by serverName, serverCommand or serverUrl. Denial wins over allowance.'),
  })
  .describe('Settings for AgentGate and Claude Code.');

export type SettingsFile = z.infer<typeof settingsFileSchema>;

/** Keys this version understands; anything else is kept and reported as unknown. */
export const KNOWN_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(Object.keys(settingsFileSchema.shape));
export const KNOWN_PERMISSION_KEYS: ReadonlySet<string> = new Set(Object.keys(permissionsSchema.shape));

/**
 * Claude Code settings that AgentGate recognises but does not support (reported as information,
 * not as possible typos). Hooks in particular never run in AgentGate.
 */
export const UNSUPPORTED_CLAUDE_CODE_KEYS: ReadonlySet<string> = new Set([
  'hooks',
  'disableAllHooks',
  'statusLine',
  'includeCoAuthoredBy',
  'outputStyle',
  'forceLoginMethod',
  'forceLoginOrgUUID',
  'awsAuthRefresh',
  'awsCredentialExport',
  'otelHeadersHelper',
  'spinnerTipsEnabled',
  'alwaysThinkingEnabled',
  'enabledPlugins',
  'extraKnownMarketplaces',
  'sandbox',
  'companyAnnouncements',
]);
