import { runCases, type Case } from './harness';

/** Malformed requests are denied with a reason; none may be allowed by accident, in any mode. */
const invalid: [string, string, Record<string, unknown>][] = [
  ['Read without file_path', 'Read', {}],
  ['Read with file_path spelled path', 'Read', { path: '/etc/passwd' }],
  ['Read with an empty file_path', 'Read', { file_path: '' }],
  ['Read with a NUL byte in the path', 'Read', { file_path: '{w}/src/a.ts\0/../../etc/passwd' }],
  ['Read with a number for file_path', 'Read', { file_path: 42 }],
  ['Edit with an array for file_path', 'Edit', { file_path: ['{w}/a', '/etc/hosts'] }],
  ['Write without file_path', 'Write', { content: 'x' }],
  ['MultiEdit with an object for file_path', 'MultiEdit', { file_path: { toString: '/etc/hosts' } }],
  ['NotebookEdit with file_path instead of notebook_path', 'NotebookEdit', { file_path: '{w}/n.ipynb' }],
  ['Glob without pattern', 'Glob', { path: '{w}' }],
  ['Glob with a non-string path', 'Glob', { pattern: '*', path: 1 }],
  ['Grep with a number for pattern', 'Grep', { pattern: 5 }],
  ['LS without path', 'LS', {}],
  ['Bash without command', 'Bash', {}],
  ['Bash with an empty command', 'Bash', { command: '' }],
  ['Bash with an array command', 'Bash', { command: ['rm', '-rf', '/'] }],
  ['WebFetch without url', 'WebFetch', { prompt: 'x' }],
  ['WebFetch with a URL object', 'WebFetch', { url: { href: 'https://example.com' } }],
  ['WebSearch without query', 'WebSearch', {}],
  ['an MCP name without a tool part', 'mcp__github', {}],
  ['an MCP name with an empty server', 'mcp____tool', {}],
  ['a tool name with spaces', 'Read File', { file_path: '{w}/a' }],
  ['an empty tool name', '', {}],
];

const cases: Case[] = invalid.flatMap(([name, tool, input]) =>
  (['default', 'bypassPermissions'] as const).map((mode) => ({
    name: `invalid input in ${mode} mode: ${name}`,
    tool,
    input,
    mode,
    options: { allow: ['Read', 'Edit', 'Write', 'Glob', 'Grep', 'LS', 'WebFetch', 'WebSearch', 'mcp__github'] },
    expect: 'deny' as const,
    reason: /request is invalid and was denied: .+\.$/,
    rule: null,
  })),
);

runCases('permission engine: invalid input', cases);
