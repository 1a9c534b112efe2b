import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerStatus } from '../../../../src/host/setup/providerStatus';

describe('host: provider set-up status', () => {
  it('is not configured without a key, helper, Bedrock or Vertex', () => {
    const status = providerStatus({ env: {}, storedKey: false, apiKeyHelper: false });
    assert.equal(status.configured, false);
  });

  it('is configured by a stored key, an environment key or an apiKeyHelper', () => {
    assert.equal(providerStatus({ env: {}, storedKey: true, apiKeyHelper: false }).configured, true);
    assert.equal(providerStatus({ env: {}, storedKey: false, apiKeyHelper: true }).configured, true);
    const status = providerStatus({ env: { ANTHROPIC_API_KEY: 'sk-ant-x', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' }, storedKey: false, apiKeyHelper: false });
    assert.ok(status.configured && /ANTHROPIC_API_KEY/.test(status.label) && /127\.0\.0\.1/.test(status.label));
    assert.ok(!JSON.stringify(status).includes('sk-ant-x'), 'the key itself is never shown');
  });

  it('names Bedrock and Vertex, and says what is missing', () => {
    const bedrock = providerStatus({ env: { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: 'eu-west-1' }, storedKey: false, apiKeyHelper: false });
    assert.ok(bedrock.configured && bedrock.label.startsWith('Amazon Bedrock (eu-west-1)'));
    const noRegion = providerStatus({ env: { CLAUDE_CODE_USE_BEDROCK: '1' }, storedKey: false, apiKeyHelper: false });
    assert.ok(!noRegion.configured && /AWS_REGION/.test(noRegion.problem));
    const vertex = providerStatus({ env: { CLAUDE_CODE_USE_VERTEX: '1', ANTHROPIC_VERTEX_PROJECT_ID: 'p1' }, storedKey: false, apiKeyHelper: false });
    assert.ok(vertex.configured && vertex.label.startsWith('Google Vertex AI (p1'));
  });
});
