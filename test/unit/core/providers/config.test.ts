import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveProviderConfig, type Env } from '../../../../src/core/providers/config';
import { describeProviderConfig } from '../../../../src/core/providers/describeConfig';
import { DEFAULT_MODELS } from '../../../../src/core/providers/models';
import { ProviderError } from '../../../../src/core/providers/types';

function configError(env: Env): ProviderError {
  try {
    resolveProviderConfig(env);
  } catch (error) {
    assert.ok(error instanceof ProviderError);
    assert.equal(error.kind, 'config');
    return error;
  }
  assert.fail('expected a config error');
}

describe('resolveProviderConfig', () => {
  it('defaults to the Anthropic API with its default Sonnet', () => {
    const config = resolveProviderConfig({});
    assert.equal(config.provider, 'anthropic');
    assert.equal(config.model, DEFAULT_MODELS.anthropic.sonnet);
    assert.equal(config.provider === 'anthropic' && config.apiKey, undefined);
    assert.equal(config.requestTimeoutMs, 600_000);
    assert.deepEqual(config.proxy, {});
  });

  it('reads the Anthropic key, base URL, model, helper TTL and custom headers', () => {
    const config = resolveProviderConfig({
      ANTHROPIC_API_KEY: ' sk-ant-xyz ',
      ANTHROPIC_BASE_URL: 'https://gateway.example.com/anthropic/',
      ANTHROPIC_MODEL: 'claude-opus-4-8',
      CLAUDE_CODE_API_KEY_HELPER_TTL_MS: '60000',
      ANTHROPIC_CUSTOM_HEADERS: 'x-team: platform\nx-cost-center: 42',
      API_TIMEOUT_MS: '120000',
    });
    assert.equal(config.provider, 'anthropic');
    if (config.provider !== 'anthropic') return;
    assert.equal(config.apiKey, 'sk-ant-xyz');
    assert.equal(config.baseURL, 'https://gateway.example.com/anthropic');
    assert.equal(config.model, 'claude-opus-4-8');
    assert.equal(config.apiKeyHelperTtlMs, 60_000);
    assert.deepEqual(config.customHeaders, { 'x-team': 'platform', 'x-cost-center': '42' });
    assert.equal(config.requestTimeoutMs, 120_000);
  });

  it('resolves model aliases through ANTHROPIC_DEFAULT_*_MODEL or the provider defaults', () => {
    assert.equal(resolveProviderConfig({ ANTHROPIC_MODEL: 'opus' }).model, DEFAULT_MODELS.anthropic.opus);
    assert.equal(resolveProviderConfig({ ANTHROPIC_MODEL: 'haiku', ANTHROPIC_DEFAULT_HAIKU_MODEL: 'claude-haiku-4-5' }).model, 'claude-haiku-4-5');
    assert.equal(resolveProviderConfig({ ANTHROPIC_DEFAULT_SONNET_MODEL: 'my-sonnet' }).model, 'my-sonnet');
    assert.equal(resolveProviderConfig({ CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'eu-west-1', ANTHROPIC_MODEL: 'opus' }).model, DEFAULT_MODELS.bedrock.opus);
    assert.equal(resolveProviderConfig({ ANTHROPIC_MODEL: 'sonnet' }, { model: 'haiku' }).model, DEFAULT_MODELS.anthropic.haiku, 'an explicit choice wins');
  });

  it('selects Bedrock with region, endpoint and each kind of credentials', () => {
    const base = { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-west-2' };
    const chain = resolveProviderConfig({ ...base, AWS_PROFILE: 'dev', ANTHROPIC_BEDROCK_BASE_URL: 'https://bedrock-gw.example.com' });
    assert.equal(chain.provider, 'bedrock');
    if (chain.provider !== 'bedrock') return;
    assert.equal(chain.region, 'us-west-2');
    assert.equal(chain.baseURL, 'https://bedrock-gw.example.com');
    assert.deepEqual(chain.auth, { type: 'chain', profile: 'dev' });
    assert.equal(chain.model, DEFAULT_MODELS.bedrock.sonnet);

    const bearer = resolveProviderConfig({ ...base, AWS_BEARER_TOKEN_BEDROCK: 'tok', AWS_PROFILE: 'dev' });
    assert.deepEqual(bearer.provider === 'bedrock' && bearer.auth, { type: 'bearer', token: 'tok' });
    const keys = resolveProviderConfig({ ...base, AWS_ACCESS_KEY_ID: 'AKIA1', AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 'st' });
    assert.deepEqual(keys.provider === 'bedrock' && keys.auth, { type: 'static', accessKeyId: 'AKIA1', secretAccessKey: 's', sessionToken: 'st' });
    const skip = resolveProviderConfig({ ...base, CLAUDE_CODE_SKIP_BEDROCK_AUTH: 'true', AWS_BEARER_TOKEN_BEDROCK: 'tok' });
    assert.deepEqual(skip.provider === 'bedrock' && skip.auth, { type: 'skip' });
  });

  it('requires a region for Bedrock', () => {
    const error = configError({ CLAUDE_CODE_USE_BEDROCK: '1' });
    assert.match(error.message, /AWS_REGION/);
    const fallback = resolveProviderConfig({ CLAUDE_CODE_USE_BEDROCK: '1', AWS_DEFAULT_REGION: 'ap-northeast-1' });
    assert.equal(fallback.provider === 'bedrock' && fallback.region, 'ap-northeast-1');
  });

  it('selects Vertex with project, region (default us-east5), endpoint and skip-auth', () => {
    const config = resolveProviderConfig({
      CLAUDE_CODE_USE_VERTEX: '1',
      ANTHROPIC_VERTEX_PROJECT_ID: 'acme-ai',
      ANTHROPIC_VERTEX_BASE_URL: 'https://vertex-gw.example.com/v1',
      CLAUDE_CODE_SKIP_VERTEX_AUTH: '1',
    });
    assert.equal(config.provider, 'vertex');
    if (config.provider !== 'vertex') return;
    assert.equal(config.projectId, 'acme-ai');
    assert.equal(config.region, 'us-east5');
    assert.equal(config.baseURL, 'https://vertex-gw.example.com/v1');
    assert.equal(config.skipAuth, true);
    assert.equal(config.model, DEFAULT_MODELS.vertex.sonnet);
    const global = resolveProviderConfig({ CLAUDE_CODE_USE_VERTEX: 'yes', ANTHROPIC_VERTEX_PROJECT_ID: 'p', CLOUD_ML_REGION: 'global' });
    assert.equal(global.provider === 'vertex' && global.region, 'global');
    assert.equal(global.provider === 'vertex' && global.skipAuth, false);
  });

  it('requires a project for Vertex', () => {
    assert.match(configError({ CLAUDE_CODE_USE_VERTEX: '1' }).message, /ANTHROPIC_VERTEX_PROJECT_ID/);
  });

  it('treats 0 and false as off, and refuses both clouds at once', () => {
    assert.equal(resolveProviderConfig({ CLAUDE_CODE_USE_BEDROCK: '0', CLAUDE_CODE_USE_VERTEX: 'false' }).provider, 'anthropic');
    const error = configError({ CLAUDE_CODE_USE_BEDROCK: '1', CLAUDE_CODE_USE_VERTEX: '1', AWS_REGION: 'x', ANTHROPIC_VERTEX_PROJECT_ID: 'p' });
    assert.match(error.message, /set only the one/);
  });

  it('explains malformed values', () => {
    assert.match(configError({ ANTHROPIC_BASE_URL: 'gateway.example.com' }).message, /ANTHROPIC_BASE_URL must be an http\(s\) URL/);
    assert.match(configError({ CLAUDE_CODE_API_KEY_HELPER_TTL_MS: 'five minutes' }).message, /CLAUDE_CODE_API_KEY_HELPER_TTL_MS/);
    assert.match(configError({ API_TIMEOUT_MS: '-1' }).message, /API_TIMEOUT_MS/);
  });

  it('picks up proxies in either case', () => {
    const config = resolveProviderConfig({ https_proxy: 'http://proxy.corp:3128', NO_PROXY: 'localhost,.corp' });
    assert.deepEqual(config.proxy, { httpsProxy: 'http://proxy.corp:3128', noProxy: 'localhost,.corp' });
  });
});

describe('describeProviderConfig', () => {
  it('summarises without secrets', () => {
    const text = describeProviderConfig(
      resolveProviderConfig({ ANTHROPIC_API_KEY: 'sk-ant-secret-value', HTTPS_PROXY: 'http://user:pa55word@proxy.corp:3128' }),
    )
      .map(([label, value]) => `${label}: ${value}`)
      .join('\n');
    assert.match(text, /Provider: Anthropic API/);
    assert.match(text, /API key: from ANTHROPIC_API_KEY/);
    assert.doesNotMatch(text, /sk-ant-secret-value/);
    assert.doesNotMatch(text, /pa55word/);
    const bedrock = describeProviderConfig(resolveProviderConfig({ CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'us-east-1', AWS_BEARER_TOKEN_BEDROCK: 'tok-secret' }));
    assert.doesNotMatch(JSON.stringify(bedrock), /tok-secret/);
    assert.deepEqual(bedrock.find(([label]) => label === 'Region'), ['Region', 'us-east-1']);
  });
});
