import type { ParsedRule } from '../rules';
import type { Decision } from '../types';

/**
 * The seam between the shell analysis (src/core/permissions/bash/) and the decision engine
 * (src/core/permissions/engine.ts). The engine hands over the Bash rules and a way to check file
 * writes; the analysis returns a complete decision with its per-subcommand breakdown.
 */
export interface BashDecisionInput {
  command: string;
  /** Absolute working directory the command runs in (for resolving redirect targets). */
  cwd: string;
  /** The user's home folder, for `~` in redirect targets; defaults to os.homedir(). */
  home?: string;
  /** Only the rules whose tool is `Bash`, in their lists. */
  rules: { allow: ParsedRule[]; ask: ParsedRule[]; deny: ParsedRule[] };
  /** Whether built-in read-only commands may be allowed without a rule (false when failing closed). */
  allowReadOnly: boolean;
  /**
   * Decides a file write (a redirection target), as the engine would decide `Edit` of that path:
   * absolute path in, decision out.
   */
  checkWrite(absolutePath: string): Decision;
}
