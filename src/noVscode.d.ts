// What `import 'vscode'` resolves to in src/core, src/protocol and src/webview (see their
// tsconfig.json): nothing. Only src/host, src/panel and src/extension.ts may use the VS Code API.
export {};
