import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSafeHref } from '../../../src/webview/links';

describe('webview: links the panel may open', () => {
  it('allows http(s) and mailto only', () => {
    for (const href of ['https://example.com', 'http://localhost:3000/a', 'mailto:a@example.com', ' HTTPS://EXAMPLE.COM']) assert.equal(isSafeHref(href), true, href);
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'command:workbench.action.terminal.new', 'vscode://x', '//evil.example', '/relative']) {
      assert.equal(isSafeHref(href), false, href);
    }
  });
});
