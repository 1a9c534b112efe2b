import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, describe, it } from 'node:test';
import { ApiKeyHelper, runApiKeyHelper } from '../../../../src/core/providers/apiKeyHelper';
import { apiKeySource, scrub } from '../../../../src/core/providers/credentials';
import { ProviderError } from '../../../../src/core/providers/types';
import { helperScript, type HelperScript } from './helpers';

const ENV = { PATH: process.env.PATH };

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => assert.fail('expected the helper to fail'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof ProviderError);
  assert.equal(error.kind, 'auth');
  return error;
}

describe('apiKeyHelper', () => {
  const scripts: HelperScript[] = [];
  after(() => scripts.forEach((script) => script.cleanup()));
  const script = (prefix: string, exitCode?: number): HelperScript => {
    const made = helperScript(prefix, exitCode === undefined ? {} : { exitCode });
    scripts.push(made);
    return made;
  };

  it('runs the command through /bin/sh and returns trimmed stdout', async () => {
    assert.equal(await runApiKeyHelper({ command: 'printf "  key-with-spaces \\n"', cwd: process.cwd(), env: ENV }), 'key-with-spaces');
    assert.equal(await runApiKeyHelper({ command: 'echo "$HELPER_VALUE"', cwd: process.cwd(), env: { ...ENV, HELPER_VALUE: 'from-env' } }), 'from-env');
  });

  it('refuses empty output', async () => {
    const error = await failure(runApiKeyHelper({ command: 'true', cwd: process.cwd(), env: ENV }));
    assert.match(error.message, /printed nothing/);
  });

  it('stops a helper that hangs, without showing what it printed', async () => {
    const error = await failure(runApiKeyHelper({ command: 'echo sk-ant-partial-secret; sleep 30', cwd: process.cwd(), env: ENV, timeoutMs: 200 }));
    assert.match(error.message, /did not finish/);
    assert.doesNotMatch(inspect(error), /partial-secret/);
  });

  it('never repeats the command line (it may embed a key) nor stderr', async () => {
    const error = await failure(runApiKeyHelper({ command: 'echo sk-ant-inline-secret >&2; exit 7', cwd: process.cwd(), env: ENV }));
    assert.match(error.message, /exited with code 7/);
    assert.doesNotMatch(inspect(error), /inline-secret/);
  });

  it('caches the key for the TTL, then runs again', async () => {
    const helper = script('ttl-key-');
    let now = 1_000;
    const cached = new ApiKeyHelper({ command: helper.command, ttlMs: 5_000, cwd: helper.dir, env: ENV, now: () => now });
    assert.equal(await cached.get(), 'ttl-key-1');
    now += 4_999;
    assert.equal(await cached.get(), 'ttl-key-1');
    now += 2;
    assert.equal(await cached.get(), 'ttl-key-2');
    assert.equal(helper.runs(), 2);
  });

  it('shares one run between concurrent callers and runs again after invalidate()', async () => {
    const helper = script('shared-key-');
    const cached = new ApiKeyHelper({ command: helper.command, ttlMs: 60_000, cwd: helper.dir, env: ENV });
    const keys = await Promise.all([cached.get(), cached.get(), cached.get()]);
    assert.deepEqual(keys, ['shared-key-1', 'shared-key-1', 'shared-key-1']);
    cached.invalidate();
    assert.equal(await cached.get(), 'shared-key-2');
    assert.equal(helper.runs(), 2);
  });

  it('does not cache a failure', async () => {
    const helper = script('failing-', 1);
    const cached = new ApiKeyHelper({ command: helper.command, ttlMs: 60_000, cwd: helper.dir, env: ENV });
    await failure(cached.get());
    await failure(cached.get());
    assert.equal(helper.runs(), 2);
  });
});

describe('apiKeySource', () => {
  it('prefers the environment key and cannot refresh it', async () => {
    const source = apiKeySource({ envKey: 'env-key', storedKey: () => Promise.resolve('stored') });
    assert.equal(await source.get(), 'env-key');
    assert.equal(source.refresh(), false);
  });

  it('reports an unreadable secret store as a configuration problem', async () => {
    const source = apiKeySource({ storedKey: () => Promise.reject(new Error('keychain locked')) });
    const error = await source.get().catch((caught: unknown) => caught);
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, 'config');
    assert.match(error.message, /stored API key/);
  });

  it('scrubs known keys from text, leaving short strings alone', () => {
    assert.equal(scrub('bad key sk-ant-abcdefgh here', ['sk-ant-abcdefgh']), 'bad key [redacted] here');
    assert.equal(scrub('a b c', ['b']), 'a b c');
  });
});
