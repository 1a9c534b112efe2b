/**
 * `agentgate mcp list|approve|revoke`: the MCP servers of a folder, what policy decides about
 * each and why, and approvals of the repository's `.mcp.json` servers (shared with VS Code
 * through ~/.agentgate/mcp-approvals.json). Approving shows exactly what is approved; the
 * approval is pinned to the definition's hash, so any later change asks again.
 */
import { describeDefinition, describeTarget } from '../core/mcp/describe';
import { FileMcpApprovalStore } from '../core/mcp/approvals';
import { evaluateMcpServers, type EvaluatedMcp } from '../core/mcp/evaluate';
import type { EvaluatedServer } from '../core/mcp/manager';
import { SCOPE_LABEL, transportOf, type PolicyState } from '../core/mcp/types';
import { parseCommandLine } from './args';
import { ExitCode, type CliIo, UsageError } from './io';
import { type LoadedSources, loadSources, sourceHelp, sourceOptions } from './sources';

export const mcpHelp = `agentgate mcp list [options] [--json]
agentgate mcp approve NAME|--all [options]
agentgate mcp revoke NAME|--all [options]
  The MCP servers of a folder: the repository's .mcp.json (project), yours in ~/.claude.json
  (user, and local for this folder) and --mcp-config files, with what policy decides for each.
  A .mcp.json server starts only in a trusted folder and once approved; the approval is pinned
  to the server's exact definition (command, arguments, env, URL, headers): any change asks
  again. Approvals are stored in ~/.agentgate/mcp-approvals.json, shared with VS Code.
  list             every server: scope, state, reason, and the full command line or URL
  approve NAME     show what NAME runs and approve exactly that definition
  approve --all    approve every server currently in .mcp.json
  revoke NAME      take an approval back (--all: every approval for this folder)
${sourceHelp}
  --mcp-config FILE  also list the servers of FILE (repeatable; as agentgate run takes them)
  --json           list: print a JSON array`;

const STATE_LABEL: Record<PolicyState, string> = {
  awaitingApproval: 'awaiting approval',
  blockedByPolicy: 'blocked by policy',
  disabled: 'disabled',
  untrustedWorkspace: 'untrusted workspace',
  ready: 'ready',
};

const options = {
  ...sourceOptions,
  all: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  'mcp-config': { type: 'string', multiple: true },
} as const;

async function evaluate(sources: LoadedSources, io: CliIo, mcpConfigFiles: readonly string[] = []): Promise<EvaluatedMcp> {
  const result = await evaluateMcpServers({
    cwd: sources.cwd,
    home: sources.home,
    settings: sources.settings,
    trusted: sources.trusted,
    approvals: FileMcpApprovalStore.forHome(sources.home),
    env: io.env,
    mcpConfigFiles,
  });
  for (const problem of result.problems) io.stderr(`${problem.severity}: ${problem.message}\n`);
  return result;
}

function listText(sources: LoadedSources, servers: readonly EvaluatedServer[]): string {
  const head = `MCP servers for ${sources.cwd} (${sources.trusted ? 'trusted' : 'not trusted'}):\n`;
  if (servers.length === 0) return `${head}  none (no .mcp.json here, no servers in ~/.claude.json)\n`;
  const blocks = servers.map(({ entry, policy, hash }) => {
    const lines = [`  ${entry.name}  [${SCOPE_LABEL[entry.scope]}]  ${STATE_LABEL[policy.state]}`];
    lines.push(`    ${transportOf(entry.config) === 'stdio' ? 'runs' : `connects (${transportOf(entry.config)}) to`}: ${describeTarget(entry.config)}`);
    lines.push(`    ${policy.reason}`);
    if (policy.state === 'awaitingApproval') lines.push(`    To approve it: agentgate mcp approve ${entry.name}${sources.cwd === process.cwd() ? '' : ` --cwd ${sources.cwd}`}`);
    lines.push(`    defined in ${entry.file}${entry.scope === 'project' ? `; definition SHA-256 ${hash}` : ''}`);
    return lines.join('\n');
  });
  return `${head}${blocks.join('\n')}\n`;
}

function listJson(servers: readonly EvaluatedServer[]): string {
  const rows = servers.map(({ entry, policy, hash }) => ({
    name: entry.name,
    scope: entry.scope,
    state: policy.state,
    reason: policy.reason,
    transport: transportOf(entry.config),
    target: describeTarget(entry.config),
    ...(entry.config.command === undefined ? {} : { command: entry.config.command, args: entry.config.args ?? [] }),
    ...(entry.config.url === undefined ? {} : { url: entry.config.url }),
    file: entry.file,
    sha256: hash,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function pick(servers: readonly EvaluatedServer[], name: string | undefined, all: boolean, verb: string): EvaluatedServer[] {
  const project = servers.filter((server) => server.entry.scope === 'project');
  if (all) {
    if (project.length === 0) throw new UsageError(`mcp ${verb}: there are no servers in this folder's .mcp.json.`);
    return project;
  }
  if (name === undefined) throw new UsageError(`mcp ${verb}: name a server from .mcp.json, or use --all.`);
  const found = servers.find((server) => server.entry.name === name);
  if (found && found.entry.scope !== 'project') {
    throw new UsageError(`mcp ${verb}: "${name}" is your own server (${SCOPE_LABEL[found.entry.scope]}, ${found.entry.file}); it needs no approval.`);
  }
  if (!found) {
    const names = project.map((server) => server.entry.name).join(', ') || 'none';
    throw new UsageError(`mcp ${verb}: there is no server "${name}" in this folder's .mcp.json (servers there: ${names}).`);
  }
  return [found];
}

async function approve(sources: LoadedSources, io: CliIo, name: string | undefined, all: boolean): Promise<number> {
  const { servers } = await evaluate(sources, io);
  const chosen = pick(servers, name, all, 'approve');
  const store = FileMcpApprovalStore.forHome(sources.home);
  for (const server of chosen) {
    io.stdout(`Approving MCP server "${server.entry.name}" from ${server.entry.file} for ${sources.cwd}:\n`);
    for (const line of describeDefinition(server.entry.config)) io.stdout(`  ${line}\n`);
    io.stdout(`  Pinned to SHA-256 ${server.hash}: any change to this definition asks again.\n`);
  }
  // Exactly the definitions shown above are recorded.
  await store.approve(sources.cwd, chosen.map((server) => ({ name: server.entry.name, sha256: server.hash })));
  const after = await evaluate(sources, { ...io, stderr: () => undefined });
  for (const server of chosen) {
    const now = after.servers.find((s) => s.entry.name === server.entry.name && s.hash === server.hash);
    if (now === undefined) io.stdout(`Note: "${server.entry.name}" changed while it was being approved; approve it again.\n`);
    else if (now.policy.state === 'ready') io.stdout(`Approved "${server.entry.name}": it starts the next time the agent runs here.\n`);
    else io.stdout(`Approved "${server.entry.name}", but it will not start yet: ${now.policy.reason}\n`);
  }
  return ExitCode.ok;
}

async function revoke(sources: LoadedSources, io: CliIo, name: string | undefined, all: boolean): Promise<number> {
  if (!all && name === undefined) throw new UsageError('mcp revoke: name a server, or use --all.');
  const removed = await FileMcpApprovalStore.forHome(sources.home).revoke(sources.cwd, all ? undefined : [name!]);
  if (removed.length === 0) {
    io.stderr(`agentgate mcp revoke: ${all ? 'no server is' : `"${name}" is not`} approved for ${sources.cwd}.\n`);
    return ExitCode.failure;
  }
  for (const server of removed) io.stdout(`Revoked the approval of "${server}" for ${sources.cwd}: it no longer starts until approved again.\n`);
  return ExitCode.ok;
}

export async function mcpCommand(argv: readonly string[], io: CliIo, home: string): Promise<number> {
  const { values, positionals } = parseCommandLine('mcp', argv, options);
  const [sub, name, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`mcp: unexpected argument '${extra[0]}'.`);
  if (values.all && name !== undefined) throw new UsageError(`mcp ${sub}: give a NAME or --all, not both.`);
  switch (sub) {
    case 'list': {
      if (name !== undefined) throw new UsageError(`mcp list: unexpected argument '${name}'.`);
      const sources = await loadSources(values, home);
      const { servers } = await evaluate(sources, io, values['mcp-config'] ?? []);
      io.stdout(values.json ? listJson(servers) : listText(sources, servers));
      return ExitCode.ok;
    }
    case 'approve':
      return approve(await loadSources(values, home), io, name, values.all);
    case 'revoke':
      return revoke(await loadSources(values, home), io, name, values.all);
    case undefined:
      throw new UsageError('mcp: say what to do: list, approve NAME or revoke NAME.');
    default:
      throw new UsageError(`mcp: unknown subcommand '${sub}'. Use list, approve or revoke.`);
  }
}
