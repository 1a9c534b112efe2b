/**
 * Context the person attaches to a prompt: workspace files found by @-mention and the active
 * editor's selection. Paths from the webview are untrusted: only files inside a workspace folder
 * are read.
 */
import path from 'node:path';
import * as vscode from 'vscode';
import { currentText } from '../edits/documentWriter';
import type { Attachment } from './promptContext';

const MAX_RESULTS = 30;

export class AttachmentError extends Error {
  override name = 'AttachmentError';
}

function workspaceFolders(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
}

/** The absolute path of a workspace-relative path, or undefined when it leaves every folder. */
export function resolveInWorkspace(relative: string, folders: readonly string[]): string | undefined {
  for (const folder of folders) {
    const absolute = path.resolve(folder, relative);
    const back = path.relative(folder, absolute);
    if (back !== '' && !back.startsWith('..') && !path.isAbsolute(back)) return absolute;
  }
  return undefined;
}

function globEscape(text: string): string {
  return text.replace(/[[\]{}*?!]/g, (char) => `[${char}]`);
}

/** The active editor's selection as "path:first-last", when something is selected in a file. */
export function selectionLabel(): string | null {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty || editor.document.uri.scheme !== 'file') return null;
  const { start, end } = editor.selection;
  return `${vscode.workspace.asRelativePath(editor.document.uri)}:${start.line + 1}-${end.line + 1}`;
}

export async function searchFiles(query: string): Promise<string[]> {
  const trimmed = query.trim();
  const pattern = trimmed === '' ? '**/*' : trimmed.includes('/') ? `**/${globEscape(trimmed)}*` : `**/*${globEscape(trimmed)}*`;
  const uris = await vscode.workspace.findFiles(pattern, undefined, MAX_RESULTS * 4);
  const paths = uris.map((uri) => vscode.workspace.asRelativePath(uri, false));
  const lower = trimmed.toLowerCase();
  const score = (file: string) => (path.basename(file).toLowerCase().startsWith(lower) ? 0 : 1);
  return paths.sort((a, b) => score(a) - score(b) || a.length - b.length || a.localeCompare(b)).slice(0, MAX_RESULTS);
}

export async function readAttachments(files: readonly string[], selection: boolean): Promise<Attachment[]> {
  const attachments: Attachment[] = [];
  const folders = workspaceFolders();
  for (const file of files) {
    const absolute = resolveInWorkspace(file, folders);
    if (!absolute) throw new AttachmentError(`${file} is not inside the workspace, so it was not attached.`);
    const { text } = await currentText(absolute);
    if (text === null) throw new AttachmentError(`${file} does not exist any more, so it was not attached.`);
    attachments.push({ kind: 'file', path: vscode.workspace.asRelativePath(absolute, false), text });
  }
  const editor = vscode.window.activeTextEditor;
  if (selection && editor && !editor.selection.isEmpty) {
    const { start, end } = editor.selection;
    attachments.push({
      kind: 'selection',
      path: vscode.workspace.asRelativePath(editor.document.uri, false),
      lines: `${start.line + 1}-${end.line + 1}`,
      text: editor.document.getText(editor.selection),
    });
  }
  return attachments;
}
