import path from 'node:path';
import type { ReadTracker } from './types';

/** Remembers, for one agent session, the size and modification time of each file read. */
export class SessionReadTracker implements ReadTracker {
  private readonly reads = new Map<string, { mtimeMs: number; size: number }>();

  recordRead(filePath: string, mtimeMs: number, size: number): void {
    this.reads.set(path.resolve(filePath), { mtimeMs, size });
  }

  lastRead(filePath: string): { mtimeMs: number; size: number } | undefined {
    const last = this.reads.get(path.resolve(filePath));
    return last ? { ...last } : undefined;
  }

  /** Forgets everything, e.g. when the conversation is cleared. */
  clear(): void {
    this.reads.clear();
  }
}
