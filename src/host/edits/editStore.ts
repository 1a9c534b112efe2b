/**
 * The session's file edits: those waiting for review and those applied (reviewed or automatic),
 * with what the file held before and after, so each can be reviewed again or undone. Pure: the
 * VS Code side lives in editReview.ts.
 */
import { diffLines } from 'diff';
import type { EditCard, EditStatus } from '../../protocol/messages';

export interface EditRecord {
  editId: string;
  /** Absolute path. */
  file: string;
  /** Path as shown to the person. */
  display: string;
  /** Null when the edit creates the file. */
  before: string | null;
  /** What the model proposed. */
  proposed: string;
  /** What was written (the proposal, or the person's changed version). */
  applied?: string;
  status: EditStatus;
  automatic: boolean;
  note?: string;
  toolUseId?: string;
}

export function lineStats(before: string | null, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before ?? '', after)) {
    if (part.added) added += part.count ?? 0;
    else if (part.removed) removed += part.count ?? 0;
  }
  return { added, removed };
}

export class EditStore {
  private readonly records: EditRecord[] = [];
  private counter = 0;

  add(record: Omit<EditRecord, 'editId'>): EditRecord {
    const created: EditRecord = { ...record, editId: `edit-${++this.counter}` };
    this.records.push(created);
    return created;
  }

  get(editId: string): EditRecord | undefined {
    return this.records.find((record) => record.editId === editId);
  }

  /** The accepted-but-not-yet-written edit of a file whose proposal is exactly `content`. */
  awaitingWrite(file: string, content: string): EditRecord | undefined {
    return this.records.find((record) => record.file === file && record.status === 'applied' && record.applied === undefined && record.proposed === content);
  }

  pending(): EditRecord[] {
    return this.records.filter((record) => record.status === 'pending');
  }

  clear(): void {
    this.records.length = 0;
  }

  /** Cards for the panel: pending first, then the rest, newest first. */
  cards(): EditCard[] {
    const order = (record: EditRecord) => (record.status === 'pending' ? 0 : 1);
    return [...this.records]
      .reverse()
      .sort((a, b) => order(a) - order(b))
      .map((record) => ({
        editId: record.editId,
        path: record.display,
        status: record.status,
        created: record.before === null,
        automatic: record.automatic,
        ...lineStats(record.before, record.applied ?? record.proposed),
        ...(record.note === undefined ? {} : { note: record.note }),
      }));
  }
}
