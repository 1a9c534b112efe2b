import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { resolveProviderConfig } from '../../../../src/core/providers/config';
import { createModelProvider } from '../../../../src/core/providers/createProvider';
import type { MessageParam } from '../../../../src/core/providers/types';
import { reply, say, startModelServer, text, toolUse, type ModelServer, type ModelServerKind } from '../../../support/modelServers';
import { collect, fastRetry, helperScript, request, TEXT_OF } from './helpers';

describe('createModelProvider from the environment', () => {
  const servers: ModelServer[] = [];
  after(() => Promise.all(servers.map((server) => server.close())));

  for (const kind of ['anthropic', 'bedrock', 'vertex'] as const satisfies readonly ModelServerKind[]) {
    it(`${kind}: runs a two-turn tool session against the server's env`, async () => {
      const server = await startModelServer(kind, [
        reply(text('Let me look.'), toolUse('Read', { file_path: 'README.md' }, 'toolu_turn1')),
        say('The README describes the sample.'),
      ]);
      servers.push(server);
      const config = resolveProviderConfig(server.env);
      assert.equal(config.provider, kind);
      const provider = createModelProvider(config, { env: server.env, cwd: process.cwd(), retry: fastRetry([]) });
      assert.equal(provider.name, kind);

      const first = await provider.stream(request(config.model), collect());
      assert.equal(first.stop_reason, 'tool_use');
      const messages: MessageParam[] = [
        ...request(config.model).messages,
        { role: 'assistant', content: first.content.map((block) => (block.type === 'tool_use' ? { type: 'tool_use' as const, id: block.id, name: block.name, input: block.input } : { type: 'text' as const, text: block.type === 'text' ? block.text : '' })) },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_turn1', content: '# Sample' }] },
      ];
      const second = await provider.stream(request(config.model, { messages }), collect());
      assert.equal(second.stop_reason, 'end_turn');
      assert.equal(TEXT_OF(second), 'The README describes the sample.');

      assert.equal(server.requests.length, 2);
      assert.equal(server.requests[0]?.model, config.model);
      const sentTurn2 = server.requests[1]?.body?.messages as MessageParam[];
      assert.equal(sentTurn2.length, 3);
      assert.deepEqual(sentTurn2[2], { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_turn1', content: '# Sample' }] });
    });
  }

  it('anthropic: wires the apiKeyHelper setting with the merged env and the project folder', async () => {
    const server = await startModelServer('anthropic', [say('hi')], { acceptKeys: ['from-helper-1'] });
    servers.push(server);
    const script = helperScript('from-helper-');
    try {
      const env = { ANTHROPIC_BASE_URL: server.url, PATH: process.env.PATH };
      const provider = createModelProvider(resolveProviderConfig(env), { env, cwd: script.dir, apiKeyHelper: script.command });
      await provider.stream(request('claude-sonnet-5-5'), collect());
      assert.equal(script.runs(), 1);
    } finally {
      script.cleanup();
    }
  });

  it('anthropic: prefers ANTHROPIC_API_KEY over the stored key', async () => {
    const server = await startModelServer('anthropic', [say('hi')]);
    servers.push(server);
    const provider = createModelProvider(resolveProviderConfig(server.env), {
      env: server.env,
      cwd: process.cwd(),
      storedApiKey: () => Promise.resolve('sk-ant-stored'),
    });
    await provider.stream(request('claude-sonnet-5-5'), collect());
    assert.equal(server.requests[0]?.credential, server.env.ANTHROPIC_API_KEY);
  });
});
