/**
 * What happens when the shell grammar cannot be loaded. This file runs in its own process, so the
 * first load here is a failed one (the shared parser is loaded lazily and only kept on success).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBashParser, BashParserLoadError } from '../../../../../src/core/permissions/bash/parser';
import { decideBash } from '../../../../../src/core/permissions/bash/decide';
import { input } from './support';

const MISSING = { wasmDir: '/nonexistent/agentgate-wasm', searchDefaults: false };

describe('bash parser loading failures', () => {
  it('asks, with the reason, when the grammar cannot be found', async () => {
    const decision = await decideBash(input('ls'), MISSING);
    assert.equal(decision.decision, 'ask');
    assert.equal(decision.rule, null);
    assert.match(decision.reason, /cannot analyse shell commands/);
    assert.match(decision.reason, /nonexistent\/agentgate-wasm/);
    assert.deepEqual(decision.bash?.suggestions, []);
  });

  it('still applies a bare Bash deny rule', async () => {
    const decision = await decideBash(input('ls', { deny: ['Bash'] }), MISSING);
    assert.equal(decision.decision, 'deny');
    assert.equal(decision.rule, 'Bash');
  });

  it('retries after a failure and then decides normally', async () => {
    const decision = await decideBash(input('ls -la'));
    assert.equal(decision.decision, 'allow');
  });

  it('reports a typed error that says where it looked and what to do', async () => {
    await assert.rejects(createBashParser(MISSING), (error: unknown) => {
      assert.ok(error instanceof BashParserLoadError);
      assert.match(error.message, /web-tree-sitter\.wasm/);
      assert.match(error.message, /npm run build/);
      return true;
    });
  });
});
