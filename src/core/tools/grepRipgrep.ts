import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { type GrepBackendResult, GREP_MAX_COLUMNS, type GrepOutput, type GrepQuery } from './grepQuery';
import { runProcessGroup } from './processGroup';
import { ToolInputError } from './toolErrors';
import type { ToolContext } from './types';

const RG_TIMEOUT_MS = 60_000;
const RG_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

/** The `rg` executable on PATH, if any. */
export function findRipgrepOnPath(envPath = process.env.PATH ?? ''): string | undefined {
  const names = process.platform === 'win32' ? ['rg.exe'] : ['rg'];
  for (const dir of envPath.split(path.delimiter)) {
    if (dir === '') continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export function ripgrepArgs(query: GrepQuery): string[] {
  const args = ['--no-config', '--color=never', '--hidden', '--no-require-git', '--with-filename'];
  args.push('--glob=!.git', '--glob=!node_modules');
  args.push(`--max-columns=${GREP_MAX_COLUMNS}`, '--max-columns-preview');
  if (query.ignoreCase) args.push('--ignore-case');
  if (query.multiline) args.push('--multiline', '--multiline-dotall');
  if (query.glob) args.push(`--glob=${query.glob}`);
  if (query.type) args.push(`--type=${query.type}`);
  if (query.mode === 'files_with_matches') {
    args.push('--files-with-matches');
  } else if (query.mode === 'count') {
    args.push('--count', '--sort=path');
  } else {
    args.push('--sort=path', query.lineNumbers ? '--line-number' : '--no-line-number');
    if (query.before > 0) args.push(`--before-context=${query.before}`);
    if (query.after > 0) args.push(`--after-context=${query.after}`);
  }
  args.push('--regexp', query.pattern, '--', query.root);
  return args;
}

function parse(mode: GrepQuery['mode'], stdout: string): GrepOutput {
  const lines = stdout.split('\n').filter((line) => line !== '');
  if (mode === 'files_with_matches') return { mode, files: lines };
  if (mode === 'content') return { mode, lines };
  const counts = lines.flatMap((line) => {
    const at = line.lastIndexOf(':');
    const count = Number(line.slice(at + 1));
    return at > 0 && Number.isInteger(count) ? [{ path: line.slice(0, at), count }] : [];
  });
  return { mode, counts };
}

/** Grep through ripgrep (no shell: arguments are passed as they are). */
export async function grepWithRipgrep(ctx: ToolContext, query: GrepQuery, rgPath: string): Promise<GrepBackendResult> {
  const result = await runProcessGroup(rgPath, ripgrepArgs(query), {
    cwd: ctx.cwd,
    timeoutMs: RG_TIMEOUT_MS,
    signal: ctx.signal,
    headBytes: RG_MAX_OUTPUT_BYTES,
    tailBytes: 0,
    killGraceMs: 1000,
  });
  if (result.timedOut) {
    throw new ToolInputError(`The search took longer than ${RG_TIMEOUT_MS / 1000} s and was stopped. Narrow it with path, glob or type.`);
  }
  const stderr = result.stderr.trim();
  if (result.exitCode === 2 && result.stdout.trim() === '') {
    throw new ToolInputError(`Search failed: ${stderr || 'ripgrep exited with an error.'}`);
  }
  const notes: string[] = [];
  if (result.exitCode === 2 && stderr) notes.push(`(Some files could not be searched: ${stderr.split('\n')[0]})`);
  if (result.truncated) notes.push('(The search produced too much output; only its first part is shown. Narrow it with path, glob or type.)');
  let stdout = result.stdout;
  if (result.truncated) {
    // Drop the omission mark and the line it cut in half.
    const head = stdout.slice(0, stdout.lastIndexOf('\n... ['));
    stdout = head.slice(0, head.lastIndexOf('\n') + 1);
  }
  return { output: parse(query.mode, stdout), notes };
}
