/** Reading a settings file's text: missing is fine, anything else that fails is "unreadable". */
import { errnoCode, type SettingsFileSystem } from './fileSystem';

export type ReadResult = { status: 'missing' } | { status: 'unreadable'; message: string } | { status: 'read'; text: string };

/** Why a file or folder could not be read, in words a person can act on. */
export function readErrorMessage(error: unknown, what: 'file' | 'folder' = 'file'): string {
  switch (errnoCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return `Permission denied: AgentGate may not read this ${what}. Make it readable for your user account.`;
    case 'EISDIR':
      return 'This is a folder, but a settings file is expected here. Remove or rename the folder.';
    case 'ENOTDIR':
      return `This is a file, but a folder is expected here. Remove or rename it.`;
    case 'ELOOP':
      return 'This path is a loop of symbolic links. Point the link at a real file.';
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return `The ${what} could not be read (${detail}).`;
    }
  }
}

export async function readSettingsText(fs: SettingsFileSystem, file: string): Promise<ReadResult> {
  try {
    return { status: 'read', text: await fs.readFile(file) };
  } catch (error) {
    const code = errnoCode(error);
    // ENOTDIR: a parent is a file (e.g. `.claude` is a file), so this file cannot exist.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'missing' };
    return { status: 'unreadable', message: readErrorMessage(error) };
  }
}
