import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countCacheBreakpoints } from '../../../../src/core/agent/caching';
import { NOT_RUN_RESULT } from '../../../../src/core/agent/conversation';
import { fakeTool, text, toolUse } from './fakes';
import { makeSession, resultText, toolResultsOf } from './harness';

describe('agent loop: broken streams, cancellation, cost and caching', () => {
  it('restarts a turn whose stream broke mid-way and runs the tool exactly once', async () => {
    const read = fakeTool({ name: 'Read', readOnly: true, run: async () => ({ content: 'contents' }) });
    const call = [text('Let me look.'), toolUse('t1', 'Read', { path: 'a' })];
    const { session, provider, sink } = makeSession({
      script: [
        // Breaks after the tool_use block was fully streamed but before the message ended.
        { content: call, breakAfterEvents: 7 },
        { content: call },
        { content: [text('Done.')] },
      ],
      tools: [read],
    });
    const result = await session.run('look');
    assert.equal(result.reason, 'done');
    assert.equal(read.runs.length, 1);
    assert.equal(provider.requests.length, 3);
    assert.deepEqual(provider.requests[0]!.messages, provider.requests[1]!.messages, 'the turn is requested again unchanged');
    const retries = sink.ofType('model/retry');
    assert.equal(retries.length, 1);
    assert.equal(retries[0]!.turn, 1);
    assert.match(retries[0]!.reason, /attempt 2 of 3/);
    assert.equal(sink.ofType('tool/start').length, 1);
    assert.equal(toolResultsOf(provider.requests[2]!.messages).length, 1);
  });

  it('gives up after the attempts run out and ends with an error', async () => {
    const read = fakeTool({ name: 'Read', readOnly: true });
    const broken = { content: [toolUse('t1', 'Read', { path: 'a' })], breakAfterEvents: 2 };
    const { session, sink } = makeSession({ script: [broken, broken, broken], tools: [read], extra: { streamAttempts: 3 } });
    const result = await session.run('look');
    assert.equal(result.reason, 'error');
    assert.match(result.error?.message ?? '', /overloaded_error mid-stream/);
    assert.equal(read.runs.length, 0);
    assert.equal(sink.ofType('model/retry').length, 2);
    assert.deepEqual(session.messages.map((m) => m.role), ['user'], 'nothing of the broken turns entered the conversation');
  });

  it('accounts the input tokens of a broken attempt in the turn cost', async () => {
    const { session, sink } = makeSession({
      script: [
        { content: [text('partial')], breakAfterEvents: 2, usage: { input_tokens: 1000, output_tokens: 50 } },
        { content: [text('whole')], usage: { input_tokens: 1000, output_tokens: 200 } },
      ],
    });
    const result = await session.run('hi');
    const [turnEnd] = sink.ofType('turn/end');
    // Broken attempt: 1000 input + 1 output (as far as message_start reported); complete: 1000 + 200.
    assert.equal(turnEnd!.cost.usage.input_tokens, 2000);
    assert.equal(turnEnd!.cost.usage.output_tokens, 201);
    assert.ok(Math.abs(turnEnd!.cost.costUsd! - (2000 * 3 + 201 * 15) / 1e6) < 1e-12);
    assert.equal(result.costUsd, turnEnd!.cost.costUsd);
  });

  it('stops the stream on cancellation and records the session as cancelled', async () => {
    const controller = new AbortController();
    const { session, sink } = makeSession({ script: [{ content: [text('a long answer')], hangAfterEvents: 2 }] });
    const run = session.run('talk', controller.signal);
    // Cancel once the stream has started.
    await new Promise<void>((resolve) => {
      const poll = () => (sink.ofType('model/stream').length >= 2 ? resolve() : setImmediate(poll));
      poll();
    });
    controller.abort();
    const result = await run;
    assert.equal(result.reason, 'cancelled');
    assert.equal(sink.ofType('session/end')[0]?.reason, 'cancelled');
    assert.equal(sink.events.at(-1)?.type, 'session/end');
  });

  it('stops a running tool on cancellation, answers its call as cancelled and runs nothing after it', async () => {
    const controller = new AbortController();
    const slow = fakeTool({
      name: 'Bash',
      run: (_input, ctx) =>
        new Promise((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => reject(new Error('killed')), { once: true });
          controller.abort();
        }),
    });
    const after = fakeTool({ name: 'Write' });
    const { session, provider } = makeSession({
      script: [{ content: [toolUse('t1', 'Bash', { path: 'x' }), toolUse('t2', 'Write', { path: 'y' })] }],
      tools: [slow, after],
    });
    const result = await session.run('go', controller.signal);
    assert.equal(result.reason, 'cancelled');
    assert.equal(after.runs.length, 0);
    assert.equal(provider.requests.length, 1);
    const results = toolResultsOf(session.messages);
    assert.deepEqual(results.map((r) => r.tool_use_id), ['t1', 't2']);
    assert.ok(results.every((r) => r.is_error === true && /Cancelled/.test(resultText(r))));
  });

  it('accounts usage and cost per turn and per session', async () => {
    const read = fakeTool({ name: 'Read', readOnly: true });
    const { session, sink } = makeSession({
      model: 'claude-haiku-4-5-20251001',
      script: [
        { content: [toolUse('t1', 'Read', { path: 'a' })], usage: { input_tokens: 100, output_tokens: 20, cache_creation_input_tokens: 1000 } },
        { content: [text('ok')], usage: { input_tokens: 10, output_tokens: 30, cache_read_input_tokens: 1000 } },
      ],
      tools: [read],
    });
    const result = await session.run('go');
    const ends = sink.ofType('turn/end');
    assert.equal(ends.length, 2);
    const first = (100 * 1 + 20 * 5 + 1000 * 1.25) / 1e6;
    const second = (10 * 1 + 30 * 5 + 1000 * 0.1) / 1e6;
    assert.ok(Math.abs(ends[0]!.cost.costUsd! - first) < 1e-12);
    assert.ok(Math.abs(ends[1]!.cost.costUsd! - second) < 1e-12);
    assert.ok(Math.abs(ends[1]!.sessionCostUsd! - (first + second)) < 1e-12);
    assert.ok(Math.abs(result.costUsd! - (first + second)) < 1e-12);
    assert.equal(result.usage.input_tokens, 110);
    assert.equal(result.usage.output_tokens, 50);
    assert.equal(result.usage.cache_creation_input_tokens, 1000);
    assert.equal(result.usage.cache_read_input_tokens, 1000);
  });

  it('reports the cost of an unknown model as unknown, not as a number', async () => {
    const { session, sink } = makeSession({ model: 'my-company-proxy-model', script: [{ content: [text('hi')] }] });
    const result = await session.run('hi');
    assert.equal(result.costUsd, null);
    assert.equal(sink.ofType('turn/end')[0]!.cost.costUsd, null);
    assert.equal(sink.ofType('turn/end')[0]!.sessionCostUsd, null);
    assert.equal(result.usage.input_tokens, 10);
  });

  it('marks the last system block, the last tool and the two latest user turns for caching', async () => {
    const read = fakeTool({ name: 'Read', readOnly: true });
    const glob = fakeTool({ name: 'Glob', readOnly: true });
    const { session, provider } = makeSession({
      script: [
        { content: [toolUse('t1', 'Read', { path: 'a' })] },
        { content: [toolUse('t2', 'Read', { path: 'b' })] },
        { content: [text('done')] },
      ],
      tools: [read, glob],
    });
    await session.run('go');
    const request = provider.requests[2]!;
    assert.equal(countCacheBreakpoints(request), 4);
    assert.deepEqual(request.system.at(-1)!.cache_control, { type: 'ephemeral' });
    assert.equal(request.tools[0]!.cache_control, undefined);
    assert.deepEqual(request.tools[1]!.cache_control, { type: 'ephemeral' });
    const marked = request.messages.map((m) => typeof m.content !== 'string' && m.content.some((b) => 'cache_control' in b && b.cache_control != null));
    // user(prompt), assistant, user(result t1), assistant, user(result t2)
    assert.deepEqual(marked, [false, false, true, false, true]);
    assert.ok(provider.requests.every((r) => countCacheBreakpoints(r) <= 4));
    // The conversation itself carries no cache marks.
    assert.ok(session.messages.every((m) => typeof m.content === 'string' || m.content.every((b) => !('cache_control' in b))));
  });

  it('leaves calls without a result answered as "not run" when the run fails before them', async () => {
    const bash = fakeTool({ name: 'Bash' });
    const { session } = makeSession({
      script: [{ content: [toolUse('t1', 'Bash', { path: 'x' })] }],
      tools: [bash],
      decide: () => {
        throw new Error('engine crashed');
      },
    });
    const result = await session.run('go');
    assert.equal(result.reason, 'error');
    assert.match(result.error!.message, /engine crashed/);
    assert.equal(bash.runs.length, 0);
    assert.equal(resultText(toolResultsOf(session.messages)[0]), NOT_RUN_RESULT);
  });
});
