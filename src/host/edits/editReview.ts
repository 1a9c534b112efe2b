/**
 * Reviewing the agent's file edits in VS Code's own diff editor. In Default mode each proposed
 * change opens a diff (the file as it is, left; the proposal, editable, right) and waits for
 * "Accept" or "Reject" from the editor title or the panel. Accepting checks that the file did
 * not change since the model read it, and applies the person's version if they edited it. Edits
 * applied without review (Accept Edits mode, allow rules) are listed too, with Review and Undo.
 */
import { createTwoFilesPatch } from 'diff';
import * as vscode from 'vscode';
import type { ApprovalReply, ApprovalRequest } from '../../core/agent/types';
import type { FileChangePreview } from '../../core/tools/types';
import type { PendingCount } from '../approvals/pendingCount';
import { ApprovalCancelledError } from '../approvals/panelPrompter';
import { displayPath } from '../chat/toolSummary';
import type { PanelChannel } from '../panelChannel';
import { OriginalContent, ProposalFileSystem, PROPOSAL_SCHEME } from './diffDocuments';
import { currentText, deleteFile, writeText } from './documentWriter';
import { EditStore, type EditRecord } from './editStore';

export interface EditReviewDeps {
  panel: PanelChannel;
  pending: PendingCount;
  log: vscode.LogOutputChannel;
  cwd(): string;
  /** The tool card reflects what happened to the edit. */
  onSettled(toolUseId: string, status: 'done' | 'denied', note: string): void;
  /** Something the model should hear with the next prompt (e.g. an undo). */
  tellModel(note: string): void;
}

interface Review {
  record: EditRecord;
  change: FileChangePreview;
  proposalUri: vscode.Uri;
  originalUri: vscode.Uri;
  /** Settles when the diff editor has opened (closing waits for it). */
  opened?: Promise<void>;
  resolve(reply: ApprovalReply): void;
}

export class EditReview implements vscode.Disposable {
  readonly store = new EditStore();
  readonly original = new OriginalContent();
  readonly proposals = new ProposalFileSystem();
  private readonly reviews = new Map<string, Review>();

  constructor(private readonly deps: EditReviewDeps) {}

  /** Registers the diff documents' providers. */
  register(): vscode.Disposable[] {
    return [
      vscode.workspace.registerTextDocumentContentProvider('agentgate-original', this.original),
      vscode.workspace.registerFileSystemProvider(PROPOSAL_SCHEME, this.proposals, { isCaseSensitive: true }),
      this.original,
      this.proposals,
    ];
  }

  /** Shows a proposed change for review; resolves with the person's decision. */
  async review(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalReply> {
    if (signal.aborted) throw new ApprovalCancelledError('The turn was stopped before the edit was reviewed.');
    const changes = request.changes ?? [];
    const replies: Promise<ApprovalReply>[] = changes.map((change) => this.open(change, request.toolUseId, signal));
    const results = await Promise.all(replies);
    return results.find((reply) => reply.kind === 'deny') ?? results[0] ?? { kind: 'allowOnce' };
  }

  private open(change: FileChangePreview, toolUseId: string, signal: AbortSignal): Promise<ApprovalReply> {
    const record = this.store.add({
      file: change.path,
      display: displayPath(change.path, this.deps.cwd()),
      before: change.before,
      proposed: change.after,
      status: 'pending',
      automatic: false,
      toolUseId,
    });
    const originalUri = this.original.set(record.editId, change.path, change.before ?? '');
    const proposalUri = this.proposals.uriFor(record.editId, change.path);
    this.proposals.put(proposalUri, change.after);
    const reply = new Promise<ApprovalReply>((resolve, reject) => {
      const onAbort = () => {
        if (!this.reviews.delete(record.editId)) return;
        record.status = 'cancelled';
        record.note = 'The turn was stopped before you decided.';
        void this.closeDiff(proposalUri);
        this.changed();
        reject(new ApprovalCancelledError('The turn was stopped before the edit was reviewed.'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.reviews.set(record.editId, {
        record,
        change,
        proposalUri,
        originalUri,
        resolve: (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
      });
    });
    this.changed();
    const review = this.reviews.get(record.editId);
    const opened = this.showDiff(record.editId).catch((error: unknown) => this.deps.log.error(`Could not open the diff for ${change.path}: ${String(error)}`));
    if (review) review.opened = opened;
    return reply;
  }

  /** Opens the diff of a pending edit, or of an applied one (before ↔ the file now). */
  async showDiff(editId: string): Promise<void> {
    const review = this.reviews.get(editId);
    if (review) {
      const name = review.record.display;
      await vscode.commands.executeCommand('vscode.diff', review.originalUri, review.proposalUri, `${name}: current ↔ AgentGate’s proposal (editable)`, { preview: false, preserveFocus: true });
      return;
    }
    const record = this.store.get(editId);
    if (!record) return;
    const left = this.original.set(record.editId, record.file, record.before ?? '', 'review');
    const right = vscode.Uri.file(record.file);
    await vscode.commands.executeCommand('vscode.diff', left, right, `${record.display}: before ↔ now (AgentGate edit)`, { preview: true });
  }

  async accept(editId: string): Promise<void> {
    const review = this.reviews.get(editId);
    if (!review) return;
    const { record, change } = review;
    const now = await currentText(change.path);
    if (now.text !== change.before) {
      const where = now.origin === 'editor' ? 'in an open editor (unsaved changes)' : 'on disk';
      record.status = 'conflict';
      record.note = `${record.display} changed ${where} since the model read it, so AgentGate did not overwrite it.`;
      void vscode.window.showWarningMessage(`AgentGate: ${record.note}`);
      this.finish(review, {
        kind: 'deny',
        feedback: `The edit was not applied: ${record.display} changed ${where} after you read it. Read the file again and redo the change if it is still needed.`,
      });
      return;
    }
    const final = await this.proposalText(review);
    if (final === change.after) {
      // The tool writes the file itself (through WorkspaceFileSystem), which marks it written.
      record.status = 'applied';
      this.finish(review, { kind: 'allowOnce' });
      return;
    }
    await writeText(change.path, final);
    record.status = 'applied';
    record.applied = final;
    record.note = 'You changed the proposal before accepting; the model was told what you changed.';
    if (record.toolUseId) this.deps.onSettled(record.toolUseId, 'done', 'Applied with your changes.');
    const patch = createTwoFilesPatch(`${record.display} (your proposal)`, `${record.display} (applied)`, change.after, final, '', '', { context: 2 });
    this.finish(review, {
      kind: 'deny',
      feedback:
        `The person accepted this edit after changing your proposal, and AgentGate applied their version, so ${record.display} now holds their text, not yours. ` +
        `Their changes to your proposal:\n${patch}\nDo not redo this edit. Read the file again before changing it further.`,
    });
  }

  async reject(editId: string, feedback?: string): Promise<void> {
    const review = this.reviews.get(editId);
    if (!review) return;
    review.record.status = 'rejected';
    this.finish(review, feedback ? { kind: 'deny', feedback } : { kind: 'deny' });
  }

  async acceptAll(): Promise<void> {
    for (const editId of [...this.reviews.keys()]) await this.accept(editId);
  }

  async rejectAll(): Promise<void> {
    for (const editId of [...this.reviews.keys()]) await this.reject(editId);
  }

  /** Restores the file as it was before an applied edit, unless it changed since. */
  async undo(editId: string): Promise<void> {
    const record = this.store.get(editId);
    if (!record || record.status !== 'applied') return;
    const written = record.applied ?? record.proposed;
    const now = await currentText(record.file);
    if (now.text !== written) {
      record.note = `Not undone: ${record.display} changed after this edit. Use the editor's undo or your version control instead.`;
      this.changed();
      return;
    }
    if (record.before === null) await deleteFile(record.file);
    else await writeText(record.file, record.before);
    record.status = 'undone';
    record.note = undefined;
    this.deps.tellModel(`The person undid your edit to ${record.display}; it is back to how it was before that edit.`);
    this.changed();
  }

  /** Called when a tool writes a file: completes a reviewed edit or records an automatic one. */
  recordWrite(file: string, before: string | null, after: string): void {
    const reviewed = this.store.awaitingWrite(file, after);
    if (reviewed) reviewed.applied = after;
    else this.store.add({ file, display: displayPath(file, this.deps.cwd()), before, proposed: after, applied: after, status: 'applied', automatic: true });
    this.changed();
  }

  /** The edit a proposal document belongs to (for the editor-title commands). */
  editIdFor(uri: vscode.Uri | undefined): string | undefined {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    return target ? (ProposalFileSystem.editIdOf(target) ?? undefined) : undefined;
  }

  /** Forgets the session's edits (new session); pending reviews are cancelled by the turn's stop. */
  reset(): void {
    this.store.clear();
    this.changed();
  }

  private async proposalText(review: Review): Promise<string> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === review.proposalUri.toString());
    return doc ? doc.getText() : (this.proposals.text(review.proposalUri) ?? review.change.after);
  }

  private finish(review: Review, reply: ApprovalReply): void {
    this.reviews.delete(review.record.editId);
    review.resolve(reply);
    const close = async () => {
      await review.opened;
      await this.closeDiff(review.proposalUri);
    };
    void close().catch((error: unknown) => this.deps.log.warn(`Could not close the diff: ${String(error)}`));
    this.changed();
  }

  private async closeDiff(proposalUri: vscode.Uri): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === proposalUri.toString());
    if (doc?.isDirty) await doc.save();
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const mine = tabs.filter((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === proposalUri.toString());
    if (mine.length > 0) await vscode.window.tabGroups.close(mine);
    this.proposals.remove(proposalUri);
  }

  private changed(): void {
    this.deps.pending.set('edits', this.reviews.size);
    this.deps.panel.post({ type: 'edit/list', edits: this.store.cards() });
    void vscode.commands.executeCommand('setContext', 'agentgate.pendingEdits', this.reviews.size);
  }

  dispose(): void {
    for (const review of this.reviews.values()) review.resolve({ kind: 'deny', feedback: 'AgentGate was closed before the edit was reviewed.' });
    this.reviews.clear();
  }
}
