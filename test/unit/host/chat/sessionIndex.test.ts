import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { projectDirName, projectsRoot } from '../../../../src/core/agent/transcript';
import { listSessions } from '../../../../src/host/chat/sessionIndex';

describe('host: listSessions (history from transcripts)', () => {
  let home: string;
  const cwd = '/work/shop';

  before(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'agentgate-sessions-'));
    const folder = path.join(projectsRoot(home), projectDirName(cwd));
    await mkdir(folder, { recursive: true });
    const line = (record: object) => `${JSON.stringify({ v: 1, time: '2026-01-01T00:00:00Z', ...record })}\n`;
    const write = async (id: string, lines: string, mtime: number) => {
      const file = path.join(folder, `${id}.jsonl`);
      await writeFile(file, lines);
      await utimes(file, mtime, mtime);
    };
    await write('11111111-aaaa', line({ type: 'prompt', text: 'Fix the login bug\nwith details' }) + line({ type: 'assistant', turn: 1, message: { content: [] } }), 1000);
    await write('22222222-bbbb', line({ type: 'prompt', text: 'x'.repeat(200) }), 2000);
    await write('33333333-cccc', line({ type: 'event', event: { type: 'session/start' } }), 3000);
    await writeFile(path.join(folder, 'notes.txt'), 'not a transcript');
  });

  after(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('lists sessions with messages, newest first, titled by their first prompt line', async () => {
    const sessions = await listSessions(home, cwd);
    assert.deepEqual(sessions.map((s) => s.sessionId), ['22222222-bbbb', '11111111-aaaa']);
    assert.equal(sessions[1]?.title, 'Fix the login bug');
    assert.equal(sessions[1]?.messageCount, 2);
    assert.equal(sessions[0]?.title.length, 81, 'long titles are cut with an ellipsis');
  });

  it('is empty for a workspace without transcripts', async () => {
    assert.deepEqual(await listSessions(home, '/elsewhere'), []);
  });
});
