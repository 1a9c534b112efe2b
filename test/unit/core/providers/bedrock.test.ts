import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { BedrockProvider } from '../../../../src/core/providers/bedrock';
import type { BedrockAuth } from '../../../../src/core/providers/config';
import { ProviderError } from '../../../../src/core/providers/types';
import { fault, say, startModelServer, TEST_AWS_REGION, type ModelServer, type ScriptStep } from '../../../support/modelServers';
import { describeConformance } from './conformance';
import { collect, fastRetry, request, TEXT_OF } from './helpers';

const MODEL = 'global.anthropic.claude-sonnet-5-5';
const STATIC: BedrockAuth = { type: 'static', accessKeyId: 'AKIAAGENTGATETEST', secretAccessKey: 'agentgate/test/secret' };

describeConformance('bedrock', MODEL, (server, options) =>
  new BedrockProvider({ region: TEST_AWS_REGION, baseURL: server.url, auth: STATIC, retry: options.retry, requestTimeoutMs: options.requestTimeoutMs ?? 10_000 }),
);

describe('bedrock provider', () => {
  const servers: ModelServer[] = [];
  after(() => Promise.all(servers.map((server) => server.close())));

  async function setup(script: ScriptStep[], auth: BedrockAuth = STATIC, acceptKeys?: string[]) {
    const server = await startModelServer('bedrock', script, acceptKeys ? { acceptKeys } : {});
    servers.push(server);
    const provider = new BedrockProvider({ region: TEST_AWS_REGION, baseURL: server.url, auth, retry: fastRetry([]), requestTimeoutMs: 10_000 });
    return { server, provider };
  }

  it('sends the Anthropic body without model or stream, with the Bedrock anthropic_version, and cache_control intact', async () => {
    const { server, provider } = await setup([say('hi')]);
    await provider.stream(request(MODEL), collect());
    const body = server.requests[0]?.body;
    assert.ok(body);
    assert.equal(body.anthropic_version, 'bedrock-2023-05-31');
    assert.equal('model' in body, false);
    assert.equal('stream' in body, false);
    assert.equal(body.max_tokens, 1024);
    assert.deepEqual((body.system as { cache_control?: unknown }[])[0]?.cache_control, { type: 'ephemeral' });
    assert.deepEqual((body.tools as { cache_control?: unknown }[])[0]?.cache_control, { type: 'ephemeral' });
    assert.deepEqual(body.messages, request(MODEL).messages);
  });

  it('puts the model id in the URL, percent-encoded, and the server decodes it', async () => {
    const { server, provider } = await setup([say('versioned')]);
    const model = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
    const message = await provider.stream(request(model), collect());
    assert.equal(TEXT_OF(message), 'versioned');
    assert.equal(server.requests[0]?.path, `/model/${encodeURIComponent(model)}/invoke-with-response-stream`);
    assert.equal(server.requests[0]?.model, model);
  });

  it('signs with SigV4 using static credentials', async () => {
    const { server, provider } = await setup([say('signed')]);
    await provider.stream(request(MODEL), collect());
    const authorization = String(server.requests[0]?.headers.authorization);
    assert.match(authorization, /^AWS4-HMAC-SHA256 Credential=AKIAAGENTGATETEST\/\d{8}\/us-east-1\/bedrock\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/);
    assert.ok(server.requests[0]?.headers['x-amz-date']);
  });

  it('sends AWS_BEARER_TOKEN_BEDROCK as a bearer token, unsigned', async () => {
    const { server, provider } = await setup([say('bearer')], { type: 'bearer', token: 'bedrock-api-key-123' }, ['bedrock-api-key-123']);
    const message = await provider.stream(request(MODEL), collect());
    assert.equal(TEXT_OF(message), 'bearer');
    assert.equal(server.requests[0]?.headers.authorization, 'Bearer bedrock-api-key-123');
  });

  it('sends no credentials at all with skip-auth', async () => {
    const { server, provider } = await setup([say('gateway')], { type: 'skip' });
    const message = await provider.stream(request(MODEL), collect());
    assert.equal(TEXT_OF(message), 'gateway');
    assert.equal(server.requests[0]?.headers.authorization, undefined);
    assert.equal(server.requests[0]?.headers['x-amz-date'], undefined);
  });

  it('maps a refused token (403) to an auth error with what to check, without retrying', async () => {
    const { server, provider } = await setup([say('never reached')], { type: 'bearer', token: 'expired-token-abc' }, ['another']);
    const error = await provider.stream(request(MODEL), collect()).catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, 'auth');
    assert.equal(error.status, 403);
    assert.match(error.message, /AWS_PROFILE/);
    assert.equal(server.requests.length, 1);
  });

  it('maps the throttling exception frame after events to interrupted', async () => {
    const { provider } = await setup([fault.errorMidStream(2, say('partial'), 'rate_limit_error')]);
    const options = collect();
    const error = await provider.stream(request(MODEL), options).catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, 'interrupted');
    assert.match(error.message, /ThrottlingException/);
  });

  it('retries an exception frame that arrives before any event', async () => {
    const { server, provider } = await setup([fault.errorMidStream(0), say('recovered')]);
    const message = await provider.stream(request(MODEL), collect());
    assert.equal(TEXT_OF(message), 'recovered');
    assert.equal(server.requests.length, 2);
  });
});
