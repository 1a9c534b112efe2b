import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as vscode from 'vscode';
import { createNonce, renderPanelHtml } from '../../../src/panel/html';

/** Just enough of a Uri and a Webview for rendering the HTML. */
function fakeUri(path: string): vscode.Uri {
  return { path, with: ({ path: next }: { path: string }) => fakeUri(next), toString: () => `vscode-resource:${path}` } as unknown as vscode.Uri;
}
const webview = { cspSource: 'https://resource.example', asWebviewUri: (uri: vscode.Uri) => fakeUri(uri.path) } as unknown as vscode.Webview;

describe('panel: HTML and content security policy', () => {
  const nonce = createNonce();
  const html = renderPanelHtml(webview, fakeUri('/ext/media'), nonce);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';

  it('allows nothing by default, scripts only by nonce, styles and fonts only from the extension', () => {
    const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    assert.deepEqual(directives['default-src'], ["'none'"]);
    assert.deepEqual(directives['script-src'], [`'nonce-${nonce}'`]);
    assert.deepEqual(directives['style-src'], ['https://resource.example']);
    assert.deepEqual(directives['font-src'], ['https://resource.example']);
    assert.ok(!csp.includes('unsafe'), 'no unsafe-inline or unsafe-eval');
  });

  it('loads every asset from the media folder; its one script carries the nonce', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${nonce}" src="vscode-resource:/ext/media/webview.js">`]);
    for (const href of [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])) assert.match(href ?? '', /^vscode-resource:\/ext\/media\//);
  });

  it('uses a fresh 128-bit nonce each time', () => {
    const a = createNonce();
    assert.notEqual(a, createNonce());
    assert.equal(Buffer.from(a, 'base64').length, 16);
  });
});
