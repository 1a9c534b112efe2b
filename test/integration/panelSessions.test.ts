/**
 * Sessions and context in the real extension host: @-mention search, attached files reaching the
 * model, paths outside the workspace refused, and history with resume from the transcript.
 */
import * as assert from 'node:assert/strict';
import { say } from '../support/modelServers';
import { PanelDriver } from './panelDriver';

describe('panel sessions and context (extension host)', () => {
  let driver: PanelDriver;

  before(async () => {
    driver = await PanelDriver.start();
  });

  after(async () => {
    await driver?.close();
  });

  it('@-mention search finds workspace files, and an attached file reaches the model', async () => {
    const search = driver.dispatch({ type: 'mention/search', query: 'inde' });
    const results = await driver.next('mention/results', (m) => m.requestId === search);
    assert.ok(results.files.includes('index.js'), `found: ${results.files.join(', ')}`);

    driver.server.push(say('It defines greet.'));
    const turn = driver.dispatch({ type: 'chat/send', text: 'What does this do?', context: { files: ['index.js'], selection: false } });
    const user = await driver.next('chat/user', (m) => m.requestId === turn);
    assert.deepEqual(user.context, ['index.js']);
    assert.equal((await driver.done(turn)).reason, 'done');
    assert.match(driver.lastRequest(), /<file path=\\"index.js\\">\\nfunction greet/);
  });

  it('refuses to attach a path outside the workspace, and says so in the panel', async () => {
    const requests = driver.server.requests.length;
    const turn = driver.dispatch({ type: 'chat/send', text: 'Read this', context: { files: ['../../../../etc/passwd'], selection: false } });
    const notice = await driver.next('chat/notice', (m) => m.requestId === turn);
    assert.equal(notice.level, 'error');
    assert.match(notice.text, /not inside the workspace/);
    assert.equal(driver.server.requests.length, requests, 'nothing was sent to the model');
  });

  it('lists earlier sessions and resumes one where it stopped', async () => {
    await driver.newSession();
    driver.server.push(say('Noted: the codeword is heron.'));
    const first = driver.send('Remember the codeword heron');
    await driver.done(first);
    const started = await driver.next('session/started', (m) => m.sessionId !== null, driver.posted.findIndex((m) => m.type === 'chat/user' && m.requestId === first));
    const sessionId = started.sessionId!;

    await driver.newSession();
    const list = driver.dispatch({ type: 'session/list' });
    const sessions = await driver.next('session/list', (m) => m.requestId === list);
    const listed = sessions.sessions.find((s) => s.sessionId === sessionId);
    assert.ok(listed, 'the session is in the history');
    assert.equal(listed.title, 'Remember the codeword heron');

    const since = driver.posted.length;
    driver.dispatch({ type: 'session/resume', sessionId });
    await driver.next('session/started', (m) => m.sessionId === sessionId && m.resumed, since);
    const replayed = await driver.next('chat/user', (m) => m.text === 'Remember the codeword heron', since);
    assert.ok(replayed);
    await driver.next('chat/text', (m) => m.delta.includes('heron'), since);

    driver.server.push(say('The codeword was heron.'));
    const next = driver.send('What was the codeword?');
    assert.equal((await driver.done(next)).reason, 'done');
    assert.match(driver.lastRequest(), /Remember the codeword heron[\s\S]*Noted: the codeword is heron[\s\S]*What was the codeword/);
  });
});
