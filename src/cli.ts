import os from 'node:os';
import { checkCommand, checkHelp } from './cli/check';
import { mcpCommand, mcpHelp } from './cli/mcp';
import { runCommand, runHelp } from './cli/run';
import { settingsCommand, settingsHelp } from './cli/settings';
import { trustCommand, trustHelp } from './cli/trust';
import { validateCommand, validateHelp } from './cli/validate';
import { ExitCode, type CliIo, UsageError } from './cli/io';
import { version } from './core/version';

type Command = { summary: string; help: string; run(argv: readonly string[], io: CliIo, home: string): Promise<number> };

const commands: Record<string, Command> = {
  run: { summary: 'run the agent non-interactively (-p PROMPT)', help: runHelp, run: (argv, io) => runCommand([...argv], io) },
  check: { summary: 'would this action be allowed, asked about or denied, and why', help: checkHelp, run: checkCommand },
  settings: { summary: 'the effective settings and where each rule comes from', help: settingsHelp, run: settingsCommand },
  validate: { summary: 'validate settings files and .mcp.json (for CI)', help: validateHelp, run: validateCommand },
  trust: { summary: 'trust a folder, or revoke trust', help: trustHelp, run: trustCommand },
  mcp: { summary: 'MCP servers: list, approve, revoke', help: mcpHelp, run: mcpCommand },
};

function helpText(): string {
  const rows: [string, string][] = [
    ...Object.entries(commands).map(([name, command]): [string, string] => [name, command.summary]),
    ['help COMMAND', 'details of one command'],
    ['--version', 'print the version'],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const list = rows.map(([name, summary]) => `  agentgate ${name.padEnd(width)}  ${summary}`).join('\n');
  return `agentgate ${version}: the AgentGate agent and permission engine, headless.

Usage:
${list}

Exit codes: 0 success (check: allowed), 1 failure, 2 usage error, 3 check: would ask,
4 check: would be denied.
`;
}

/** Runs the CLI with `argv` (without node and the script path); returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    io.stdout(`${version}\n`);
    return ExitCode.ok;
  }
  if (first === undefined || first === '--help' || first === '-h') {
    io.stdout(helpText());
    return ExitCode.ok;
  }
  if (first === 'help') {
    const topic = rest[0] ? commands[rest[0]] : undefined;
    io.stdout(topic ? `${topic.help}\n` : helpText());
    return ExitCode.ok;
  }
  const command = commands[first];
  if (!command) {
    io.stderr(`agentgate: unknown command '${first}'. Run 'agentgate --help' for the commands.\n`);
    return ExitCode.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.help}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io, io.env.HOME ?? os.homedir());
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`agentgate ${error.message}\nRun 'agentgate help ${first}' for its options.\n`);
      return ExitCode.usage;
    }
    io.stderr(`agentgate ${first}: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failure;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdin: process.stdin,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`agentgate: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = ExitCode.failure;
    },
  );
}
