/**
 * Reads and writes workspace files the way an editor does: the current text is what an open
 * editor shows (unsaved changes included), and writes go through a WorkspaceEdit, so they can
 * be undone and never fight an open editor, then are saved to disk.
 */
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';

export class EditConflictError extends Error {
  override name = 'EditConflictError';
}

export class EditApplyError extends Error {
  override name = 'EditApplyError';
}

function openDocument(file: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((doc) => doc.uri.scheme === 'file' && doc.uri.fsPath === file);
}

/** Where the current text came from, for messages. */
export type TextOrigin = 'editor' | 'disk';

/** The file's current text (null when it does not exist): an editor's unsaved text, else the disk's. */
export async function currentText(file: string): Promise<{ text: string | null; origin: TextOrigin; dirty: boolean }> {
  const doc = openDocument(file);
  if (doc && !doc.isClosed && doc.isDirty) return { text: doc.getText(), origin: 'editor', dirty: true };
  try {
    return { text: await readFile(file, 'utf8'), origin: 'disk', dirty: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: null, origin: 'disk', dirty: false };
    throw error;
  }
}

/** Replaces the whole file (or creates it) through a WorkspaceEdit and saves it. */
export async function writeText(file: string, content: string): Promise<void> {
  const uri = vscode.Uri.file(file);
  const edit = new vscode.WorkspaceEdit();
  const exists = await vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
  if (!exists) {
    edit.createFile(uri, { overwrite: false, contents: Buffer.from(content, 'utf8') });
    if (!(await vscode.workspace.applyEdit(edit))) throw new EditApplyError(`VS Code refused to create ${file}.`);
    return;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.getText() === content && !doc.isDirty) return;
  edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), content);
  if (!(await vscode.workspace.applyEdit(edit))) throw new EditApplyError(`VS Code refused to change ${file}.`);
  if (!(await doc.save())) throw new EditApplyError(`${file} was changed in the editor but could not be saved.`);
}

/** Deletes a file through a WorkspaceEdit (used to undo a file the agent created). */
export async function deleteFile(file: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.deleteFile(vscode.Uri.file(file), { ignoreIfNotExists: true });
  if (!(await vscode.workspace.applyEdit(edit))) throw new EditApplyError(`VS Code refused to delete ${file}.`);
}
