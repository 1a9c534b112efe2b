/**
 * Turns the loop's ApprovalRequest into what the panel shows: the exact command, URL or call,
 * the engine's description, its reason, and the rules "Always allow" would save. Never imports
 * vscode, so it is unit-tested in plain Node.
 */
import type { ApprovalRequest } from '../../core/agent/types';
import type { PermissionPrompt } from '../../protocol/messages';

export const SCOPE_FILES = { local: '.claude/settings.local.json', project: '.claude/settings.json' } as const;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

export function promptFor(request: ApprovalRequest): PermissionPrompt {
  const { tool, input, decision } = request;
  const base = {
    tool,
    reason: decision.reason,
    subcommands: (decision.bash?.subcommands ?? []).map(({ command, decision: verdict, reason }) => ({ command, decision: verdict, reason })),
    scopeFiles: { ...SCOPE_FILES },
  };
  if (tool === 'Bash') {
    return {
      ...base,
      kind: 'bash',
      title: 'Run a shell command',
      subject: str(input.command) ?? '',
      description: decision.bash?.description ?? str(input.description) ?? null,
      suggestions: decision.bash?.suggestions ?? [],
    };
  }
  if (tool === 'WebFetch') {
    const url = str(input.url) ?? '';
    const host = hostOf(url);
    return {
      ...base,
      kind: 'webFetch',
      title: 'Fetch a web page',
      subject: url,
      description: host ? `Downloads this page from ${host} and gives the model a digest of it.` : 'Downloads this page and gives the model a digest of it.',
      suggestions: host ? [`WebFetch(domain:${host})`] : [],
    };
  }
  if (tool === 'ExitPlanMode') {
    const plan = str(input.plan) ?? '';
    return { ...base, kind: 'plan', title: 'Proceed with this plan?', subject: plan, description: null, suggestions: [], plan };
  }
  const mcp = /^mcp__(.+?)__(.+)$/.exec(tool);
  if (mcp) {
    return {
      ...base,
      kind: 'mcp',
      title: `Use the tool “${mcp[2]}” of MCP server “${mcp[1]}”`,
      subject: JSON.stringify(input, null, 2),
      description: null,
      suggestions: [tool],
    };
  }
  const file = str(input.file_path) ?? str(input.path);
  return {
    ...base,
    kind: 'other',
    title: file ? `${tool}: ${file}` : `Use the ${tool} tool`,
    subject: JSON.stringify(input, null, 2),
    description: null,
    suggestions: [],
  };
}
