import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { z } from 'zod';
import { ToolInputError } from '../../../../src/core/tools/types';
import { decision, decideBy, fakeTool, ScriptedPrompter, text, toolUse } from './fakes';
import { makeSession, resultText, toolResultsOf } from './harness';

describe('agent loop: turns and tool calls', () => {
  it('answers without tools in one turn and reports the events in order', async () => {
    const { session, provider, sink } = makeSession({ script: [{ content: [text('Hello there.')] }] });
    const result = await session.run('Say hello');
    assert.equal(result.reason, 'done');
    assert.equal(result.finalText, 'Hello there.');
    assert.equal(result.turns, 1);
    assert.equal(provider.requests.length, 1);
    assert.deepEqual(provider.requests[0]!.messages.map((m) => m.role), ['user']);
    const types = sink.events.map((event) => event.type);
    assert.equal(types[0], 'session/start');
    assert.ok(types.includes('model/stream'));
    assert.deepEqual(types.slice(-2), ['turn/end', 'session/end']);
  });

  it('runs an allowed tool and sends its result in the next request', async () => {
    const read = fakeTool({ name: 'Read', readOnly: true, run: async () => ({ content: 'file body' }) });
    const engine = decideBy({ Read: 'allow' });
    const { session, provider, sink } = makeSession({
      script: [{ content: [text('Reading.'), toolUse('t1', 'Read', { path: 'a.txt' })] }, { content: [text('It says: file body')] }],
      tools: [read],
      decide: engine.decide,
    });
    const result = await session.run('What is in a.txt?');
    assert.equal(result.reason, 'done');
    assert.deepEqual(read.runs, [{ path: 'a.txt' }]);
    assert.deepEqual(engine.calls, [{ tool: 'Read', input: { path: 'a.txt' } }]);
    const [block] = toolResultsOf(provider.requests[1]!.messages);
    assert.equal(block?.tool_use_id, 't1');
    assert.equal(resultText(block), 'file body');
    assert.equal(block?.is_error, false);
    assert.deepEqual(
      sink.events.filter((e) => e.type.startsWith('tool/')).map((e) => e.type),
      ['tool/decision', 'tool/start', 'tool/result'],
    );
  });

  it('sends an engine denial as an error result with the reason and rule, without running the tool', async () => {
    const bash = fakeTool({ name: 'Bash', schema: z.object({ command: z.string() }) });
    const denied = decision('deny', 'rm is denied by policy', 'Bash(rm:*)');
    const { session, provider } = makeSession({
      script: [{ content: [toolUse('t1', 'Bash', { command: 'rm -rf build' })] }, { content: [text('OK, I will not.')] }],
      tools: [bash],
      decide: decideBy({ Bash: denied }).decide,
    });
    const result = await session.run('clean');
    assert.equal(bash.runs.length, 0);
    const [block] = toolResultsOf(provider.requests[1]!.messages);
    assert.equal(block?.is_error, true);
    assert.match(resultText(block), /rm is denied by policy/);
    assert.match(resultText(block), /Bash\(rm:\*\)/);
    assert.deepEqual(result.denials.map((d) => [d.toolName, d.toolUseId, d.by]), [['Bash', 't1', 'rule']]);
    assert.deepEqual(result.denials[0]!.toolInput, { command: 'rm -rf build' });
  });

  it('refuses an "ask" when nobody can approve (headless) and says how to allow it', async () => {
    const bash = fakeTool({ name: 'Bash', schema: z.object({ command: z.string() }) });
    const ask = { ...decision('ask', 'npm install reaches the network'), bash: { description: 'x', subcommands: [], suggestions: ['Bash(npm install:*)'] } };
    const { session, provider } = makeSession({
      script: [{ content: [toolUse('t1', 'Bash', { command: 'npm install' })] }, { content: [text('Cannot install.')] }],
      tools: [bash],
      decide: decideBy({ Bash: ask }).decide,
    });
    const result = await session.run('install');
    assert.equal(bash.runs.length, 0);
    const message = resultText(toolResultsOf(provider.requests[1]!.messages)[0]);
    assert.match(message, /^This action needs approval, and nobody can approve it in a non-interactive run\./);
    assert.match(message, /Bash\(npm install:\*\)/);
    assert.equal(result.denials[0]?.by, 'headless');
  });

  it('asks the person with the decision and the file changes, then runs on allowOnce', async () => {
    const changes = [{ path: '/work/project/a.txt', before: 'old', after: 'new' }];
    const edit = fakeTool({ name: 'Edit', preview: async () => changes });
    const ask = decision('ask', 'edits need approval');
    const prompter = new ScriptedPrompter([{ kind: 'allowOnce' }]);
    const { session } = makeSession({
      script: [{ content: [toolUse('t1', 'Edit', { path: 'a.txt' })] }, { content: [text('Done.')] }],
      tools: [edit],
      decide: decideBy({ Edit: ask }).decide,
      approvals: { prompter, saveRule: async () => assert.fail('no rule to save') },
    });
    const result = await session.run('edit it');
    assert.equal(result.reason, 'done');
    assert.equal(edit.runs.length, 1);
    assert.equal(prompter.asked.length, 1);
    assert.deepEqual(prompter.asked[0]!.decision, ask);
    assert.deepEqual(prompter.asked[0]!.changes, changes);
    assert.equal(prompter.asked[0]!.toolUseId, 't1');
  });

  it('saves the rule on allowAlways before running the tool', async () => {
    const order: string[] = [];
    const bash = fakeTool({ name: 'Bash', schema: z.object({ command: z.string() }), run: async () => (order.push('run'), { content: 'ok' }) });
    const saved: [string, string][] = [];
    const prompter = new ScriptedPrompter([{ kind: 'allowAlways', rule: 'Bash(npm test:*)', scope: 'local' }]);
    const { session } = makeSession({
      script: [{ content: [toolUse('t1', 'Bash', { command: 'npm test' })] }, { content: [text('Tests pass.')] }],
      tools: [bash],
      decide: decideBy({ Bash: 'ask' }).decide,
      approvals: { prompter, saveRule: async (rule, scope) => (order.push('save'), void saved.push([rule, scope])) },
    });
    await session.run('test');
    assert.deepEqual(saved, [['Bash(npm test:*)', 'local']]);
    assert.deepEqual(order, ['save', 'run']);
    assert.equal(prompter.asked.length, 1);
  });

  it('ends the run with an error when an approved rule cannot be saved, without running the tool', async () => {
    const bash = fakeTool({ name: 'Bash', schema: z.object({ command: z.string() }) });
    const prompter = new ScriptedPrompter([{ kind: 'allowAlways', rule: 'Bash(make:*)', scope: 'project' }]);
    const { session, sink } = makeSession({
      script: [{ content: [toolUse('t1', 'Bash', { command: 'make' })] }],
      tools: [bash],
      decide: decideBy({ Bash: 'ask' }).decide,
      approvals: { prompter, saveRule: async () => Promise.reject(new Error('settings.local.json is read-only')) },
    });
    const result = await session.run('build');
    assert.equal(result.reason, 'error');
    assert.match(result.error?.message ?? '', /Could not save the permission rule "Bash\(make:\*\)".*read-only/);
    assert.equal(bash.runs.length, 0);
    assert.equal(sink.ofType('session/end')[0]?.reason, 'error');
    // The conversation stays valid for the API: the call has an error result.
    const results = toolResultsOf(session.messages);
    assert.equal(results[0]?.tool_use_id, 't1');
    assert.equal(results[0]?.is_error, true);
  });

  it("sends the person's denial and feedback to the model in the next request", async () => {
    const bash = fakeTool({ name: 'Bash', schema: z.object({ command: z.string() }) });
    const prompter = new ScriptedPrompter([{ kind: 'deny', feedback: 'use pnpm, not npm' }]);
    const { session, provider } = makeSession({
      script: [{ content: [toolUse('t1', 'Bash', { command: 'npm i' })] }, { content: [text('Switching to pnpm.')] }],
      tools: [bash],
      decide: decideBy({ Bash: decision('ask', 'installing packages needs approval') }).decide,
      approvals: { prompter, saveRule: async () => undefined },
    });
    const result = await session.run('install deps');
    assert.equal(bash.runs.length, 0);
    const [block] = toolResultsOf(provider.requests[1]!.messages);
    assert.equal(block?.is_error, true);
    assert.match(resultText(block), /The person denied this action/);
    assert.match(resultText(block), /use pnpm, not npm/);
    assert.match(resultText(block), /installing packages needs approval/);
    assert.equal(result.denials[0]?.by, 'person');
  });

  it('rejects input that does not match the tool schema without asking the engine', async () => {
    const read = fakeTool({ name: 'Read', readOnly: true });
    const engine = decideBy({});
    const { session, provider } = makeSession({
      script: [{ content: [toolUse('t1', 'Read', { path: 42 })] }, { content: [text('Sorry.')] }],
      tools: [read],
      decide: engine.decide,
    });
    await session.run('read');
    assert.equal(read.runs.length, 0);
    assert.equal(engine.calls.length, 0);
    const [block] = toolResultsOf(provider.requests[1]!.messages);
    assert.equal(block?.is_error, true);
    assert.match(resultText(block), /Invalid input for Read/);
    assert.match(resultText(block), /path/);
  });

  it('answers a call to an unknown tool with an error naming the available tools', async () => {
    const { session, provider } = makeSession({
      script: [{ content: [toolUse('t1', 'Teleport', {})] }, { content: [text('Never mind.')] }],
      tools: [fakeTool({ name: 'Read', readOnly: true })],
    });
    await session.run('go');
    const message = resultText(toolResultsOf(provider.requests[1]!.messages)[0]);
    assert.match(message, /no tool named "Teleport"/);
    assert.match(message, /Read/);
  });

  it('reports a failing tool to the model as an error result', async () => {
    const tool = fakeTool({ name: 'Write', run: async () => Promise.reject(new Error('disk full')) });
    const { session, provider, sink } = makeSession({
      script: [{ content: [toolUse('t1', 'Write', { path: 'x' })] }, { content: [text('The disk is full.')] }],
      tools: [tool],
    });
    await session.run('write');
    assert.equal(resultText(toolResultsOf(provider.requests[1]!.messages)[0]), 'Write failed unexpectedly: disk full');
    assert.equal(sink.ofType('tool/result')[0]?.isError, true);
  });

  it('answers a call whose change preview fails with an error result, without asking anyone', async () => {
    const edit = fakeTool({ name: 'Edit', preview: async () => Promise.reject(new ToolInputError('old_string was not found in a.txt')) });
    const prompter = new ScriptedPrompter([]);
    const { session, provider } = makeSession({
      script: [{ content: [toolUse('t1', 'Edit', { path: 'a.txt' })] }, { content: [text('Let me re-read it.')] }],
      tools: [edit],
      decide: decideBy({ Edit: 'ask' }).decide,
      approvals: { prompter, saveRule: async () => undefined },
    });
    const result = await session.run('edit');
    assert.equal(result.reason, 'done');
    assert.equal(prompter.asked.length, 0);
    assert.equal(edit.runs.length, 0);
    assert.equal(resultText(toolResultsOf(provider.requests[1]!.messages)[0]), 'old_string was not found in a.txt');
  });

  it('runs read-only calls of one message in parallel and other calls one at a time, results in call order', async () => {
    let active = 0;
    let peak = 0;
    const trace: string[] = [];
    const work = (label: string) => async (input: Record<string, unknown>) => {
      active++;
      peak = Math.max(peak, active);
      trace.push(`start ${label}${String(input.path)}`);
      for (let i = 0; i < 5; i++) await tick();
      trace.push(`end ${label}${String(input.path)}`);
      active--;
      return { content: `${label}${String(input.path)}` };
    };
    const read = fakeTool({ name: 'Read', readOnly: true, run: work('R') });
    const edit = fakeTool({ name: 'Edit', run: work('E') });
    const calls = [
      toolUse('r1', 'Read', { path: '1' }),
      toolUse('r2', 'Read', { path: '2' }),
      toolUse('e1', 'Edit', { path: '3' }),
      toolUse('e2', 'Edit', { path: '4' }),
    ];
    const { session, provider } = makeSession({ script: [{ content: calls }, { content: [text('done')] }], tools: [read, edit] });
    await session.run('go');
    assert.equal(peak, 2, 'the two reads overlapped, nothing else did');
    assert.deepEqual(trace.slice(0, 2), ['start R1', 'start R2']);
    assert.deepEqual(trace.slice(4), ['start E3', 'end E3', 'start E4', 'end E4']);
    const results = toolResultsOf(provider.requests[1]!.messages);
    assert.deepEqual(results.map((r) => r.tool_use_id), ['r1', 'r2', 'e1', 'e2']);
    assert.deepEqual(results.map(resultText), ['R1', 'R2', 'E3', 'E4']);
  });

  it('stops at the turn limit', async () => {
    const read = fakeTool({ name: 'Read', readOnly: true });
    let n = 0;
    const step = () => ({ content: [toolUse(`t${++n}`, 'Read', { path: 'x' })] });
    const { session, provider, sink } = makeSession({ script: [step, step, step], tools: [read], extra: { maxTurns: 2 } });
    const result = await session.run('loop forever');
    assert.equal(result.reason, 'maxTurns');
    assert.equal(result.turns, 2);
    assert.equal(provider.requests.length, 2);
    assert.equal(sink.ofType('session/end')[0]?.reason, 'maxTurns');
  });

  it('never runs a tool_use id twice, even when the model repeats it later', async () => {
    const read = fakeTool({ name: 'Read', readOnly: true });
    const { session, provider } = makeSession({
      script: [{ content: [toolUse('same', 'Read', { path: 'a' })] }, { content: [toolUse('same', 'Read', { path: 'a' })] }, { content: [text('ok')] }],
      tools: [read],
    });
    await session.run('go');
    assert.equal(read.runs.length, 1);
    assert.equal(toolResultsOf(provider.requests[2]!.messages)[0]?.tool_use_id, 'same');
  });

  it('continues the same conversation on the next run', async () => {
    const { session, provider } = makeSession({ script: [{ content: [text('First.')] }, { content: [text('Second.')] }] });
    await session.run('one');
    await session.run('two');
    assert.deepEqual(provider.requests[1]!.messages.map((m) => m.role), ['user', 'assistant', 'user']);
  });
});
