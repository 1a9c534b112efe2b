/** Exit codes of the `agentgate` command (documented in README.md). */
export const ExitCode = {
  /** Success; for `check`: the action would be allowed. */
  ok: 0,
  /** Failure: an error, or for `validate` a file with errors, or for `run` a failed session. */
  failure: 1,
  /** The command line is wrong (unknown command or option, missing argument). */
  usage: 2,
  /** For `check`: the action would ask (in a batch: at least one asks, none is denied). */
  ask: 3,
  /** For `check`: the action would be denied (in a batch: at least one is denied). */
  deny: 4,
} as const;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Standard input, for `check --batch -`. */
  stdin?: NodeJS.ReadableStream;
}

/** A command-line mistake: printed with a hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
