import type { ParsedRule } from '../../settings/types';
import type { Decision } from '../types';

/**
 * How a command uses a path it names (see reads.ts):
 * - `file`: it reads the file (or lists the folder) at that path, as the Read tool would.
 * - `tree`: it reads every file below that folder (grep -r, rg, diff -r).
 * - `mention`: the word is an argument of a program AgentGate does not know; it may not be a path
 *   at all, so only a Read deny rule counts: deny when it covers the path, an ask naming the rule
 *   when the path is a folder with files it covers, else allow.
 */
export type ReadUse = 'file' | 'tree' | 'mention';

/**
 * The seam between the shell analysis (src/core/permissions/bash/) and the decision engine
 * (src/core/permissions/engine.ts). The engine hands over the Bash rules and a way to check file
 * writes and reads; the analysis returns a complete decision with its per-subcommand breakdown.
 *
 * Paths handed to checkWrite and checkRead are absolute but not normalized: the working
 * directory joined with the path as written (`~` expanded), so `link/../x` reaches the engine
 * as the kernel would walk it.
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
  /**
   * Decides a file read (an input redirection, a file operand of a command that reads its
   * operands), as the engine would decide `Read` of that path; `use` says how the path is read.
   * Without it, reads are not checked.
   */
  checkRead?(absolutePath: string, use?: ReadUse): Decision;
}
