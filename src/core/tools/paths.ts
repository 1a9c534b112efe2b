import path from 'node:path';
import { ToolInputError } from './toolErrors';
import type { ToolContext } from './types';

/** File tools take absolute paths only, so a rule like `Edit(/src/**)` sees what will change. */
export function requireAbsolutePath(filePath: string, cwd: string): string {
  if (!path.isAbsolute(filePath)) {
    throw new ToolInputError(
      `file_path must be an absolute path, got "${filePath}". The working directory is ${cwd}, so you may mean ${path.resolve(cwd, filePath)}.`,
    );
  }
  return path.normalize(filePath);
}

/** A search root for Glob and Grep: absolute, or relative to the working directory; must exist. */
export async function resolveSearchRoot(ctx: ToolContext, given: string | undefined): Promise<{ root: string; isFile: boolean }> {
  const root = given === undefined || given === '' ? ctx.cwd : path.resolve(ctx.cwd, given);
  const stat = await ctx.fs.stat(root);
  if (!stat) throw new ToolInputError(`Path does not exist: ${root}`);
  if (!stat.isDirectory && !stat.isFile) throw new ToolInputError(`Path is neither a file nor a directory: ${root}`);
  return { root, isFile: stat.isFile };
}
