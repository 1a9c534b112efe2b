// Lint rules, including the layering zones of the architecture: core, protocol and webview never
// import `vscode`; core never imports host/panel/webview; core/settings never imports
// core/permissions; the webview imports only protocol.
// Every rule is an error: `npm run lint` allows zero warnings.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeBan = { name: 'vscode', message: 'Only src/host, src/panel and src/extension.ts may import vscode.' };

const editorFree = {
  group: ['**/host', '**/host/**', '**/panel', '**/panel/**', '**/webview', '**/webview/**', '**/extension', '**/cli', '**/cli/**'],
  message: 'core is editor-free: it may import only core and protocol.',
};

export const layeringZones = [
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [vscodeBan], patterns: [editorFree] }],
    },
  },
  {
    // A later zone replaces the rule's options for its files, so it repeats the core zone's.
    files: ['src/core/settings/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [vscodeBan],
        patterns: [editorFree, {
          group: ['**/permissions', '**/permissions/**'],
          message: 'Settings hand the permission engine parsed rules; the engine depends on settings, never the reverse.',
        }],
      }],
    },
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [vscodeBan],
        patterns: [{
          group: ['**/core/**', '**/host/**', '**/panel/**', '**/webview/**', '**/extension', '**/cli', '**/cli/**'],
          message: 'protocol holds only message types and schemas.',
        }],
      }],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [vscodeBan],
        patterns: [{
          group: ['**/core/**', '**/host/**', '**/panel/**', '**/extension', '**/cli', 'node:*'],
          message: 'The webview runs in the browser and may import only ../protocol.',
        }],
      }],
    },
  },
  {
    files: ['src/host/**/*.ts', 'src/panel/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/webview/**'], message: 'Host code talks to the webview only through protocol messages.' }],
      }],
    },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'media/', 'test/fixtures/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  ...layeringZones,
);
