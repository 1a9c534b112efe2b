import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MessageParam, ProviderName } from '../providers/types';
import { Conversation } from './conversation';
import { TranscriptError } from './errors';
import type { ToolOutcome } from './toolCalls';
import { isValidSessionId, projectDirName, projectsRoot, type TranscriptRecord } from './transcript';

/** What a transcript holds, rebuilt so the loop can continue the session. */
export interface ResumedSession {
  sessionId: string;
  file: string;
  messages: MessageParam[];
  /** Results of tool calls that ran, by tool_use id (never run again). */
  completed: Map<string, ToolOutcome>;
  /** From the last session/start record, when there is one. */
  started?: { provider: ProviderName; model: string; cwd: string };
  records: number;
  /** True when the last line was cut short (a crash mid-write) and was ignored. */
  truncatedTail: boolean;
}

function isRecord(value: unknown): value is TranscriptRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  switch (record.type) {
    case 'prompt':
      return typeof record.text === 'string';
    case 'assistant':
      return typeof record.message === 'object' && record.message !== null && Array.isArray((record.message as { content?: unknown }).content);
    case 'event':
      return typeof record.event === 'object' && record.event !== null && typeof (record.event as { type?: unknown }).type === 'string';
    default:
      return false;
  }
}

/** Parses a transcript's text. Only the last line may be broken (it is then ignored). */
export function parseTranscript(text: string, file: string): { records: TranscriptRecord[]; truncatedTail: boolean } {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const records: TranscriptRecord[] = [];
  let truncatedTail = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (isRecord(value)) {
      records.push(value);
    } else if (i === lines.length - 1 && !text.endsWith('\n')) {
      truncatedTail = true;
    } else {
      throw new TranscriptError('corrupt', `${file}:${i + 1}: this line is not a transcript record. The file was changed or damaged.`, file);
    }
  }
  return { records, truncatedTail };
}

/** Rebuilds the conversation and the set of tool calls that already ran. */
export function rebuildConversation(records: readonly TranscriptRecord[]): Pick<ResumedSession, 'messages' | 'completed' | 'started'> {
  const conversation = new Conversation();
  const completed = new Map<string, ToolOutcome>();
  let pending = new Map<string, ToolOutcome>();
  let started: ResumedSession['started'];
  const settleToolCalls = () => {
    conversation.addToolResults(pending);
    pending = new Map();
  };
  for (const record of records) {
    if (record.type === 'prompt') {
      settleToolCalls();
      conversation.addUserText(record.text);
    } else if (record.type === 'assistant') {
      settleToolCalls();
      conversation.addAssistant(record.message);
    } else if (record.event.type === 'tool/result') {
      const outcome = { content: record.event.content, isError: record.event.isError };
      pending.set(record.event.toolUseId, outcome);
      completed.set(record.event.toolUseId, outcome);
    } else if (record.event.type === 'session/start') {
      started = { provider: record.event.provider, model: record.event.model, cwd: record.event.cwd };
    }
  }
  settleToolCalls();
  return { messages: [...conversation.messages], completed, started };
}

export async function loadTranscript(file: string, sessionId: string): Promise<ResumedSession> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TranscriptError('notFound', `No transcript for session ${sessionId} at ${file}.`, file, { cause: error });
    throw new TranscriptError('io', `Cannot read the transcript ${file}: ${(error as Error).message}`, file, { cause: error });
  }
  const { records, truncatedTail } = parseTranscript(text, file);
  return { sessionId, file, records: records.length, truncatedTail, ...rebuildConversation(records) };
}

/**
 * Finds a session's transcript: first under the working directory's project folder, then
 * under any project folder (a session may be resumed from another directory).
 */
export async function findTranscript(home: string, cwd: string, sessionId: string): Promise<string> {
  if (!isValidSessionId(sessionId)) throw new TranscriptError('invalid', `"${sessionId}" is not a session id.`, sessionId);
  const root = projectsRoot(home);
  const name = `${sessionId}.jsonl`;
  const own = projectDirName(cwd);
  let folders: string[];
  try {
    folders = await readdir(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') folders = [];
    else throw new TranscriptError('io', `Cannot list ${root}: ${(error as Error).message}`, root, { cause: error });
  }
  const ordered = [own, ...folders.filter((folder) => folder !== own)];
  for (const folder of ordered) {
    const file = path.join(root, folder, name);
    const found = await access(file).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return false;
        throw new TranscriptError('io', `Cannot check ${file}: ${error.message}`, file, { cause: error });
      },
    );
    if (found) return file;
  }
  throw new TranscriptError('notFound', `No transcript for session ${sessionId} under ${root}.`, path.join(root, own, name));
}
