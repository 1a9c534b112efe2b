/**
 * Replacing a file so that a crash or an error at any point leaves either the old or the new
 * content, never a mix: write a temporary file in the same folder, flush it, rename it over.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { SettingsWriteError } from './errors';
import { errnoCode, type FileInfo, type SettingsWriteFileSystem } from './fileSystem';

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** lstat, or undefined when the file does not exist. */
export async function lstatIfExists(fs: SettingsWriteFileSystem, file: string): Promise<FileInfo | undefined> {
  try {
    return await fs.lstat(file);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new SettingsWriteError('io', file, `Could not inspect ${file}: ${reason(error)}.`, { cause: error });
  }
}

export async function writeFileAtomic(fs: SettingsWriteFileSystem, file: string, data: string): Promise<void> {
  const info = await lstatIfExists(fs, file);
  if (info?.isSymbolicLink()) {
    throw new SettingsWriteError('symlink', file, `${file} is a symbolic link; AgentGate does not write through links. Replace it with a regular file.`);
  }
  if (info && !info.isFile()) {
    throw new SettingsWriteError('io', file, `${file} is not a regular file. Remove or rename it.`);
  }
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeNewFileSynced(temp, data, info ? info.mode & 0o7777 : undefined);
    await fs.rename(temp, file);
  } catch (error) {
    try {
      await fs.unlink(temp);
    } catch {
      // The temporary file may never have been created; the original is what matters.
    }
    throw new SettingsWriteError('io', file, `Could not write ${file}: ${reason(error)}. The file was left unchanged.`, { cause: error });
  }
  try {
    await fs.syncDirectory(dir);
  } catch {
    // The new content is in place; flushing the folder entry only hardens it against power loss.
  }
}
