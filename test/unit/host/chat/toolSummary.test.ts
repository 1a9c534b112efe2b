import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clipResult, displayPath, summarizeTool } from '../../../../src/host/chat/toolSummary';

describe('host: tool summaries for cards', () => {
  it('says what and where for each tool', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['Bash', { command: 'npm test' }, 'Run', 'npm test'],
      ['Read', { file_path: '/w/src/a.ts' }, 'Read', 'src/a.ts'],
      ['Write', { file_path: '/elsewhere/b.ts' }, 'Write', '/elsewhere/b.ts'],
      ['Edit', { file_path: '/w/a.ts' }, 'Edit', 'a.ts'],
      ['Glob', { pattern: '**/*.ts', path: '/w/src' }, 'Find files', '**/*.ts in src'],
      ['Grep', { pattern: 'TODO' }, 'Search', 'TODO'],
      ['WebFetch', { url: 'https://example.com' }, 'Fetch', 'https://example.com'],
      ['mcp__db__query', { sql: 'select 1' }, 'MCP db', 'query {"sql":"select 1"}'],
    ];
    for (const [tool, input, title, detail] of cases) assert.deepEqual(summarizeTool(tool, input, '/w'), { title, detail }, tool);
  });

  it('shows paths relative to the working directory only when inside it', () => {
    assert.equal(displayPath('/w/x/y.ts', '/w'), 'x/y.ts');
    assert.equal(displayPath('/w-other/y.ts', '/w'), '/w-other/y.ts');
    assert.equal(displayPath('relative.ts', '/w'), 'relative.ts');
  });

  it('cuts long results and says how much is left', () => {
    assert.equal(clipResult('short'), 'short');
    const long = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const clipped = clipResult(long, 3);
    assert.match(clipped, /^line 0\nline 1\nline 2\n… \(\d+ more characters\)$/);
  });
});
