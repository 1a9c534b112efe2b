/**
 * The file operations the settings layer needs, so tests (and a virtual workspace) can supply
 * their own. Errors are thrown as Node does: with an errno `code` such as ENOENT or EACCES.
 */
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';

export interface SettingsFileSystem {
  readFile(file: string): Promise<string>;
  /** Entry names of a folder. */
  readdir(dir: string): Promise<string[]>;
}

export interface FileInfo {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  mode: number;
}

export interface SettingsWriteFileSystem extends SettingsFileSystem {
  /** Like lstat: a symbolic link is reported as such, not followed. */
  lstat(file: string): Promise<FileInfo>;
  mkdir(dir: string): Promise<void>;
  /**
   * Creates `file` (which must not exist) with `data` and flushes it to disk. `mode`: the
   * permission bits to give it; by default the usual ones for a new file (0666 less the umask).
   */
  writeNewFileSynced(file: string, data: string, mode?: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  /** Flushes a folder's entries to disk after a rename, where the platform supports it. */
  syncDirectory(dir: string): Promise<void>;
}

export const nodeSettingsFileSystem: SettingsWriteFileSystem = {
  readFile: (file) => fsp.readFile(file, 'utf8'),
  readdir: (dir) => fsp.readdir(dir),
  lstat: (file) => fsp.lstat(file),
  mkdir: async (dir) => {
    await fsp.mkdir(dir, { recursive: true });
  },
  writeNewFileSynced: async (file, data, mode) => {
    const handle = await fsp.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode ?? 0o666);
    try {
      await handle.writeFile(data, 'utf8');
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  syncDirectory: async (dir) => {
    if (process.platform === 'win32') return; // Folders cannot be opened for fsync there.
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
