import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachmentLabel, buildPrompt, MAX_ATTACHMENT_CHARS, personText } from '../../../../src/host/chat/promptContext';

describe('host: the prompt with attached context', () => {
  it('is the text alone when nothing is attached', () => {
    assert.equal(buildPrompt('Fix it', [], []), 'Fix it');
  });

  it('puts the text first, then notes, then attachments', () => {
    const prompt = buildPrompt('Explain', [{ kind: 'file', path: 'src/a "b".ts', text: 'code' }, { kind: 'selection', path: 'x.ts', lines: '3-4', text: 'sel' }], ['The person undid your edit.']);
    assert.equal(
      prompt,
      'Explain\n\nSince your last answer:\n- The person undid your edit.\n\nThe person attached this context:\n<file path="src/a &quot;b&quot;.ts">\ncode\n</file>\n<selection path="x.ts" lines="3-4">\nsel\n</selection>',
    );
  });

  it('cuts very large attachments and says so', () => {
    const prompt = buildPrompt('x', [{ kind: 'file', path: 'big.txt', text: 'a'.repeat(MAX_ATTACHMENT_CHARS + 10) }], []);
    assert.match(prompt, /\[… cut: the file continues; read it for the rest\]/);
  });

  it('gives back what the person wrote', () => {
    assert.equal(personText(buildPrompt('Explain\n\nthis part', [{ kind: 'file', path: 'a', text: 'x' }], ['note'])), 'Explain\n\nthis part');
    assert.equal(personText('Just text'), 'Just text');
  });

  it('labels attachments for the panel', () => {
    assert.equal(attachmentLabel({ kind: 'file', path: 'a.ts' }), 'a.ts');
    assert.equal(attachmentLabel({ kind: 'selection', path: 'a.ts', lines: '1-2' }), 'selection in a.ts:1-2');
  });
});
