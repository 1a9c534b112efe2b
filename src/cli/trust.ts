import path from 'node:path';
import { FileTrustStore } from '../core/trust/trustStore';
import { parseCommandLine } from './args';
import { ExitCode, type CliIo, UsageError } from './io';

export const trustHelp = `agentgate trust [--cwd DIR] [--revoke]
  Trust the folder (default: the current one), so its project allow rules, env, apiKeyHelper
  and .mcp.json servers apply. --revoke takes the trust back. Stored in ~/.agentgate/trust.json,
  shared with the VS Code extension.`;

export async function trustCommand(argv: readonly string[], io: CliIo, home: string): Promise<number> {
  const { values, positionals } = parseCommandLine('trust', argv, {
    cwd: { type: 'string' },
    revoke: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`trust: unexpected argument '${positionals[0]}'. Use --cwd DIR to name the folder.`);
  const folder = path.resolve(values.cwd ?? process.cwd());
  const store = FileTrustStore.forHome(home);
  await store.setTrusted(folder, !values.revoke);
  io.stdout(
    values.revoke
      ? `No longer trusted: ${folder}. Its project allow rules, env, apiKeyHelper and .mcp.json servers are ignored again.\n`
      : `Trusted: ${folder}. Its project allow rules, env, apiKeyHelper and .mcp.json servers now apply.\n`,
  );
  return ExitCode.ok;
}
