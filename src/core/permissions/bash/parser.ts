/**
 * Loads tree-sitter's bash grammar through web-tree-sitter, lazily and once.
 *
 * The extension and the CLI are CommonJS bundles in dist/, and the build copies both wasm files
 * beside them, so the first place to look is the running bundle's own folder. Under tsx (tests)
 * that folder is this source folder, so the files are then resolved from node_modules.
 *
 * web-tree-sitter is ESM-first: its ESM build needs `import.meta.url`, which is empty in a CJS
 * bundle. The `import = require` form below makes esbuild pick the package's "require" export
 * (web-tree-sitter.cjs). The wasm bytes are read here and handed over, so neither build has to
 * locate files on its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CJS build must be bundled; see above.
import TreeSitter = require('web-tree-sitter');

export type BashTree = TreeSitter.Tree;
export type BashNode = TreeSitter.Node;

const RUNTIME_WASM = 'web-tree-sitter.wasm';
const BASH_WASM = 'tree-sitter-bash.wasm';

export interface BashParserOptions {
  /** A folder holding both wasm files; searched before the defaults. */
  wasmDir?: string;
  /** Whether to look beside the bundle and in node_modules too (default true). */
  searchDefaults?: boolean;
}

/** The grammar could not be loaded: Bash commands cannot be analysed (callers must ask). */
export class BashParserLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BashParserLoadError';
  }
}

/** A loaded parser. `parse` is synchronous once loaded. */
export interface BashParser {
  parse(source: string): BashTree;
}

function resolveFromPackages(request: string): string | undefined {
  try {
    return require.resolve(request);
  } catch {
    return undefined;
  }
}

/** Where the two wasm files are, in the order tried. Exported for diagnostics and tests. */
export function wasmCandidates(options: BashParserOptions = {}): { runtime: string[]; bash: string[] } {
  const dirs: string[] = [];
  if (options.wasmDir) dirs.push(options.wasmDir);
  const defaults = options.searchDefaults !== false;
  if (defaults && typeof __dirname === 'string') dirs.push(__dirname);
  const runtime = dirs.map((dir) => path.join(dir, RUNTIME_WASM));
  const bash = dirs.map((dir) => path.join(dir, BASH_WASM));
  if (!defaults) return { runtime, bash };
  const runtimePackaged = resolveFromPackages('web-tree-sitter/web-tree-sitter.wasm');
  const bashPackaged = resolveFromPackages('tree-sitter-bash/tree-sitter-bash.wasm');
  if (runtimePackaged) runtime.push(runtimePackaged);
  if (bashPackaged) bash.push(bashPackaged);
  return { runtime, bash };
}

function readFirst(candidates: string[], what: string): Uint8Array {
  const found = candidates.find((file) => existsSync(file));
  if (!found) {
    throw new BashParserLoadError(
      `Cannot find ${what} (looked in: ${candidates.join(', ') || 'nowhere'}). ` +
        'Reinstall AgentGate, or run `npm run build` so the file is copied into dist/.',
    );
  }
  try {
    return readFileSync(found);
  } catch (error) {
    throw new BashParserLoadError(`Cannot read ${found}: ${(error as Error).message}`, { cause: error });
  }
}

/** Loads a new parser (not shared); most callers want loadBashParser. */
export async function createBashParser(options: BashParserOptions = {}): Promise<BashParser> {
  const candidates = wasmCandidates(options);
  const runtimeWasm = readFirst(candidates.runtime, RUNTIME_WASM);
  const bashWasm = readFirst(candidates.bash, BASH_WASM);
  try {
    await TreeSitter.Parser.init({ wasmBinary: runtimeWasm });
    const language = await TreeSitter.Language.load(bashWasm);
    const parser = new TreeSitter.Parser();
    parser.setLanguage(language);
    return {
      parse(source: string): BashTree {
        const tree = parser.parse(source);
        if (!tree) throw new BashParserLoadError('The bash parser returned no tree.');
        return tree;
      },
    };
  } catch (error) {
    if (error instanceof BashParserLoadError) throw error;
    throw new BashParserLoadError(`Cannot start the bash parser: ${(error as Error).message}`, { cause: error });
  }
}

let loading: Promise<BashParser> | undefined;

/**
 * The shared parser, loaded on first use; the options only matter until a load succeeds. A failed
 * load is not kept, so a later call retries (for example after the files were restored).
 */
export function loadBashParser(options: BashParserOptions = {}): Promise<BashParser> {
  if (!loading) {
    loading = createBashParser(options);
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
