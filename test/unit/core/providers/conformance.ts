/**
 * The behaviour every provider must share, run against each kind's wire-protocol server: streamed
 * text, tool input from partial JSON, retries (429 capped retry-after, 529, 500), exhaustion,
 * mid-stream failures as `interrupted`, timeouts and cancellation.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { RetryInfo, RetryOptions } from '../../../../src/core/providers/retry';
import { ProviderError, type ModelProvider } from '../../../../src/core/providers/types';
import { fault, reply, say, startModelServer, text, toolUse, type ModelServer, type ModelServerKind, type ScriptStep } from '../../../support/modelServers';
import { collect, fastRetry, request, TEXT_OF } from './helpers';

export interface ProviderFactoryOptions {
  retry: Partial<RetryOptions>;
  requestTimeoutMs?: number;
}

export type MakeProvider = (server: ModelServer, options: ProviderFactoryOptions) => ModelProvider;

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ProviderError, `expected a ProviderError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the stream to fail');
}

export function describeConformance(kind: ModelServerKind, model: string, make: MakeProvider): void {
  const servers: ModelServer[] = [];
  after(() => Promise.all(servers.map((server) => server.close())));

  async function setup(script: ScriptStep[], options: Partial<ProviderFactoryOptions> = {}) {
    const server = await startModelServer(kind, script);
    servers.push(server);
    const retries: RetryInfo[] = [];
    const provider = make(server, { retry: fastRetry(retries, options.retry), ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}) });
    return { server, retries, provider };
  }

  describe(`${kind}: shared provider behaviour`, () => {
    it('streams a text reply event by event and resolves with the final message', async () => {
      const { server, provider } = await setup([say('Hello from the model, streamed in pieces.')]);
      const options = collect();
      const message = await provider.stream(request(model), options);
      assert.equal(TEXT_OF(message), 'Hello from the model, streamed in pieces.');
      assert.equal(message.stop_reason, 'end_turn');
      const types = options.events.map((event) => event.type);
      assert.equal(types[0], 'message_start');
      assert.equal(types.at(-1), 'message_stop');
      assert.ok(types.filter((type) => type === 'content_block_delta').length >= 2, 'text arrives in several deltas');
      assert.equal(server.requests.length, 1);
      assert.equal(server.requests[0]?.model, model);
    });

    it('assembles tool_use input from input_json_delta fragments', async () => {
      const input = { file_path: 'src/a.txt', options: { lines: [1, 2, 3], note: 'quote " and unicode é' } };
      const { provider } = await setup([reply(text('Reading it.'), toolUse('Read', input, 'toolu_fixed'))]);
      const options = collect();
      const message = await provider.stream(request(model), options);
      assert.equal(message.stop_reason, 'tool_use');
      const block = message.content.find((item) => item.type === 'tool_use');
      assert.ok(block && block.type === 'tool_use');
      assert.equal(block.id, 'toolu_fixed');
      assert.deepEqual(block.input, input);
      const fragments = options.events.filter((event) => event.type === 'content_block_delta' && event.delta.type === 'input_json_delta');
      assert.ok(fragments.length >= 3, `several JSON fragments, got ${fragments.length}`);
    });

    it('retries a 429, honouring retry-after but capping it', async () => {
      const { server, provider, retries } = await setup([fault.rateLimited({ retryAfter: 3600 }), say('after the rate limit')]);
      const message = await provider.stream(request(model), collect());
      assert.equal(TEXT_OF(message), 'after the rate limit');
      assert.equal(server.requests.length, 2);
      assert.equal(retries.length, 1);
      assert.equal(retries[0]?.error.kind, 'rateLimited');
      assert.equal(retries[0]?.delayMs, 5, 'the one-hour retry-after is capped at retryAfterCapMs');
    });

    it('honours a retry-after below the cap exactly', async () => {
      const { provider, retries } = await setup([fault.rateLimited({ retryAfterMs: 3 }), say('ok')], { retry: { retryAfterCapMs: 50 } });
      await provider.stream(request(model), collect());
      assert.equal(retries[0]?.delayMs, 3);
    });

    it('retries an overload (529) and a server error (500)', async () => {
      const { server, provider, retries } = await setup([fault.overloaded(), fault.serverError(500), say('third time lucky')]);
      const message = await provider.stream(request(model), collect());
      assert.equal(TEXT_OF(message), 'third time lucky');
      assert.equal(server.requests.length, 3);
      assert.deepEqual(
        retries.map((info) => info.error.kind),
        ['overloaded', 'server'],
      );
    });

    it('fails with the kind of the last error when retries run out', async () => {
      const { server, provider, retries } = await setup([fault.overloaded(), fault.overloaded(), fault.overloaded(), say('never reached')]);
      const error = await rejection(provider.stream(request(model), collect()));
      assert.equal(error.kind, 'overloaded');
      assert.match(error.message, /after 3 attempts/);
      assert.equal(server.requests.length, 3, 'first attempt plus maxRetries (2)');
      assert.equal(retries.length, 2);
    });

    it('does not retry an invalid request', async () => {
      const { server, provider } = await setup([fault.status(400, { message: 'messages: field required' }), say('never reached')]);
      const error = await rejection(provider.stream(request(model), collect()));
      assert.equal(error.kind, 'request');
      assert.match(error.message, /field required/);
      assert.equal(server.requests.length, 1);
    });

    it('reports a mid-stream error after delivered events as interrupted, without retrying', async () => {
      const { server, provider } = await setup([fault.errorMidStream(3), say('never reached')]);
      const options = collect();
      const error = await rejection(provider.stream(request(model), options));
      assert.equal(error.kind, 'interrupted');
      assert.equal(options.events.length, 3);
      assert.equal(server.requests.length, 1);
    });

    it('reports a connection dropped mid-stream as interrupted', async () => {
      const { server, provider } = await setup([fault.dropAfter(4), say('never reached')]);
      const options = collect();
      const error = await rejection(provider.stream(request(model), options));
      assert.equal(error.kind, 'interrupted');
      assert.equal(options.events.length, 4);
      assert.equal(await server.requests[0]?.ended, 'dropped');
      assert.equal(server.requests.length, 1);
    });

    it('retries a connection dropped before any event', async () => {
      const { server, provider, retries } = await setup([fault.dropAfter(0), say('second try')]);
      const options = collect();
      const message = await provider.stream(request(model), options);
      assert.equal(TEXT_OF(message), 'second try');
      assert.equal(retries[0]?.error.kind, 'network');
      assert.equal(server.requests.length, 2);
      assert.equal(options.events[0]?.type, 'message_start');
    });

    it('times out a response that never starts (retried, then a network error)', async () => {
      const { server, provider } = await setup([fault.stall(0), fault.stall(0), fault.stall(0)], { requestTimeoutMs: 150 });
      const error = await rejection(provider.stream(request(model), collect()));
      assert.equal(error.kind, 'network');
      assert.match(error.message, /request timeout/);
      assert.equal(server.requests.length, 3);
      assert.equal(await server.requests[0]?.ended, 'clientClosed');
    });

    it('times out a stream that stalls after events as interrupted', async () => {
      // Generous: the first two events must arrive within it even on a loaded machine.
      const { provider } = await setup([fault.stall(2)], { requestTimeoutMs: 500 });
      const options = collect();
      const error = await rejection(provider.stream(request(model), options));
      assert.equal(error.kind, 'interrupted');
      assert.equal(options.events.length, 2);
    });

    it('cancels mid-stream: rejects as cancelled and closes the connection', async () => {
      const { server, provider } = await setup([fault.stall(2), say('never reached')]);
      const options = collect((_event, controller) => controller.abort());
      const error = await rejection(provider.stream(request(model), options));
      assert.equal(error.kind, 'cancelled');
      assert.equal(options.events.length, 1);
      assert.equal(await server.requests[0]?.ended, 'clientClosed');
      assert.equal(server.requests.length, 1);
    });

    it('cancels during a retry wait', async () => {
      const options = collect();
      const { server, provider } = await setup([fault.rateLimited({ retryAfter: 3600 }), say('never reached')], {
        // An hour-long wait unless the cancel interrupts it; the hook runs just before the wait.
        retry: { retryAfterCapMs: 3_600_000, onRetry: () => options.controller.abort() },
      });
      const error = await rejection(provider.stream(request(model), options));
      assert.equal(error.kind, 'cancelled');
      assert.equal(server.requests.length, 1);
    });

    it('rejects at once when the signal is already aborted', async () => {
      const { server, provider } = await setup([say('never reached')]);
      const options = collect();
      options.controller.abort();
      const error = await rejection(provider.stream(request(model), options));
      assert.equal(error.kind, 'cancelled');
      assert.equal(server.requests.length, 0);
    });
  });
}
