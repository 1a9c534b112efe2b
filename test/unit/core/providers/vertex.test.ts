import assert from 'node:assert/strict';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { after, describe, it } from 'node:test';
import { ProviderError } from '../../../../src/core/providers/types';
import { VertexProvider, type GoogleAuthClient } from '../../../../src/core/providers/vertex';
import { fault, say, startModelServer, TEST_VERTEX_PROJECT, TEST_VERTEX_REGION, type ModelServer, type ScriptStep } from '../../../support/modelServers';
import { describeConformance } from './conformance';
import { collect, fastRetry, request, TEXT_OF } from './helpers';

const MODEL = 'claude-sonnet-5-5';

function bearer(token: string): GoogleAuthClient & { calls: number } {
  const client = {
    calls: 0,
    projectId: null,
    getRequestHeaders() {
      client.calls += 1;
      return Promise.resolve(new Headers({ authorization: `Bearer ${token}` }));
    },
  };
  return client;
}

describeConformance('vertex', MODEL, (server, options) =>
  new VertexProvider({
    projectId: TEST_VERTEX_PROJECT,
    region: TEST_VERTEX_REGION,
    baseURL: server.url,
    authClient: bearer('ya29.test-token'),
    retry: options.retry,
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
  }),
);

describe('vertex provider', () => {
  const servers: ModelServer[] = [];
  after(() => Promise.all(servers.map((server) => server.close())));

  async function serve(script: ScriptStep[], acceptKeys?: string[]) {
    const server = await startModelServer('vertex', script, acceptKeys ? { acceptKeys } : {});
    servers.push(server);
    return server;
  }

  it('posts to the project, region and model in the URL, with the Vertex anthropic_version and no model in the body', async () => {
    const server = await serve([say('from vertex')]);
    const auth = bearer('ya29.token-1');
    const provider = new VertexProvider({ projectId: 'my-project', region: 'europe-west1', baseURL: server.url, authClient: auth, requestTimeoutMs: 10_000 });
    const model = 'claude-sonnet-4-5@20250929';
    const message = await provider.stream(request(model), collect());
    assert.equal(TEXT_OF(message), 'from vertex');
    const sent = server.requests[0];
    assert.ok(sent?.body);
    assert.equal(sent.project, 'my-project');
    assert.equal(sent.region, 'europe-west1');
    assert.equal(sent.model, model);
    assert.match(sent.path, /^\/v1\/projects\/my-project\/locations\/europe-west1\/publishers\/anthropic\/models\/.+:streamRawPredict$/);
    assert.equal(sent.body.anthropic_version, 'vertex-2023-10-16');
    assert.equal('model' in sent.body, false);
    assert.equal(sent.headers['anthropic-version'], undefined);
    assert.deepEqual((sent.body.system as { cache_control?: unknown }[])[0]?.cache_control, { type: 'ephemeral' });
    assert.deepEqual((sent.body.tools as { cache_control?: unknown }[])[0]?.cache_control, { type: 'ephemeral' });
    assert.equal(sent.headers.authorization, 'Bearer ya29.token-1');
    assert.ok(auth.calls >= 1);
  });

  it('sends no Authorization header with skip-auth', async () => {
    const server = await serve([say('gateway')]);
    const provider = new VertexProvider({ projectId: 'p', region: 'global', baseURL: server.url, skipAuth: true, requestTimeoutMs: 10_000 });
    const message = await provider.stream(request(MODEL), collect());
    assert.equal(TEXT_OF(message), 'gateway');
    assert.equal(server.requests[0]?.headers.authorization, undefined);
  });

  it('maps refused Google credentials (401) to an auth error that says what to run', async () => {
    const server = await serve([say('never reached')], ['ya29.valid']);
    const provider = new VertexProvider({ projectId: 'p', region: 'us-east5', baseURL: server.url, authClient: bearer('ya29.expired'), retry: fastRetry([]), requestTimeoutMs: 10_000 });
    const error = await provider.stream(request(MODEL), collect()).catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, 'auth');
    assert.equal(error.status, 401);
    assert.match(error.message, /gcloud auth application-default login/);
    assert.equal(server.requests.length, 1);
  });

  it('reports a Google-style 429 as rate limited once retries run out', async () => {
    const server = await serve([fault.rateLimited(), fault.rateLimited(), fault.rateLimited()]);
    const provider = new VertexProvider({ projectId: 'p', region: 'us-east5', baseURL: server.url, authClient: bearer('t'), retry: fastRetry([]), requestTimeoutMs: 10_000 });
    const error = await provider.stream(request(MODEL), collect()).catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, 'rateLimited');
    assert.match(error.message, /Quota exceeded/);
  });

  it('is created without touching Google credentials, and fails clearly when application default credentials are unusable', async () => {
    const server = await serve([say('never reached')]);
    const provider = new VertexProvider({
      projectId: 'p',
      region: 'us-east5',
      baseURL: server.url,
      credentialsFile: path.join(tmpdir(), 'agentgate-no-such-credentials.json'),
      requestTimeoutMs: 10_000,
    });
    const error = await provider.stream(request(MODEL), collect()).catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /gcloud auth application-default login/);
    assert.match(error.message, /CLAUDE_CODE_SKIP_VERTEX_AUTH/);
    assert.equal(server.requests.length, 0);
  });
});
