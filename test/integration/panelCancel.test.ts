/**
 * Stop in the real extension host: it cancels a streaming answer, a pending approval, and a
 * running command, whose process is killed.
 */
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fault, reply, say, toolUse } from '../support/modelServers';
import { PanelDriver, workspaceFolder } from './panelDriver';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('panel Stop (extension host)', () => {
  let driver: PanelDriver;

  before(async () => {
    driver = await PanelDriver.start();
  });

  after(async () => {
    await driver?.close();
  });

  it('cancels a streaming answer', async () => {
    driver.server.push(fault.stall(2, say('This answer never finishes.')));
    const turn = driver.send('Tell me a long story');
    await driver.next('chat/busy', (m) => m.turnId === turn);
    while (driver.server.requests.length === 0) await sleep(20);
    driver.dispatch({ type: 'chat/stop', turnId: turn });
    assert.equal((await driver.done(turn)).reason, 'cancelled');
    assert.equal(await driver.server.requests[0]!.ended, 'clientClosed');
    await driver.next('chat/busy', (m) => m.turnId === null);
  });

  it('cancels a pending approval', async () => {
    driver.server.push(reply(toolUse('Bash', { command: 'touch scratch-cancel.txt' })));
    const turn = driver.send('Touch a file');
    const { requestId } = await driver.prompt(turn);
    driver.dispatch({ type: 'chat/stop', turnId: turn });
    assert.equal((await driver.done(turn)).reason, 'cancelled');
    const resolved = await driver.next('permission/resolved', (m) => m.requestId === requestId);
    assert.equal(resolved.outcome, 'cancelled');
  });

  it('kills a running command', async () => {
    const pidFile = path.join(workspaceFolder(), 'scratch-cancel.pid');
    driver.cleanUpLater(pidFile);
    driver.server.push(reply(toolUse('Bash', { command: `echo $$ > ${pidFile}; sleep 60` })), say('unused'));
    const turn = driver.send('Run something slow');
    const { requestId } = await driver.prompt(turn);
    driver.dispatch({ type: 'permission/reply', requestId, reply: { kind: 'allowOnce' } });
    let pid = 0;
    while (!pid) {
      pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
      await sleep(20);
    }
    assert.equal(alive(pid), true);
    driver.dispatch({ type: 'chat/stop', turnId: turn });
    assert.equal((await driver.done(turn)).reason, 'cancelled');
    while (alive(pid)) await sleep(50);
    assert.equal(alive(pid), false);
  });
});
