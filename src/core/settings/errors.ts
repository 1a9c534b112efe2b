/** Errors of writing settings. Reading never throws: its problems are diagnostics. */

export type SettingsWriteErrorCode =
  /** The rule to save is not valid rule syntax. */
  | 'invalidRule'
  /** The target file exists but has errors; AgentGate will not rewrite it. */
  | 'malformedFile'
  /** The target, or `.claude`, is a symbolic link; AgentGate will not write through it. */
  | 'symlink'
  /** Reading or writing failed (permissions, disk full, ...). */
  | 'io';

export class SettingsWriteError extends Error {
  override readonly name = 'SettingsWriteError';

  constructor(
    readonly code: SettingsWriteErrorCode,
    /** The file that was to be written. */
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
