import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { builtinTools, createBuiltinTools, editTool, previewTool, readTool, runTool, toolDefinitions } from '../../../../src/core/tools/index';
import { makeContext, tempDir, type TestContext } from './toolTestContext';

describe('tools index', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let ctx: TestContext;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    ctx = makeContext(dir);
  });
  afterEach(() => cleanup());

  it('offers the Claude Code tool names', () => {
    assert.deepEqual(builtinTools.map((tool) => tool.name).sort(), ['Bash', 'Edit', 'Glob', 'Grep', 'MultiEdit', 'Read', 'WebFetch', 'Write']);
    assert.deepEqual(
      builtinTools.filter((tool) => tool.readOnly).map((tool) => tool.name).sort(),
      ['Glob', 'Grep', 'Read', 'WebFetch'],
    );
    assert.equal(createBuiltinTools({ ripgrepPath: null }).length, builtinTools.length);
  });

  it('produces model-facing definitions with the input shapes of Claude Code', () => {
    const definitions = Object.fromEntries(toolDefinitions().map((definition) => [definition.name, definition]));
    const shape = (name: string) => {
      const schema = definitions[name]?.input_schema as { type: string; properties: Record<string, unknown>; required?: string[]; $schema?: string };
      assert.equal(schema.type, 'object');
      assert.equal(schema.$schema, undefined);
      return { properties: Object.keys(schema.properties).sort(), required: [...(schema.required ?? [])].sort() };
    };
    assert.deepEqual(shape('Read'), { properties: ['file_path', 'limit', 'offset'], required: ['file_path'] });
    assert.deepEqual(shape('Write'), { properties: ['content', 'file_path'], required: ['content', 'file_path'] });
    assert.deepEqual(shape('Edit'), { properties: ['file_path', 'new_string', 'old_string', 'replace_all'], required: ['file_path', 'new_string', 'old_string'] });
    assert.deepEqual(shape('MultiEdit'), { properties: ['edits', 'file_path'], required: ['edits', 'file_path'] });
    assert.deepEqual(shape('Glob'), { properties: ['path', 'pattern'], required: ['pattern'] });
    assert.deepEqual(shape('Grep'), {
      properties: ['-A', '-B', '-C', '-i', '-n', 'glob', 'head_limit', 'multiline', 'output_mode', 'path', 'pattern', 'type'],
      required: ['pattern'],
    });
    assert.deepEqual(shape('Bash'), { properties: ['command', 'description', 'timeout'], required: ['command'] });
    assert.deepEqual(shape('WebFetch'), { properties: ['prompt', 'url'], required: ['prompt', 'url'] });
    for (const definition of Object.values(definitions)) assert.ok(definition.description.length > 40);
  });

  it('turns invalid input into an error result the model can act on', async () => {
    const result = await runTool(editTool, { file_path: 42, old_string: 'a' }, ctx);
    assert.equal(result.isError, true);
    assert.match(result.content, /Invalid input for Edit/);
    assert.match(result.content, /file_path/);
    assert.match(result.content, /new_string/);
  });

  it('previewTool returns the change, or the error to report without asking anyone', async () => {
    const file = path.join(dir, 'a.txt');
    await writeFile(file, 'one');
    const unread = await previewTool(editTool, { file_path: file, old_string: 'one', new_string: 'two' }, ctx);
    assert.equal(unread.ok, false);
    assert.match(unread.ok ? '' : unread.result.content, /has not been read/);
    await runTool(readTool, { file_path: file }, ctx);
    const ok = await previewTool(editTool, { file_path: file, old_string: 'one', new_string: 'two' }, ctx);
    assert.deepEqual(ok, { ok: true, changes: [{ path: file, before: 'one', after: 'two' }] });
    assert.deepEqual(await previewTool(readTool, { file_path: file }, ctx), { ok: true, changes: [] });
  });
});
