/**
 * Earlier sessions of a workspace, read from their transcripts under
 * ~/.agentgate/projects/<workspace>/ (see core/agent/transcript.ts): newest first, titled by
 * their first prompt. Never imports vscode.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isValidSessionId, projectDirName, projectsRoot } from '../../core/agent/transcript';
import type { SessionSummary } from '../../protocol/messages';
import { personText } from './promptContext';

const MAX_SESSIONS = 50;
const TITLE_CHARS = 80;

function titleOf(text: string): string {
  const firstLine = text.trim().split('\n')[0] ?? '';
  return firstLine.length > TITLE_CHARS ? `${firstLine.slice(0, TITLE_CHARS)}…` : firstLine || '(empty prompt)';
}

async function summarize(file: string, sessionId: string): Promise<SessionSummary | undefined> {
  const [info, text] = await Promise.all([stat(file), readFile(file, 'utf8')]);
  let title: string | undefined;
  let messageCount = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    let record: { type?: unknown; text?: unknown };
    try {
      record = JSON.parse(line) as { type?: unknown; text?: unknown };
    } catch {
      continue;
    }
    if (record.type === 'prompt' || record.type === 'assistant') messageCount++;
    if (record.type === 'prompt' && title === undefined && typeof record.text === 'string') title = titleOf(personText(record.text));
  }
  if (messageCount === 0) return undefined;
  return { sessionId, title: title ?? '(no prompt)', updatedAt: info.mtime.toISOString(), messageCount };
}

export async function listSessions(home: string, cwd: string): Promise<SessionSummary[]> {
  const folder = path.join(projectsRoot(home), projectDirName(cwd));
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const candidates = await Promise.all(
    names
      .filter((name) => name.endsWith('.jsonl') && isValidSessionId(name.slice(0, -'.jsonl'.length)))
      .map(async (name) => ({ name, mtime: (await stat(path.join(folder, name))).mtimeMs })),
  );
  candidates.sort((a, b) => b.mtime - a.mtime);
  const summaries = await Promise.all(candidates.slice(0, MAX_SESSIONS).map(({ name }) => summarize(path.join(folder, name), name.slice(0, -'.jsonl'.length))));
  return summaries.filter((summary): summary is SessionSummary => summary !== undefined);
}
