import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CostTracker } from '../../../../src/core/agent/costTracker';
import { canonicalModelId, findModelPrices, PRICE_TABLE, requestCostUsd } from '../../../../src/core/agent/pricing';
import { emptyUsage } from '../../../../src/core/agent/usage';

const zero = { input: 0, output: 0, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0 };
const close = (actual: number | null, expected: number) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

describe('pricing', () => {
  it('reduces Bedrock and Vertex ids to the Claude API id', () => {
    assert.equal(canonicalModelId('anthropic.claude-sonnet-4-5-20250929-v1:0'), 'claude-sonnet-4-5-20250929');
    assert.equal(canonicalModelId('us.anthropic.claude-haiku-4-5-20251001-v1:0'), 'claude-haiku-4-5-20251001');
    assert.equal(canonicalModelId('global.anthropic.claude-sonnet-5-5'), 'claude-sonnet-5-5');
    assert.equal(canonicalModelId('anthropic.claude-opus-4-6-v1'), 'claude-opus-4-6');
    assert.equal(canonicalModelId('eu.anthropic.claude-opus-5-5'), 'claude-opus-5-5');
    assert.equal(canonicalModelId('claude-sonnet-4-5@20250929'), 'claude-sonnet-4-5-20250929');
    assert.equal(canonicalModelId('claude-opus-5-5'), 'claude-opus-5-5');
  });

  it('prices the same model alike on every provider', () => {
    for (const id of ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5@20250929']) {
      assert.equal(findModelPrices(id)?.name, 'Claude Sonnet 4.5', id);
    }
    for (const id of ['claude-opus-5-5', 'anthropic.claude-opus-5-5', 'global.anthropic.claude-opus-5-5']) {
      assert.equal(findModelPrices(id)?.name, 'Claude Opus 5.5', id);
    }
    assert.equal(findModelPrices('claude-haiku-4-5@20251001')?.name, 'Claude Haiku 4.5');
  });

  it('covers the current Opus, Sonnet and Haiku models', () => {
    for (const id of ['claude-opus-5-5', 'claude-opus-5', 'claude-opus-4-8', 'claude-sonnet-5-5', 'claude-sonnet-5', 'claude-sonnet-4-6', 'claude-haiku-5-5', 'claude-haiku-4-5']) {
      assert.ok(findModelPrices(id), id);
    }
    const ids = PRICE_TABLE.flatMap((entry) => entry.ids);
    assert.equal(new Set(ids).size, ids.length, 'an id appears once');
  });

  it('computes a request cost from every kind of token', () => {
    // Claude Opus 5.5: $4 in, $20 out, $5 5-minute write, $8 1-hour write, $0.20 read.
    const cost = requestCostUsd('claude-opus-5-5', { input: 1_000_000, output: 100_000, cacheWrite: 200_000, cacheWrite1h: 100_000, cacheRead: 500_000 });
    close(cost, 4 + 2 + 1 + 0.8 + 0.1);
  });

  it('bills a long prompt at the long-prompt rates where the model has them', () => {
    close(requestCostUsd('claude-haiku-5-5', { ...zero, input: 100_000, output: 1_000_000 }), 0.01 + 0.5);
    close(requestCostUsd('claude-haiku-5-5', { ...zero, input: 60_000, cacheRead: 50_000, output: 1_000_000 }), 0.03 + 0.0025 + 2.5);
    close(requestCostUsd('claude-sonnet-4-5', { ...zero, input: 250_000 }), 1.5);
    close(requestCostUsd('claude-sonnet-4-6', { ...zero, input: 250_000 }), 0.75);
  });

  it('returns null for a model it does not know, including Bedrock ARNs', () => {
    assert.equal(requestCostUsd('gpt-4o', { ...zero, input: 10 }), null);
    assert.equal(requestCostUsd('arn:aws:bedrock:us-east-1:123:application-inference-profile/abc', { ...zero, input: 10 }), null);
    assert.equal(requestCostUsd('claude-sonnet-4-5-20991231', { ...zero, input: 10 }), null);
  });

  it('keeps a session cost unknown once one request could not be priced', () => {
    const tracker = new CostTracker('claude-unknown-9');
    const turn = tracker.addTurn([{ ...emptyUsage(), input_tokens: 5 }]);
    assert.equal(turn.costUsd, null);
    assert.equal(tracker.costUsd, null);
    assert.equal(tracker.usage.input_tokens, 5);
  });

  it('splits 1-hour cache writes out of the cache-creation total', () => {
    const tracker = new CostTracker('claude-haiku-4-5');
    const usage = { ...emptyUsage(), cache_creation_input_tokens: 3_000_000, cache_creation: { ephemeral_5m_input_tokens: 2_000_000, ephemeral_1h_input_tokens: 1_000_000 } };
    close(tracker.addTurn([usage]).costUsd, 2 * 1.25 + 1 * 2);
  });
});
