import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { writeFileAtomic } from '../util/atomicWrite';
import { errorCode } from './toolErrors';
import type { FileStat, FileSystem } from './types';

/**
 * The file system through Node. Writes are atomic (temporary file in the same folder, fsync,
 * rename) and keep the mode of the file they replace. Writing through a symbolic link replaces
 * the file it points to and leaves the link in place.
 */
export class NodeFileSystem implements FileSystem {
  readFile(filePath: string): Promise<Buffer> {
    return readFile(filePath);
  }

  async writeFile(filePath: string, data: string | Buffer): Promise<void> {
    const target = await realpath(filePath).catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return filePath;
      throw error;
    });
    await writeFileAtomic(target, data);
  }

  async stat(filePath: string): Promise<FileStat | undefined> {
    try {
      const s = await stat(filePath);
      return { size: s.size, mtimeMs: s.mtimeMs, isFile: s.isFile(), isDirectory: s.isDirectory() };
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  }

  async readdir(dirPath: string): Promise<{ name: string; isDirectory: boolean; isFile: boolean }[]> {
    const entries = await readdir(dirPath, { withFileTypes: true });
    return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory(), isFile: entry.isFile() }));
  }

  realpath(filePath: string): Promise<string> {
    return realpath(filePath);
  }
}
