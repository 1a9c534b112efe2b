/**
 * Keyboard first, in the real workbench: Shift+Enter adds a line and Enter sends; "@" offers
 * workspace files and Enter attaches one; Escape stops a streaming answer.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../support/harness/expect';
import { fault, say } from '../support/modelServers';
import { startPanelScenario, type PanelScenario } from './panelScenario';

describe('panel: keyboard', () => {
  let scenario: PanelScenario;

  before(async () => {
    scenario = await startPanelScenario('e2e-panel-keyboard', [say('Two lines received.'), say('index.js defines greet.'), fault.stall(2, say('This never finishes.'))]);
  });

  after(async () => {
    await scenario?.close();
  });

  it('Shift+Enter adds a line, Enter sends', async () => {
    const panel = scenario.panel();
    const composer = panel.getByRole('textbox', { name: 'Message to AgentGate' });
    await composer.click();
    await composer.pressSequentially('first line');
    await composer.press('Shift+Enter');
    await composer.pressSequentially('second line');
    assert.equal(await composer.inputValue(), 'first line\nsecond line');
    await composer.press('Enter');
    await panel.getByText('Two lines received.').waitFor();
    assert.equal(await composer.inputValue(), '');
    assert.match(scenario.server.requests[0]?.rawBody ?? '', /first line\\nsecond line/);
  });

  it('"@" offers workspace files; Enter attaches one, which reaches the model', async () => {
    await scenario.idle();
    const panel = scenario.panel();
    const composer = panel.getByRole('textbox', { name: 'Message to AgentGate' });
    await composer.pressSequentially('Explain @inde');
    const option = panel.getByRole('option', { name: /index\.js/ });
    await option.waitFor();
    await scenario.screenshot('k1-mention');
    await composer.press('Enter');
    await panel.getByRole('list', { name: 'Context to send' }).getByText('index.js').waitFor();
    assert.equal(await composer.inputValue(), 'Explain ');
    await composer.press('Enter');
    await panel.getByText('index.js defines greet.').waitFor();
    assert.match(scenario.server.requests[1]?.rawBody ?? '', /<file path=\\"index.js\\">/);
  });

  it('Escape stops a streaming answer', async () => {
    await scenario.idle();
    const panel = scenario.panel();
    const composer = panel.getByRole('textbox', { name: 'Message to AgentGate' });
    await composer.fill('Tell me a long story');
    await composer.press('Enter');
    await panel.getByRole('button', { name: 'Stop', exact: true }).waitFor();
    await eventually(async () => scenario.server.requests.length, (n) => n >= 3, 'the model request');
    await composer.press('Escape');
    await panel.getByRole('log', { name: 'Conversation' }).getByText('Stopped.', { exact: true }).waitFor();
    await scenario.idle();
    assert.equal(await scenario.server.requests[2]!.ended, 'clientClosed');
    await scenario.screenshot('k2-stopped');
  });
});
