import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MarkdownSplitter } from '../../../src/webview/markdownSplitter';

/** Feeds `text` in pieces of `size` characters (as a stream would) and returns the splitter. */
function stream(text: string, size = 3): MarkdownSplitter {
  const splitter = new MarkdownSplitter();
  for (let i = 0; i < text.length; i += size) splitter.push(text.slice(i, i + size));
  return splitter;
}

/** The text cut at every cut point. */
function blocks(splitter: MarkdownSplitter): string[] {
  const cuts = [0, ...splitter.cuts];
  return cuts.map((cut, i) => splitter.text.slice(cut, cuts[i + 1] ?? splitter.text.length));
}

describe('webview: MarkdownSplitter', () => {
  it('cuts before a paragraph that follows a blank line, once that line is complete', () => {
    const splitter = stream('First paragraph\nstill first.\n\nSecond');
    assert.deepEqual(splitter.cuts, [], 'a line is judged once it is complete');
    splitter.push(' paragraph.\n');
    assert.deepEqual(blocks(splitter), ['First paragraph\nstill first.\n\n', 'Second paragraph.\n']);
    assert.equal(splitter.stable, 'First paragraph\nstill first.\n\n'.length);
  });

  it('does not cut before an indented continuation (a list item’s second paragraph)', () => {
    const splitter = stream('- item one\n\n  more of item one\n\n- item two\n');
    assert.deepEqual(blocks(splitter), ['- item one\n\n  more of item one\n\n', '- item two\n']);
  });

  it('never cuts inside a code fence, even at blank lines', () => {
    const text = 'Intro\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\nAfter';
    const splitter = stream(text, 5);
    assert.deepEqual(blocks(splitter), ['Intro\n\n', '```ts\nconst a = 1;\n\nconst b = 2;\n```\n', '\nAfter']);
  });

  it('reports an open unindented fence as live, with where its code starts', () => {
    const splitter = stream('Text\n\n```python\nprint(1)\nprint(2)');
    const fence = splitter.liveFence;
    assert.ok(fence);
    assert.equal(fence.info, 'python');
    assert.equal(splitter.text.slice(fence.contentStart), 'print(1)\nprint(2)');
    assert.equal(fence.start, splitter.stable, 'the fence starts at the last cut');
  });

  it('closes a fence only with the same marker at least as long', () => {
    const splitter = stream('````md\n```\nstill code\n````\nafter\n');
    assert.equal(splitter.liveFence, undefined);
    assert.deepEqual(blocks(splitter), ['````md\n```\nstill code\n````\n', 'after\n']);
    const tilde = stream('~~~\n```\n');
    assert.ok(tilde.liveFence, 'backticks do not close a tilde fence');
  });

  it('keeps indented fences (inside list items) in their block', () => {
    const splitter = stream('- step\n\n  ```sh\n  npm test\n  ```\n');
    assert.equal(splitter.liveFence, undefined);
    assert.deepEqual(blocks(splitter), ['- step\n\n  ```sh\n  npm test\n  ```\n']);
  });

  it('gives the same cuts however the text is chunked', () => {
    const text = '# Title\n\nPara one.\n\n```js\nx();\n```\n\n- a\n- b\n\nEnd.\n';
    const reference = blocks(stream(text, text.length));
    for (const size of [1, 2, 7, 13]) assert.deepEqual(blocks(stream(text, size)), reference, `chunks of ${size}`);
    assert.equal(reference.join(''), text);
  });

  it('handles Windows line endings', () => {
    const splitter = stream('One\r\n\r\nTwo\r\n');
    assert.deepEqual(blocks(splitter), ['One\r\n\r\n', 'Two\r\n']);
  });
});
