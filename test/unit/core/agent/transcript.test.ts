import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { NOT_RUN_RESULT } from '../../../../src/core/agent/conversation';
import { TranscriptError } from '../../../../src/core/agent/errors';
import { projectDirName, transcriptPath, TranscriptWriter } from '../../../../src/core/agent/transcript';
import { removeOldTranscripts } from '../../../../src/core/agent/transcriptCleanup';
import { findTranscript, loadTranscript, parseTranscript } from '../../../../src/core/agent/transcriptReader';
import { fakeTool, text, toolUse, toMessage } from './fakes';
import { makeSession, resultText, toolResultsOf } from './harness';

const roots: string[] = [];
function tempHome(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agentgate-transcript-'));
  roots.push(dir);
  return dir;
}
after(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function lines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function recordedSession(home: string, options: { secret?: string } = {}) {
  const file = transcriptPath(home, '/work/project', 'session-1');
  const flushes: number[] = [];
  const writer = await TranscriptWriter.open(file, { sync: async (fd) => void flushes.push(fd), ...(options.secret ? { secrets: () => [options.secret!] } : {}) });
  const read = fakeTool({ name: 'Read', readOnly: true, run: async () => ({ content: `body ${options.secret ?? ''}` }) });
  const setup = makeSession({
    script: [{ content: [text('Looking.'), toolUse('t1', 'Read', { path: 'a' })] }, { content: [text('Found it.')] }],
    tools: [read],
    extra: { recorders: [writer] },
  });
  await setup.session.run('find it');
  return { file, writer, flushes, read, ...setup };
}

describe('transcripts', () => {
  it('lives under ~/.agentgate/projects/<workspace made file-name safe>/<session id>.jsonl', () => {
    assert.equal(transcriptPath('/home/ana', '/home/ana/shop', 'abc-123'), '/home/ana/.agentgate/projects/-home-ana-shop/abc-123.jsonl');
    assert.equal(projectDirName('/a b/ü.x'), '-a-b---x');
    const long = projectDirName(`/${'deep/'.repeat(80)}end`);
    assert.ok(long.length <= 180);
    assert.notEqual(long, projectDirName(`/${'deep/'.repeat(80)}other`));
    assert.throws(() => transcriptPath('/home/ana', '/x', '../../etc/passwd'), TranscriptError);
  });

  it('appends one record per event, skips stream deltas, and flushes at each turn end and at session end', async () => {
    const home = tempHome();
    const { file, flushes, sink, writer } = await recordedSession(home);
    await writer.close();
    const records = lines(file);
    assert.deepEqual(
      records.map((r) => (r.type === 'event' ? (r.event as { type: string }).type : r.type)),
      ['session/start', 'prompt', 'assistant', 'tool/decision', 'tool/start', 'tool/result', 'turn/end', 'assistant', 'turn/end', 'session/end'],
    );
    assert.ok(records.every((r) => r.v === 1 && typeof r.time === 'string'));
    assert.ok(sink.ofType('model/stream').length > 0, 'stream events reached the sink but not the file');
    // Two turn ends and the session end, then close() waits for one last flush.
    assert.equal(flushes.length, 4);
  });

  it('raises a failed flush at the next write and at close, never dropping it', async () => {
    const file = transcriptPath(tempHome(), '/w', 'failing');
    const writer = await TranscriptWriter.open(file, { sync: async () => Promise.reject(new Error('EIO: disk gone')) });
    writer.prompt('hello');
    await writer.flush();
    assert.throws(() => writer.prompt('again'), (error: unknown) => error instanceof TranscriptError && /EIO: disk gone/.test(error.message));
    await assert.rejects(writer.close(), /EIO: disk gone/);
  });

  it('never writes a known secret value, even when a tool prints it', async () => {
    const home = tempHome();
    const secret = 'sk-ant-api03-SECRETSECRETSECRET';
    const { file } = await recordedSession(home, { secret });
    const content = readFileSync(file, 'utf8');
    assert.ok(!content.includes(secret));
    assert.match(content, /\[redacted\]/);
  });

  it('rebuilds the conversation so a resumed session continues it without running tools again', async () => {
    const home = tempHome();
    const first = await recordedSession(home);
    await first.writer.close();
    const resumed = await loadTranscript(first.file, 'session-1');
    assert.deepEqual(resumed.messages, first.session.messages);
    assert.deepEqual([...resumed.completed.keys()], ['t1']);
    assert.deepEqual(resumed.started, { provider: 'anthropic', model: 'claude-sonnet-4-5', cwd: '/work/project' });

    const writer = await TranscriptWriter.open(first.file);
    const read = fakeTool({ name: 'Read', readOnly: true });
    const second = makeSession({
      script: [{ content: [toolUse('t1', 'Read', { path: 'a' })] }, { content: [text('Still there.')] }],
      tools: [read],
      extra: { recorders: [writer], resume: resumed },
    });
    await second.session.run('and now?');
    await writer.close();
    assert.equal(read.runs.length, 0, 't1 ran in the first session');
    assert.equal(second.provider.requests[0]!.messages.length, first.session.messages.length + 1);
    assert.deepEqual(second.session.messages.slice(0, first.session.messages.length), first.session.messages);
    const again = await loadTranscript(first.file, 'session-1');
    assert.deepEqual(again.messages, second.session.messages);
  });

  it('tolerates a last line cut short by a crash, and removes it before appending', async () => {
    const home = tempHome();
    const { file, writer, session } = await recordedSession(home);
    await writer.close();
    appendFileSync(file, '{"v":1,"type":"event","time":"2026-11-2');
    const resumed = await loadTranscript(file, 'session-1');
    assert.equal(resumed.truncatedTail, true);
    assert.deepEqual(resumed.messages, session.messages);
    const reopened = await TranscriptWriter.open(file);
    reopened.prompt('after the crash');
    await reopened.close();
    const parsed = parseTranscript(readFileSync(file, 'utf8'), file);
    assert.equal(parsed.truncatedTail, false);
    assert.equal(parsed.records.at(-1)?.type, 'prompt');
  });

  it('refuses a transcript damaged before its last line', () => {
    const text = '{"v":1,"type":"prompt","time":"t","text":"a"}\nnot json\n{"v":1,"type":"prompt","time":"t","text":"b"}\n';
    assert.throws(() => parseTranscript(text, 'x.jsonl'), (error: unknown) => error instanceof TranscriptError && error.kind === 'corrupt' && /x\.jsonl:2/.test(error.message));
  });

  it('answers tool calls that never got a result (crash mid-turn) as not run', () => {
    const message = toMessage({ content: [toolUse('t1', 'Bash', { command: 'make' }), toolUse('t2', 'Read', { path: 'a' })] }, 'm', 'msg_1');
    const records = [
      { v: 1, type: 'prompt', time: 't', text: 'build' },
      { v: 1, type: 'assistant', time: 't', turn: 1, message },
      { v: 1, type: 'event', time: 't', event: { type: 'tool/result', toolUseId: 't1', tool: 'Bash', content: 'built', isError: false } },
    ];
    const text = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
    const { records: parsed } = parseTranscript(text, 'x');
    assert.equal(parsed.length, 3);
    return loadFromText(text).then((resumed) => {
      const results = toolResultsOf(resumed.messages);
      assert.deepEqual(results.map(resultText), ['built', NOT_RUN_RESULT]);
      assert.deepEqual([...resumed.completed.keys()], ['t1']);
    });
  });

  it('finds a session by id from another working directory, and reports a missing one', async () => {
    const home = tempHome();
    const file = transcriptPath(home, '/elsewhere', 'abc');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '');
    assert.equal(await findTranscript(home, '/work/project', 'abc'), file);
    await assert.rejects(findTranscript(home, '/work/project', 'nope'), (error: unknown) => error instanceof TranscriptError && error.kind === 'notFound');
    await assert.rejects(findTranscript(home, '/work/project', '../abc'), (error: unknown) => error instanceof TranscriptError && error.kind === 'invalid');
  });

  it('removes transcripts older than the cleanup period, and keeps the rest', async () => {
    const home = tempHome();
    const now = new Date('2026-11-20T12:00:00Z');
    const make = (cwd: string, id: string, ageDays: number) => {
      const file = transcriptPath(home, cwd, id);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, '');
      const when = new Date(now.getTime() - ageDays * 86_400_000);
      utimesSync(file, when, when);
      return file;
    };
    const old = make('/a', 'old', 31);
    const recent = make('/a', 'recent', 29);
    const otherOld = make('/b', 'other', 100);
    const resumedOld = make('/b', 'resumed', 100);
    const notes = path.join(path.dirname(old), 'notes.txt');
    writeFileSync(notes, 'keep me');
    utimesSync(notes, new Date(0), new Date(0));
    const report = await removeOldTranscripts({ home, now, keep: resumedOld });
    assert.deepEqual(report.removed.sort(), [old, otherOld].sort());
    assert.deepEqual(report.problems, []);
    assert.ok(existsSync(recent) && existsSync(resumedOld) && existsSync(notes));
    const shorter = await removeOldTranscripts({ home, now, periodDays: 7 });
    assert.deepEqual(shorter.removed.sort(), [recent, resumedOld].sort());
  });

  it('does nothing when there are no transcripts yet', async () => {
    assert.deepEqual(await removeOldTranscripts({ home: tempHome() }), { removed: [], problems: [] });
  });
});

async function loadFromText(text: string) {
  const home = tempHome();
  const file = transcriptPath(home, '/w', 'crashed');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return loadTranscript(file, 'crashed');
}
