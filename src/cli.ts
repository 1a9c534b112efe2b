import { version } from './core/version';

/** Exit codes of the `agentgate` command (documented in README.md). */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;

const HELP = `agentgate ${version}: the AgentGate agent and permission engine, headless.

Usage:
  agentgate --version          print the version
  agentgate --help             print this help

Exit codes: 0 success, 1 failure, 2 usage error.
`;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Runs the CLI with `argv` (without node and the script path); returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first] = argv;
  if (first === '--version' || first === '-v') {
    io.stdout(`${version}\n`);
    return ExitCode.ok;
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(HELP);
    return ExitCode.ok;
  }
  io.stderr(`agentgate: unknown command '${first}'. Run 'agentgate --help' for the commands.\n`);
  return ExitCode.usage;
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
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
