/**
 * Session transcripts.
 *
 * Location: `~/.agentgate/projects/<workspace>/<session id>.jsonl`, where `<workspace>` is the
 * absolute working directory with every character other than A-Z, a-z and 0-9 replaced by `-`
 * (`/home/ana/shop` becomes `-home-ana-shop`; names over 180 characters are cut and end with
 * a short hash of the full path). The session id is a UUID. Folders are created private (0700),
 * files 0600.
 *
 * Format: plain-text JSON Lines (UTF-8), one record per line, appended as the session goes:
 *   {"v":1,"type":"prompt","time":"<ISO 8601>","text":"<what the person asked>"}
 *   {"v":1,"type":"assistant","time":"…","turn":1,"message":{<the model's complete message:
 *      id, model, content blocks, stop_reason, usage>}}
 *   {"v":1,"type":"event","time":"…","event":{<an agent event: session/start, tool/decision,
 *      tool/start, tool/result, model/retry, turn/end, session/end>}}
 * Stream deltas (`model/stream` events) are not stored: they are many and small, and each
 * turn's complete assistant message, stored once, carries the same content. A resumed session
 * (`--resume <id>`) appends to the same file, starting with a new session/start event.
 *
 * Durability: every record is written to the file when it happens (a crash of AgentGate loses
 * nothing already written) and the file is flushed to disk (fsync, in the background so the
 * agent does not wait on the disk) at each turn's end and at session end, so a machine crash
 * loses at most the turn in flight. A last line cut short by a
 * crash is ignored when the session is resumed, and removed before new records are appended.
 *
 * Cleanup: when a session starts, transcripts not modified for `cleanupPeriodDays` (setting,
 * default 30) are deleted.
 *
 * Secrets: environment variables, API keys and apiKeyHelper output are never part of a record;
 * as a second line of defence, known secret values handed to the writer are replaced by
 * `[redacted]` should a tool's output contain them.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ModelMessage } from '../providers/types';
import { TranscriptError } from './errors';
import type { SessionRecorder } from './sessionRecorder';
import type { AgentEvent } from './types';

export const TRANSCRIPT_VERSION = 1;
export const DEFAULT_CLEANUP_PERIOD_DAYS = 30;

export type TranscriptRecord =
  | { v: number; type: 'prompt'; time: string; text: string }
  | { v: number; type: 'assistant'; time: string; turn: number; message: ModelMessage }
  | { v: number; type: 'event'; time: string; event: AgentEvent };

const MAX_DIR_NAME = 180;
const SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function projectsRoot(home: string): string {
  return path.join(home, '.agentgate', 'projects');
}

/** The workspace path made safe as one folder name. */
export function projectDirName(cwd: string): string {
  const safe = path.resolve(cwd).replace(/[^A-Za-z0-9]/g, '-');
  if (safe.length <= MAX_DIR_NAME) return safe;
  const hash = createHash('sha256').update(path.resolve(cwd)).digest('hex').slice(0, 12);
  return `${safe.slice(0, MAX_DIR_NAME - 13)}-${hash}`;
}

export function isValidSessionId(id: string): boolean {
  return SESSION_ID.test(id);
}

export function transcriptPath(home: string, cwd: string, sessionId: string): string {
  if (!isValidSessionId(sessionId)) throw new TranscriptError('invalid', `"${sessionId}" is not a session id.`, sessionId);
  return path.join(projectsRoot(home), projectDirName(cwd), `${sessionId}.jsonl`);
}

/** Cuts a last line that has no newline (a write interrupted by a crash). */
function dropTruncatedTail(fd: number): void {
  const size = fstatSync(fd).size;
  if (size === 0) return;
  const chunk = Buffer.alloc(Math.min(size, 64 * 1024));
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - chunk.length);
    const read = readSync(fd, chunk, 0, end - start, start);
    const slice = chunk.subarray(0, read);
    if (end === size && slice.at(-1) === 0x0a) return;
    const newline = slice.lastIndexOf(0x0a);
    if (newline !== -1) {
      ftruncateSync(fd, start + newline + 1);
      return;
    }
    end = start;
  }
  ftruncateSync(fd, 0);
}

/** Appends a session's records to its transcript file. */
export class TranscriptWriter implements SessionRecorder {
  private fd: number | undefined;
  private flushed: Promise<void> = Promise.resolve();
  private failure: TranscriptError | undefined;

  private constructor(
    readonly file: string,
    fd: number,
    private readonly secrets: () => readonly string[],
    private readonly now: () => Date,
    private readonly sync: (fd: number) => Promise<void>,
  ) {
    this.fd = fd;
  }

  /**
   * Opens (or creates) the file for appending. `secrets` gives the values never to be written
   * (asked at each write, so keys fetched later are covered); `sync` replaces fsync (tests
   * count the flushes).
   */
  static async open(
    file: string,
    options: { secrets?: () => readonly string[]; now?: () => Date; sync?: (fd: number) => Promise<void> } = {},
  ): Promise<TranscriptWriter> {
    try {
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const fd = openSync(file, 'a+', 0o600);
      dropTruncatedTail(fd);
      return new TranscriptWriter(file, fd, options.secrets ?? (() => []), options.now ?? (() => new Date()), options.sync ?? promisify(fsync));
    } catch (error) {
      throw new TranscriptError('io', `Cannot open the transcript ${file}: ${(error as Error).message}`, file, { cause: error });
    }
  }

  prompt(text: string): void {
    this.append({ v: TRANSCRIPT_VERSION, type: 'prompt', time: this.time(), text });
  }

  assistant(turn: number, message: ModelMessage): void {
    this.append({ v: TRANSCRIPT_VERSION, type: 'assistant', time: this.time(), turn, message });
  }

  event(event: AgentEvent): void {
    if (event.type === 'model/stream') return;
    this.append({ v: TRANSCRIPT_VERSION, type: 'event', time: this.time(), event });
    if (event.type === 'turn/end' || event.type === 'session/end') void this.flush();
  }

  /**
   * Forces what was written onto the disk, without blocking the event loop: the fsync runs in
   * the background, in order. A failure is raised by the next write or by close().
   */
  flush(): Promise<void> {
    const fd = this.fd;
    if (fd === undefined) return this.flushed;
    this.flushed = this.flushed.then(() =>
      this.sync(fd).catch((error: unknown) => {
        this.failure ??= new TranscriptError('io', `Cannot flush the transcript ${this.file}: ${(error as Error).message}`, this.file, { cause: error });
      }),
    );
    return this.flushed;
  }

  /** Waits for the last flush, then closes the file. */
  async close(): Promise<void> {
    if (this.fd === undefined) return;
    await this.flush();
    closeSync(this.fd);
    this.fd = undefined;
    if (this.failure) throw this.failure;
  }

  private time(): string {
    return this.now().toISOString();
  }

  private append(record: TranscriptRecord): void {
    if (this.failure) throw this.failure;
    if (this.fd === undefined) throw new TranscriptError('io', `The transcript ${this.file} is closed.`, this.file);
    let line = JSON.stringify(record);
    for (const secret of this.secrets()) if (secret.length >= 8 && line.includes(secret)) line = line.split(secret).join('[redacted]');
    try {
      writeSync(this.fd, `${line}\n`);
    } catch (error) {
      throw new TranscriptError('io', `Cannot write the transcript ${this.file}: ${(error as Error).message}`, this.file, { cause: error });
    }
  }
}
