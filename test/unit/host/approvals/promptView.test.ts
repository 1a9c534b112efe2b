import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApprovalRequest } from '../../../../src/core/agent/types';
import type { Decision } from '../../../../src/core/permissions/types';
import { promptFor } from '../../../../src/host/approvals/promptView';

const ask = (reason: string, extra: Partial<Decision> = {}): Decision => ({ decision: 'ask', reason, rule: null, source: null, ...extra });
const request = (tool: string, input: Record<string, unknown>, decision: Decision): ApprovalRequest => ({ toolUseId: 'toolu_1', tool, input, decision });

describe('host: promptFor (what an approval prompt shows)', () => {
  it('a shell command: the exact command, the engine’s description, reason, parts and suggestions', () => {
    const prompt = promptFor(
      request('Bash', { command: 'npm run build && npm test', description: 'build and test' }, ask('No rule allows `npm run build`.', {
        bash: {
          description: 'Runs `npm run build`, then `npm test`.',
          subcommands: [
            { command: 'npm run build', decision: 'ask', reason: 'No rule allows it.', rule: null, source: null },
            { command: 'npm test', decision: 'ask', reason: 'No rule allows it.', rule: null, source: null },
          ],
          suggestions: ['Bash(npm run build:*)', 'Bash(npm test:*)'],
        },
      })),
    );
    assert.equal(prompt.kind, 'bash');
    assert.equal(prompt.title, 'Run a shell command');
    assert.equal(prompt.subject, 'npm run build && npm test');
    assert.equal(prompt.description, 'Runs `npm run build`, then `npm test`.', 'the engine’s description wins over the model’s');
    assert.equal(prompt.reason, 'No rule allows `npm run build`.');
    assert.deepEqual(prompt.subcommands.map((part) => part.command), ['npm run build', 'npm test']);
    assert.deepEqual(prompt.suggestions, ['Bash(npm run build:*)', 'Bash(npm test:*)']);
    assert.deepEqual(prompt.scopeFiles, { local: '.claude/settings.local.json', project: '.claude/settings.json' });
  });

  it('a shell command without analysis offers no rule', () => {
    const prompt = promptFor(request('Bash', { command: 'ls' }, ask('cannot analyse')));
    assert.deepEqual(prompt.suggestions, []);
    assert.equal(prompt.description, null);
  });

  it('a web fetch: the URL, and a domain rule on the parsed host', () => {
    const prompt = promptFor(request('WebFetch', { url: 'https://docs.example.com/a?b=1', prompt: 'summarise' }, ask('No rule allows docs.example.com.')));
    assert.equal(prompt.kind, 'webFetch');
    assert.equal(prompt.subject, 'https://docs.example.com/a?b=1');
    assert.deepEqual(prompt.suggestions, ['WebFetch(domain:docs.example.com)']);
    assert.match(prompt.description ?? '', /docs\.example\.com/);
  });

  it('a web fetch of something that is not a URL suggests nothing', () => {
    assert.deepEqual(promptFor(request('WebFetch', { url: 'not a url' }, ask('invalid'))).suggestions, []);
  });

  it('an MCP tool: server and tool named, the arguments shown, the tool rule suggested', () => {
    const prompt = promptFor(request('mcp__github__create_issue', { title: 'Bug' }, ask('The tool asks.')));
    assert.equal(prompt.kind, 'mcp');
    assert.equal(prompt.title, 'Use the tool “create_issue” of MCP server “github”');
    assert.deepEqual(JSON.parse(prompt.subject), { title: 'Bug' });
    assert.deepEqual(prompt.suggestions, ['mcp__github__create_issue']);
  });

  it('a plan: the plan text, no rule', () => {
    const prompt = promptFor(request('ExitPlanMode', { plan: '1. Read\n2. Edit' }, ask('Plan mode.')));
    assert.equal(prompt.kind, 'plan');
    assert.equal(prompt.plan, '1. Read\n2. Edit');
    assert.deepEqual(prompt.suggestions, []);
  });

  it('anything else: the tool and its input', () => {
    const prompt = promptFor(request('NotebookEdit', { notebook_path: '/w/a.ipynb' }, ask('Asks.')));
    assert.equal(prompt.kind, 'other');
    assert.deepEqual(JSON.parse(prompt.subject), { notebook_path: '/w/a.ipynb' });
  });
});
