/**
 * An approved repository server's tool called through the real agent loop, the real permission
 * engine and a scripted Anthropic wire-protocol server: the tool's result reaches the model's
 * next request. MCP tools ask by default; an allow rule for the server lets them run.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ApprovalRequest } from '../../../../src/core/agent/types';
import { AgentSession } from '../../../../src/core/agent/loop';
import { definitionHash } from '../../../../src/core/mcp/definitionHash';
import { startMcpForRun, type McpForRun } from '../../../../src/core/mcp/startForRun';
import { decideBash } from '../../../../src/core/permissions/bash/decide';
import { PermissionEngine } from '../../../../src/core/permissions/engine';
import { createModelProvider, resolveProviderConfig } from '../../../../src/core/providers/index';
import type { EffectiveSettings } from '../../../../src/core/settings/types';
import { reply, say, startModelServer, toolUse, type ModelServer } from '../../../support/modelServers';
import { stdioServer } from '../../../support/mcpServers';
import { makeContext } from '../tools/toolTestContext';
import { mcpSandbox, type McpSandbox } from './mcpSandbox';

function toolResults(body: Record<string, unknown> | undefined): { tool_use_id: string; content: unknown; is_error?: boolean }[] {
  const messages = (body?.messages ?? []) as { content: unknown }[];
  const last = messages.at(-1);
  return Array.isArray(last?.content) ? (last.content as { type: string; tool_use_id: string; content: unknown }[]).filter((b) => b.type === 'tool_result') : [];
}

describe('MCP tools in the agent loop', () => {
  let box: McpSandbox;
  let model: ModelServer | undefined;
  let mcp: McpForRun | undefined;
  beforeEach(async () => (box = await mcpSandbox()));
  afterEach(async () => {
    await mcp?.dispose();
    await model?.close();
    mcp = undefined;
    model = undefined;
    await box.cleanup();
  });

  async function session(settings: EffectiveSettings, asked: ApprovalRequest[]) {
    const definition = stdioServer();
    await box.writeMcpJson({ repo: definition });
    await box.approvals.approve(box.cwd, [{ name: 'repo', sha256: definitionHash(definition) }]);
    mcp = await startMcpForRun({ cwd: box.cwd, home: box.home, settings, trusted: true, mcpConfigFiles: [], env: { PATH: process.env.PATH ?? '' }, approvals: box.approvals });
    assert.equal(mcp.report[0]!.state, 'running', mcp.report[0]!.reason);
    const env = { ...model!.env };
    const provider = createModelProvider(resolveProviderConfig(env), { env, cwd: box.cwd });
    const engine = new PermissionEngine(decideBash);
    const { signal: _signal, controller: _controller, ...toolContext } = makeContext(box.cwd);
    return new AgentSession({
      sessionId: 'mcp-session',
      provider,
      model: 'claude-sonnet-4-5',
      system: [{ type: 'text', text: 'test' }],
      tools: mcp.tools,
      toolContext,
      decide: (request) => engine.decide(request, { cwd: box.cwd, workspaceFolders: [box.cwd], home: box.home, settings, mode: 'default' }),
      approvals: {
        prompter: { ask: (request) => (asked.push(request), Promise.resolve({ kind: 'allowOnce' })) },
        saveRule: () => Promise.reject(new Error('not expected')),
      },
      sink: { emit: () => undefined },
      restartDelayMs: () => 0,
    });
  }

  it('asks by default, and the approved call\'s result reaches the model\'s next request', async () => {
    model = await startModelServer('anthropic', [reply(toolUse('mcp__repo__add', { a: 2, b: 40 }, 'toolu_1')), say('The sum is 42.')]);
    const asked: ApprovalRequest[] = [];
    const agent = await session(await box.settings(true), asked);
    const result = await agent.run('add 2 and 40');
    assert.equal(result.reason, 'done', result.error?.message);
    assert.deepEqual(asked.map((a) => [a.tool, a.decision.decision]), [['mcp__repo__add', 'ask']]);
    const tools = (model.requests[0]!.body as { tools: { name: string; input_schema: { properties: object } }[] }).tools;
    const add = tools.find((t) => t.name === 'mcp__repo__add');
    assert.deepEqual(add?.input_schema.properties, { a: { type: 'number' }, b: { type: 'number' } });
    assert.deepEqual(toolResults(model.requests[1]!.body as Record<string, unknown>).map((r) => [r.tool_use_id, r.content]), [['toolu_1', '42']]);
  });

  it('an allow rule for the server runs it without asking; a deny rule for one tool refuses it', async () => {
    await box.write(`${box.home}/.claude/settings.json`, { permissions: { allow: ['mcp__repo'], deny: ['mcp__repo__argv'] } });
    model = await startModelServer('anthropic', [reply(toolUse('mcp__repo__echo', { text: 'hi' }, 'toolu_1'), toolUse('mcp__repo__argv', {}, 'toolu_2')), say('ok')]);
    const asked: ApprovalRequest[] = [];
    const agent = await session(await box.settings(true), asked);
    const result = await agent.run('go');
    assert.equal(result.reason, 'done');
    assert.deepEqual(asked, []);
    const results = toolResults(model.requests[1]!.body as Record<string, unknown>);
    assert.equal(results[0]!.content, 'echo: hi');
    assert.equal(results[1]!.is_error, true);
    assert.match(String(results[1]!.content), /Permission denied/);
  });
});
