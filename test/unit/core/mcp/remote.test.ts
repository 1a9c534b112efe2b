/** Streamable HTTP and SSE servers on 127.0.0.1 (test/support/mcpServers/httpServer.ts). */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { startMcpForRun, type McpForRun } from '../../../../src/core/mcp/startForRun';
import { makeContext } from '../tools/toolTestContext';
import { startHttpMcpServer, type HttpMcpServer } from '../../../support/mcpServers';
import { mcpSandbox, type McpSandbox } from './mcpSandbox';

describe('MCP over HTTP', () => {
  let server: HttpMcpServer;
  let box: McpSandbox;
  let run: McpForRun | undefined;
  before(async () => (server = await startHttpMcpServer()));
  after(() => server.close());
  beforeEach(async () => {
    box = await mcpSandbox();
    server.requests.length = 0;
  });
  afterEach(async () => {
    await run?.dispose();
    run = undefined;
    await box.cleanup();
  });

  async function startUserServer(definition: object, env: NodeJS.ProcessEnv): Promise<McpForRun> {
    await box.writeUserServers({ remote: definition });
    run = await startMcpForRun({ cwd: box.cwd, home: box.home, settings: await box.settings(false), trusted: false, mcpConfigFiles: [], env, approvals: box.approvals });
    return run;
  }

  for (const type of ['http', 'sse'] as const) {
    it(`${type}: lists and calls tools, sending the headers with their variables filled in`, async () => {
      const url = type === 'http' ? server.url : server.sseUrl;
      const started = await startUserServer({ type, url, headers: { Authorization: 'Bearer ${TEST_TOKEN}', 'X-Team': '${TEAM:-platform}' } }, { TEST_TOKEN: 'tok-123456789' });
      const [status] = started.report;
      assert.equal(status!.state, 'running', status!.reason);
      assert.equal(status!.target, url);
      assert.deepEqual(started.tools.map((t) => t.name), ['mcp__remote__greet']);
      const result = await started.tools[0]!.run({ name: 'Ada' }, makeContext(box.cwd));
      assert.deepEqual(result, { content: 'Hello, Ada!' });
      assert.ok(server.requests.length >= 2);
      for (const request of server.requests) {
        assert.equal(request.headers.authorization, 'Bearer tok-123456789');
        assert.equal(request.headers['x-team'], 'platform');
      }
    });
  }

  it('passes the server\'s JSON Schema to the model-facing definition', async () => {
    const started = await startUserServer({ type: 'http', url: server.url }, {});
    const { toolDefinition } = await import('../../../../src/core/tools/index');
    const definition = toolDefinition(started.tools[0]!);
    assert.equal(definition.name, 'mcp__remote__greet');
    assert.match(definition.description, /^Greets someone\.\n\(MCP tool "greet" of server "remote"\)$/);
    assert.deepEqual(definition.input_schema.properties, { name: { type: 'string' } });
    assert.deepEqual(definition.input_schema.required, ['name']);
  });

  it('an unreachable server fails with a message and no secret in it', async () => {
    const started = await startUserServer({ type: 'http', url: 'http://127.0.0.1:9/mcp', headers: { Authorization: 'Bearer ${TEST_TOKEN}' } }, { TEST_TOKEN: 'tok-987654321' });
    const [status] = started.report;
    assert.equal(status!.state, 'failed');
    assert.match(status!.reason, /could not be started/);
    assert.ok(!status!.reason.includes('tok-987654321'));
  });
});
