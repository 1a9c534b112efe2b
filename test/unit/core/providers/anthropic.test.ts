import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { after, describe, it } from 'node:test';
import { AnthropicProvider } from '../../../../src/core/providers/anthropic';
import { apiKeySource, NO_API_KEY_MESSAGE, type ApiKeySourceOptions } from '../../../../src/core/providers/credentials';
import type { RetryInfo } from '../../../../src/core/providers/retry';
import { ProviderError } from '../../../../src/core/providers/types';
import { fault, say, startModelServer, type ModelServer, type ScriptStep } from '../../../support/modelServers';
import { describeConformance } from './conformance';
import { collect, fastRetry, helperScript, request, TEXT_OF, type HelperScript } from './helpers';

const MODEL = 'claude-sonnet-5-5';

describeConformance('anthropic', MODEL, (server, options) =>
  new AnthropicProvider({
    apiKey: apiKeySource({ envKey: 'sk-ant-test-key' }),
    baseURL: server.url,
    retry: options.retry,
    requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
  }),
);

describe('anthropic provider', () => {
  const servers: ModelServer[] = [];
  const helpers: HelperScript[] = [];
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    for (const helper of helpers) helper.cleanup();
  });

  async function setup(script: ScriptStep[], key: ApiKeySourceOptions, acceptKeys?: string[]) {
    const server = await startModelServer('anthropic', script, acceptKeys ? { acceptKeys } : {});
    servers.push(server);
    const retries: RetryInfo[] = [];
    const provider = new AnthropicProvider({ apiKey: apiKeySource(key), baseURL: server.url, retry: fastRetry(retries), requestTimeoutMs: 10_000 });
    return { server, provider, retries };
  }

  function helper(prefix: string, exitCode?: number): HelperScript {
    const script = helperScript(prefix, exitCode === undefined ? {} : { exitCode });
    helpers.push(script);
    return script;
  }

  const helperOptions = (script: HelperScript): ApiKeySourceOptions => ({
    helper: { command: script.command, ttlMs: 300_000, cwd: script.dir, env: { PATH: process.env.PATH } },
  });

  it('sends the Messages API body with cache_control intact and the key as a bearer token', async () => {
    const { server, provider } = await setup([say('hi')], { envKey: 'sk-ant-env-key' });
    await provider.stream(request(MODEL), collect());
    const sent = server.requests[0];
    assert.ok(sent?.body);
    assert.equal(sent.credential, 'sk-ant-env-key');
    assert.equal(sent.body.model, MODEL);
    assert.equal(sent.body.stream, true);
    assert.equal(sent.body.max_tokens, 1024);
    assert.deepEqual(sent.body.system, [{ type: 'text', text: 'You are a careful coding agent.', cache_control: { type: 'ephemeral' } }]);
    assert.deepEqual((sent.body.tools as { cache_control?: unknown }[])[0]?.cache_control, { type: 'ephemeral' });
    assert.deepEqual(sent.body.messages, request(MODEL).messages);
    assert.ok(sent.headers['anthropic-version']);
  });

  it('leaves out empty system and tools', async () => {
    const { server, provider } = await setup([say('hi')], { envKey: 'sk-ant-env-key' });
    await provider.stream(request(MODEL, { system: [], tools: [] }), collect());
    assert.equal('system' in (server.requests[0]?.body ?? {}), false);
    assert.equal('tools' in (server.requests[0]?.body ?? {}), false);
  });

  it('does not retry a rejected key from the environment', async () => {
    const { server, provider } = await setup([say('never reached')], { envKey: 'sk-ant-wrong-key' }, ['sk-ant-right-key']);
    const error = await provider.stream(request(MODEL), collect()).catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, 'auth');
    assert.equal(error.status, 401);
    assert.match(error.message, /ANTHROPIC_API_KEY/);
    assert.doesNotMatch(error.message, /sk-ant-wrong-key/);
    assert.equal(server.requests.length, 1);
  });

  it('refreshes the apiKeyHelper key once after a 401: the helper runs exactly twice', async () => {
    const script = helper('helper-key-');
    const { server, provider } = await setup([say('authenticated')], helperOptions(script), ['helper-key-2']);
    const message = await provider.stream(request(MODEL), collect());
    assert.equal(TEXT_OF(message), 'authenticated');
    assert.equal(script.runs(), 2);
    assert.deepEqual(
      server.requests.map((sent) => sent.credential),
      ['helper-key-1', 'helper-key-2'],
    );
  });

  it('caches the helper key across requests', async () => {
    const script = helper('cached-key-');
    const { provider } = await setup([say('one'), say('two')], helperOptions(script), ['cached-key-1']);
    await provider.stream(request(MODEL), collect());
    await provider.stream(request(MODEL), collect());
    assert.equal(script.runs(), 1);
  });

  it('gives up after one refresh, and never shows the helper output', async () => {
    const script = helper('sk-ant-helper-secret-');
    const { server, provider } = await setup([say('never reached')], helperOptions(script), ['something-else']);
    const error = await provider.stream(request(MODEL), collect()).catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, 'auth');
    assert.equal(script.runs(), 2);
    assert.equal(server.requests.length, 2);
    assert.doesNotMatch(inspect(error, { depth: 10 }), /helper-secret/);
  });

  it('fails clearly when the helper exits non-zero, without its output and without a request', async () => {
    const script = helper('sk-ant-printed-before-failing-', 3);
    const { server, provider } = await setup([say('never reached')], helperOptions(script));
    const error = await provider.stream(request(MODEL), collect()).catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /apiKeyHelper/);
    assert.match(error.message, /exited with code 3/);
    assert.doesNotMatch(inspect(error, { depth: 10 }), /printed-before-failing/);
    assert.doesNotMatch(error.message, new RegExp(script.dir));
    assert.equal(server.requests.length, 0);
  });

  it('cancels at once while the apiKeyHelper is still running', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'agentgate-slow-helper-'));
    const pidFile = path.join(dir, 'pid');
    try {
      const { server, provider } = await setup([say('never reached')], {
        helper: { command: `echo $$ > '${pidFile}'; sleep 5; echo late-key`, ttlMs: 300_000, cwd: dir, env: { PATH: process.env.PATH }, timeoutMs: 2_000 },
      });
      const options = collect();
      const pending = provider.stream(request(MODEL), options);
      while (!existsSync(pidFile) || readFileSync(pidFile, 'utf8').trim() === '') await new Promise((resolve) => setTimeout(resolve, 5));
      options.controller.abort();
      const error = await pending.catch((caught: unknown) => caught);
      assert.ok(error instanceof ProviderError);
      assert.equal(error.kind, 'cancelled');
      // The cancel did not wait for the helper: it is still running.
      assert.doesNotThrow(() => process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 0));
      assert.equal(server.requests.length, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses the stored key when neither the environment nor a helper gives one', async () => {
    const { server, provider } = await setup([say('hi')], { storedKey: () => Promise.resolve('sk-ant-stored') });
    await provider.stream(request(MODEL), collect());
    assert.equal(server.requests[0]?.credential, 'sk-ant-stored');
  });

  it('says how to provide a key when there is none', async () => {
    const { server, provider } = await setup([say('never reached')], { storedKey: () => Promise.resolve(undefined) });
    const error = await provider.stream(request(MODEL), collect()).catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, 'config');
    assert.equal(error.message, NO_API_KEY_MESSAGE);
    assert.equal(server.requests.length, 0);
  });

  it('scrubs a key echoed back by a gateway from error messages', async () => {
    const { provider } = await setup([fault.status(400, { message: 'bad key sk-ant-echoed-secret in request' })], { envKey: 'sk-ant-echoed-secret' });
    const error = await provider.stream(request(MODEL), collect()).catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.doesNotMatch(error.message, /echoed-secret/);
    assert.match(error.message, /\[redacted\]/);
  });

  it('sends ANTHROPIC_CUSTOM_HEADERS', async () => {
    const server = await startModelServer('anthropic', [say('hi')]);
    servers.push(server);
    const provider = new AnthropicProvider({
      apiKey: apiKeySource({ envKey: 'k-123456789' }),
      baseURL: server.url,
      customHeaders: { 'x-gateway-team': 'platform' },
      requestTimeoutMs: 10_000,
    });
    await provider.stream(request(MODEL), collect());
    assert.equal(server.requests[0]?.headers['x-gateway-team'], 'platform');
  });
});
