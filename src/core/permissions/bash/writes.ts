/**
 * Redirections are file writes: each target is made absolute (joined to the folder the command
 * runs in, `~` expanded, `..` left in place so the engine walks `link/../x` through the link as
 * the kernel would) and decided by the engine as an Edit of that path would be. `/dev/null`, `/dev/stdout`, `/dev/stderr` and
 * descriptor duplications (`2>&1`) are exempt. `cd` earlier on the line is followed: a relative
 * target is checked against every folder the command may be in by then.
 */
import path from 'node:path';
import { joinRaw } from '../paths';
import type { Decision } from '../types';
import type { ResolvedCommand } from './model';
import { code } from './text';

const EXEMPT = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/fd/1', '/dev/fd/2']);

export interface WriteCheck {
  /** The target as written. */
  target: string;
  /** Absolute paths checked (empty when the target could not be resolved). */
  paths: string[];
  decision: Decision;
}

/** The folders a command may run in; null stands for "somewhere only known at run time". */
export class WorkingFolders {
  private folders: (string | null)[];
  constructor(cwd: string, private readonly home: string) {
    this.folders = [cwd];
  }

  get all(): readonly (string | null)[] {
    return this.folders;
  }

  /** Follows `cd`, `pushd` and `popd` (over-approximating: every folder stays possible). */
  follow(command: ResolvedCommand): void {
    const [head] = command.argv;
    if (!head?.static || !['cd', 'pushd', 'popd'].includes(head.value)) return;
    const args = command.argv.slice(1).filter((word) => !/^-[LPe@]+$/.test(word.value));
    const destination = args[0];
    if (head.value === 'popd' || (destination && (!destination.static || destination.glob || destination.value === '-'))) {
      this.folders.push(null);
      return;
    }
    const value = destination?.value ?? '~';
    const expanded = value === '~' || value.startsWith('~/') ? path.join(this.home, value.slice(1)) : value;
    const added = this.folders.map((folder) => (folder === null ? null : path.resolve(folder, expanded)));
    this.folders.push(...added);
  }
}

function ask(reason: string): Decision {
  return { decision: 'ask', reason, rule: null, source: null };
}

const RANK = { deny: 0, ask: 1, allow: 2 } as const;

/** Checks every file the command's redirections write. */
export function checkWrites(
  command: ResolvedCommand,
  folders: WorkingFolders,
  home: string,
  checkWrite: (absolutePath: string) => Decision,
): WriteCheck[] {
  const checks: WriteCheck[] = [];
  for (const redirect of command.redirects) {
    if (!redirect.writes || !redirect.target) continue;
    const target = redirect.target;
    if (!target.static || (target.glob && !/^~(\/|$)/.test(target.value)) || /^~[^/]/.test(target.value)) {
      checks.push({ target: target.text, paths: [], decision: ask(`${code(command.text)} writes to ${code(target.text)}, a file name only known at run time.`) });
      continue;
    }
    if (EXEMPT.has(target.value)) continue;
    let paths: string[];
    if (target.value === '~' || target.value.startsWith('~/')) paths = [`${home}${target.value.slice(1)}`];
    else if (path.isAbsolute(target.value)) paths = [target.value];
    else if (folders.all.includes(null)) {
      checks.push({ target: target.text, paths: [], decision: ask(`${code(command.text)} writes to ${code(target.value)} in a folder only known at run time (after cd).`) });
      continue;
    } else paths = [...new Set(folders.all.map((folder) => joinRaw(folder as string, target.value)))];
    let worst: Decision | null = null;
    for (const file of paths) {
      const decision = checkWrite(file);
      if (!worst || RANK[decision.decision] < RANK[worst.decision]) worst = decision;
    }
    if (worst) checks.push({ target: target.value, paths, decision: worst });
  }
  return checks;
}
