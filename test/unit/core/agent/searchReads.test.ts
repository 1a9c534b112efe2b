/**
 * Glob and Grep are decided on their search root; the loop then lets them read only the files a
 * Read of each would be allowed to. These tests run the real engine, settings, tools and file
 * system; only the model is scripted.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { Authorization } from '../../../../src/core/agent/approval';
import { callContext, searchReadFilter } from '../../../../src/core/agent/searchReads';
import { globTool } from '../../../../src/core/tools/glob';
import { createGrepTool } from '../../../../src/core/tools/grep';
import { findRipgrepOnPath } from '../../../../src/core/tools/grepRipgrep';
import { link, permissionWorkspace, SECRET, type PermissionWorkspace } from '../tools/searchPermissionFixture';
import { makeContext, put } from '../tools/toolTestContext';
import { decision, ScriptedPrompter, text, toolUse } from './fakes';
import { makeSession, resultText, toolResultsOf } from './harness';

const ripgrep = findRipgrepOnPath();
const ONE_LEFT_OUT = '(1 file was left out because permission rules do not allow reading it.)';

let workspace: PermissionWorkspace | undefined;
afterEach(async () => {
  await workspace?.cleanup();
  workspace = undefined;
});

async function setUp(permissions: Record<string, string[]>): Promise<PermissionWorkspace> {
  workspace = await permissionWorkspace(permissions);
  await put(workspace.outside, { 'notes.txt': 'API_KEY is documented here\n', 'private/key.txt': 'API_KEY=outside-private-9999\n' });
  await link(path.join(workspace.outside, 'notes.txt'), workspace.w('src', 'outside-notes.txt'));
  return workspace;
}

describe('which files a Glob or Grep call may read', () => {
  const allowedBy = (kind: 'allow' | 'ask', rule: string | null, reply?: 'allowOnce'): Authorization =>
    reply === undefined ? { allowed: true, decision: decision(kind, 'root', rule) } : { allowed: true, decision: decision(kind, 'root', rule), reply: { kind: reply } };

  it('follows the Read decision: allow yes, deny never, ask only when the search itself was agreed to', async () => {
    const ws = await setUp({ deny: ['Read(./.env)'] });
    const files = { inside: ws.w('src', 'config.ts'), denied: ws.w('.env'), asks: ws.w('src', 'outside-notes.txt') };
    const expectations: [string, Authorization, Record<keyof typeof files, boolean>][] = [
      ['allowed without a rule', allowedBy('allow', null), { inside: true, denied: false, asks: false }],
      ['allowed by an explicit rule', allowedBy('allow', 'Grep'), { inside: true, denied: false, asks: true }],
      ['approved by the person', allowedBy('ask', null, 'allowOnce'), { inside: true, denied: false, asks: true }],
    ];
    for (const [how, authorization, expected] of expectations) {
      const mayRead = searchReadFilter('Grep', authorization, ws.decide);
      assert.ok(mayRead, how);
      for (const [name, file] of Object.entries(files) as [keyof typeof files, string][]) {
        assert.equal(await mayRead(file), expected[name], `${name} when the root was ${how}`);
      }
    }
  });

  it('applies to Glob and Grep only, and never to a refused call', async () => {
    const ws = await setUp({});
    const allowed = allowedBy('allow', null);
    assert.equal(searchReadFilter('Read', allowed, ws.decide), undefined);
    assert.equal(searchReadFilter('Bash', allowed, ws.decide), undefined);
    assert.ok(searchReadFilter('Glob', allowed, ws.decide));
    const refused: Authorization = { allowed: false, decision: decision('deny'), by: 'rule', message: 'no' };
    assert.equal(searchReadFilter('Grep', refused, ws.decide), undefined);
  });

  it('keeps a filter the context already has: both must allow', async () => {
    const ws = await setUp({});
    const base = makeContext(ws.ws, { mayRead: async (file) => !file.endsWith('README.md') });
    const ctx = callContext(base, 'Grep', allowedBy('allow', null), ws.decide);
    assert.equal(await ctx.mayRead?.(ws.w('README.md')), false);
    assert.equal(await ctx.mayRead?.(ws.w('src', 'config.ts')), true);
    assert.equal(await ctx.mayRead?.(ws.w('src', 'outside-notes.txt')), false);
    assert.equal(callContext(base, 'Read', allowedBy('allow', null), ws.decide), base);
  });
});

const grepBackends = [
  { name: 'ripgrep', ripgrepPath: ripgrep ?? null, skip: ripgrep === undefined },
  { name: 'JavaScript search', ripgrepPath: null, skip: false },
];

for (const backend of grepBackends) {
  describe(`the agent loop with Read(./.env) denied (${backend.name})`, { skip: backend.skip && 'rg is not installed' }, () => {
    it('sends the model no line of .env from a Grep of the workspace, nor .env from a Glob', async () => {
      const ws = await setUp({ deny: ['Read(./.env)'] });
      const toolContext = makeContext(ws.ws);
      const { session, provider } = makeSession({
        script: [
          {
            content: [
              text('Looking for the key.'),
              toolUse('t1', 'Grep', { pattern: 'API_KEY', path: '.', output_mode: 'content' }),
              toolUse('t2', 'Grep', { pattern: 'API_KEY', output_mode: 'count' }),
              toolUse('t3', 'Glob', { pattern: '**/.env*' }),
            ],
          },
          { content: [text('I could not read .env.')] },
        ],
        tools: [createGrepTool({ ripgrepPath: backend.ripgrepPath }), globTool],
        decide: ws.decide,
        extra: { toolContext },
      });
      const result = await session.run('Find the API key');
      assert.equal(result.reason, 'done');
      assert.deepEqual(result.denials, []);
      const [content, count, glob] = toolResultsOf(provider.requests[1]!.messages).map(resultText);
      for (const out of [content, count, glob]) {
        assert.ok(!out!.includes(SECRET), out);
        assert.ok(!out!.split('\n').some((line) => line.startsWith(ws.w('.env'))), out);
        assert.ok(out!.endsWith(ONE_LEFT_OUT), out);
      }
      assert.ok(content!.includes(`${ws.w('src', 'config.ts')}:1:export const apiKey = process.env.API_KEY;`), content);
      assert.equal(glob, ['No files found', ONE_LEFT_OUT].join('\n'));
    });

    it('lets an approved search outside the workspace read what asks there, but not what a rule denies', async () => {
      const ws = await setUp({ deny: ['Read(/{outside}/private/**)'] });
      const prompter = new ScriptedPrompter([{ kind: 'allowOnce' }]);
      const { session, provider } = makeSession({
        script: [{ content: [toolUse('t1', 'Grep', { pattern: 'API_KEY', path: ws.outside, output_mode: 'content' })] }, { content: [text('Done.')] }],
        tools: [createGrepTool({ ripgrepPath: backend.ripgrepPath })],
        decide: ws.decide,
        approvals: { prompter, saveRule: async () => assert.fail('no rule to save') },
        extra: { toolContext: makeContext(ws.ws) },
      });
      await session.run('Search the notes next door');
      assert.equal(prompter.asked.length, 1, 'the search outside the workspace asks');
      const out = resultText(toolResultsOf(provider.requests[1]!.messages)[0]);
      assert.equal(out, [`${path.join(ws.outside, 'notes.txt')}:1:API_KEY is documented here`, ONE_LEFT_OUT].join('\n'));
    });
  });
}
