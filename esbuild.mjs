// Bundles the extension host (dist/extension.js), the CLI (dist/cli.js) and the webview
// (media/webview.js). `--production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const pkg = JSON.parse(await readFile('package.json', 'utf8'));

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  define: { AGENTGATE_VERSION: JSON.stringify(pkg.version) },
};

/**
 * Node bundles prefer packages' ES module builds: some UMD builds (jsonc-parser's) hide their
 * requires from the bundler.
 */
/** @type {esbuild.BuildOptions} */
const node = { platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'] };

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    ...node,
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    ...node,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'media/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

/** Files loaded at run time from the extension's own folder (never fetched). */
async function copyRuntimeAssets() {
  await mkdir('dist', { recursive: true });
  const assets = [
    require.resolve('web-tree-sitter/web-tree-sitter.wasm'),
    require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'),
  ];
  for (const file of assets) await copyFile(file, path.join('dist', path.basename(file)));
  // The panel's icon font (loaded by the webview from media/, like every panel asset).
  for (const name of ['codicon.css', 'codicon.ttf']) {
    await copyFile(require.resolve(`@vscode/codicons/dist/${name}`), path.join('media', name));
  }
}

/** dist/settings.schema.json and dist/mcp.schema.json from the zod schemas (contributes.jsonValidation). */
async function writeSettingsSchema() {
  const { outputFiles } = await esbuild.build({
    entryPoints: ['src/core/settings/jsonSchema.ts'],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
  });
  const url = `data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`;
  const { settingsJsonSchema, mcpJsonJsonSchema, SETTINGS_SCHEMA_FILE } = await import(url);
  await writeFile(path.join('dist', SETTINGS_SCHEMA_FILE), `${JSON.stringify(settingsJsonSchema(), null, 2)}\n`);
  await writeFile(path.join('dist', 'mcp.schema.json'), `${JSON.stringify(mcpJsonJsonSchema(), null, 2)}\n`);
}

await copyRuntimeAssets();
await writeSettingsSchema();
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await chmod('dist/cli.js', 0o755);
}
