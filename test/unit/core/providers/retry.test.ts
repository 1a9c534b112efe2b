import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RETRY, parseRetryAfter, retryDelay, sleep } from '../../../../src/core/providers/retry';

const headers = (values: Record<string, string>) => (name: string) => values[name];

describe('retry policy', () => {
  it('reads retry-after-ms first, then retry-after in seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' })), 250);
    assert.equal(parseRetryAfter(headers({ 'retry-after': '2' })), 2000);
    assert.equal(parseRetryAfter(headers({ 'retry-after': '0.5' })), 500);
    const now = Date.parse('2026-11-22T10:00:00Z');
    assert.equal(parseRetryAfter(headers({ 'retry-after': 'Sun, 22 Nov 2026 10:00:30 GMT' }), now), 30_000);
    assert.equal(parseRetryAfter(headers({ 'retry-after': 'Sun, 22 Nov 2026 09:00:00 GMT' }), now), 0);
    assert.equal(parseRetryAfter(headers({ 'retry-after': 'soon' })), undefined);
    assert.equal(parseRetryAfter(headers({})), undefined);
  });

  it('caps a server-requested wait', () => {
    assert.equal(retryDelay(0, 3_600_000, DEFAULT_RETRY), 60_000);
    assert.equal(retryDelay(0, 1_500, DEFAULT_RETRY), 1_500);
    assert.equal(retryDelay(3, 0, DEFAULT_RETRY), 0);
  });

  it('backs off exponentially up to the maximum, with at most 25% jitter', () => {
    const none = () => 0;
    const most = () => 1;
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6].map((retry) => retryDelay(retry, undefined, DEFAULT_RETRY, none)),
      [500, 1000, 2000, 4000, 8000, 16000, 16000],
    );
    assert.equal(retryDelay(2, undefined, DEFAULT_RETRY, most), 1500);
    assert.equal(retryDelay(1, undefined, { ...DEFAULT_RETRY, baseDelayMs: 10, maxDelayMs: 15 }, none), 15);
  });

  it('sleeps until the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = sleep(3_600_000, controller.signal);
    controller.abort();
    await assert.rejects(waiting);
    await assert.rejects(sleep(1, controller.signal), 'an aborted signal rejects at once');
    await sleep(1, new AbortController().signal);
  });
});
