import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

/** A fresh nonce for each render: 128 bits from the OS's CSPRNG. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The panel's HTML: `default-src 'none'`, the script allowed only by nonce, styles and fonts only
 * from the extension's media folder.
 */
export function renderPanelHtml(webview: vscode.Webview, mediaRoot: vscode.Uri, nonce: string): string {
  const asset = (name: string) => webview.asWebviewUri(joinUri(mediaRoot, name)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('codicon.css')}">
<link rel="stylesheet" href="${asset('webview.css')}">
<title>AgentGate</title>
</head>
<body>
<main id="app"><p>Loading AgentGate…</p></main>
<script nonce="${nonce}" src="${asset('webview.js')}"></script>
</body>
</html>`;
}

function joinUri(base: vscode.Uri, name: string): vscode.Uri {
  return base.with({ path: `${base.path.replace(/\/$/, '')}/${name}` });
}
