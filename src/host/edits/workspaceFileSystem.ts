/**
 * The file system the agent's tools use inside VS Code: reads come from disk, text writes go
 * through a WorkspaceEdit (undoable, in step with open editors) and are recorded as the session's
 * edits. A file with unsaved changes in an editor is never overwritten: the tool fails with a
 * message saying so, which the model sees.
 */
import type { FileStat, FileSystem } from '../../core/tools/types';
import { currentText, writeText } from './documentWriter';

export class UnsavedChangesError extends Error {
  override name = 'UnsavedChangesError';
}

export interface WriteRecorder {
  recordWrite(file: string, before: string | null, after: string): void;
}

export class WorkspaceFileSystem implements FileSystem {
  constructor(
    private readonly disk: FileSystem,
    private readonly recorder: WriteRecorder,
  ) {}

  readFile(path: string): Promise<Buffer> {
    return this.disk.readFile(path);
  }

  async writeFile(path: string, data: string | Buffer): Promise<void> {
    if (typeof data !== 'string') {
      await this.disk.writeFile(path, data);
      return;
    }
    const now = await currentText(path);
    if (now.dirty) {
      throw new UnsavedChangesError(
        `${path} has unsaved changes in an editor, so AgentGate did not overwrite it. Ask the person to save or revert the file, then read it again.`,
      );
    }
    await writeText(path, data);
    this.recorder.recordWrite(path, now.text, data);
  }

  stat(path: string): Promise<FileStat | undefined> {
    return this.disk.stat(path);
  }

  readdir(path: string): Promise<{ name: string; isDirectory: boolean; isFile: boolean }[]> {
    return this.disk.readdir(path);
  }

  realpath(path: string): Promise<string> {
    return this.disk.realpath(path);
  }
}
