/** The scripted servers' own contract, as other tests rely on it. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { AnthropicProvider } from '../../../../src/core/providers/anthropic';
import { apiKeySource } from '../../../../src/core/providers/credentials';
import { ProviderError } from '../../../../src/core/providers/types';
import { reply, say, startModelServer, thinking, withStop, type ModelServer } from '../../../support/modelServers';
import { collect, request, TEXT_OF } from './helpers';

describe('scripted model servers', () => {
  const servers: ModelServer[] = [];
  after(() => Promise.all(servers.map((server) => server.close())));

  async function anthropic(script: Parameters<typeof startModelServer>[1], options?: Parameters<typeof startModelServer>[2]) {
    const server = await startModelServer('anthropic', script, options);
    servers.push(server);
    const provider = new AnthropicProvider({ apiKey: apiKeySource({ envKey: 'sk-ant-test-key' }), baseURL: server.url, retry: { maxRetries: 0 }, requestTimeoutMs: 10_000 });
    return { server, provider };
  }

  it('says so, without retrying, when the script runs out; push() adds steps', async () => {
    const { server, provider } = await anthropic([]);
    const error = await provider.stream(request('m'), collect()).catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, 'request');
    assert.match(error.message, /script is exhausted \(request #1\)/);
    server.push(say('pushed'));
    assert.equal(TEXT_OF(await provider.stream(request('m'), collect())), 'pushed');
  });

  it('lets a step depend on the request', async () => {
    const { provider } = await anthropic([(sent) => say(`you asked for ${String(sent.body?.model)}`)]);
    assert.equal(TEXT_OF(await provider.stream(request('claude-x'), collect())), 'you asked for claude-x');
  });

  it('streams thinking with its signature, and custom stop reasons and usage', async () => {
    const { provider } = await anthropic([withStop(reply(thinking('Consider the file.', 'sig-123'), 'Answer.'), 'max_tokens', { input_tokens: 50, output_tokens: 7, cache_read_input_tokens: 40 })]);
    const message = await provider.stream(request('m'), collect());
    assert.deepEqual(message.content[0], { type: 'thinking', thinking: 'Consider the file.', signature: 'sig-123' });
    assert.equal(message.stop_reason, 'max_tokens');
    assert.equal(message.usage.input_tokens, 50);
    assert.equal(message.usage.output_tokens, 7);
    assert.equal(message.usage.cache_read_input_tokens, 40);
  });

  it('rejects unaccepted keys without consuming a step, and records every request', async () => {
    const { server } = await anthropic([say('kept')], { acceptKeys: ['good-key'] });
    const bad = new AnthropicProvider({ apiKey: apiKeySource({ envKey: 'bad-key-0000' }), baseURL: server.url, retry: { maxRetries: 0 }, requestTimeoutMs: 10_000 });
    const good = new AnthropicProvider({ apiKey: apiKeySource({ envKey: 'good-key' }), baseURL: server.url, retry: { maxRetries: 0 }, requestTimeoutMs: 10_000 });
    await assert.rejects(bad.stream(request('m'), collect()));
    assert.equal(TEXT_OF(await good.stream(request('m'), collect())), 'kept');
    assert.deepEqual(
      server.requests.map((sent) => sent.credential),
      ['bad-key-0000', 'good-key'],
    );
    assert.equal(await server.requests[1]?.ended, 'completed');
  });

  it('gives each kind the env that points AgentGate at it', async () => {
    const bedrock = await startModelServer('bedrock');
    const vertex = await startModelServer('vertex');
    servers.push(bedrock, vertex);
    assert.equal(bedrock.env.ANTHROPIC_BEDROCK_BASE_URL, bedrock.url);
    assert.equal(bedrock.env.CLAUDE_CODE_USE_BEDROCK, '1');
    assert.match(vertex.url, /\/v1$/);
    assert.equal(vertex.env.ANTHROPIC_VERTEX_BASE_URL, vertex.url);
  });
});
