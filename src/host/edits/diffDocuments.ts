/**
 * The two sides of an edit's diff: the file as it was, from a read-only content provider, and
 * the model's proposal, from an in-memory file system the person can edit before accepting.
 * Each URI ends with the file's name, so VS Code picks the right language.
 */
import path from 'node:path';
import * as vscode from 'vscode';

export const ORIGINAL_SCHEME = 'agentgate-original';
export const PROPOSAL_SCHEME = 'agentgate-proposal';

export class OriginalContent implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(editId: string, file: string, content: string, label = 'before'): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: ORIGINAL_SCHEME, path: `/${editId}/${label}/${path.basename(file)}` });
    this.contents.set(uri.path, content);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.path) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** In-memory, writable files holding proposals while they are reviewed. */
export class ProposalFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number; ctime: number }>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  uriFor(editId: string, file: string): vscode.Uri {
    return vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${editId}/${path.basename(file)}` });
  }

  /** The edit a proposal URI belongs to. */
  static editIdOf(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== PROPOSAL_SCHEME) return undefined;
    return uri.path.split('/')[1] || undefined;
  }

  put(uri: vscode.Uri, content: string): void {
    const now = Date.now();
    this.files.set(uri.path, { data: Buffer.from(content, 'utf8'), mtime: now, ctime: now });
  }

  text(uri: vscode.Uri): string | undefined {
    const file = this.files.get(uri.path);
    return file ? Buffer.from(file.data).toString('utf8') : undefined;
  }

  remove(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: file.ctime, mtime: file.mtime, size: file.data.byteLength };
    if ([...this.files.keys()].some((key) => key.startsWith(`${uri.path.replace(/\/$/, '')}/`))) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(): void {
    // Folders are implicit.
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const existing = this.files.get(uri.path);
    if (!existing) throw vscode.FileSystemError.NoPermissions('Only AgentGate creates proposal documents.');
    this.files.set(uri.path, { data: content, mtime: Date.now(), ctime: existing.ctime });
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('Proposal documents cannot be renamed.');
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
