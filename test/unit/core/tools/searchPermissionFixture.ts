/**
 * A real workspace for the search-permission tests: temporary folders, the team's
 * `.claude/settings.json` loaded by the real settings loader, the real permission engine, and
 * Glob/Grep contexts whose `mayRead` is built the way the agent loop builds it.
 */
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Authorization, DecideFn } from '../../../../src/core/agent/approval';
import { searchReadFilter } from '../../../../src/core/agent/searchReads';
import type { ApprovalReply } from '../../../../src/core/agent/types';
import { PermissionEngine } from '../../../../src/core/permissions/engine';
import type { Decision, PermissionContext } from '../../../../src/core/permissions/types';
import { loadSettings } from '../../../../src/core/settings';
import type { FileSystem } from '../../../../src/core/tools/types';
import { makeContext, put, type TestContext } from './toolTestContext';

export const SECRET = 'sk-live-SECRET-4242';

/** The files of every fixture: one secret at the top, code that names the variable, notes. */
export const EVERYDAY_FILES: Record<string, string> = {
  '.env': `API_KEY=${SECRET}\nDEBUG=1\n`,
  'src/config.ts': 'export const apiKey = process.env.API_KEY;\n',
  'src/deep/use.ts': 'import { apiKey } from "../config"; // API_KEY\n',
  'README.md': 'Set API_KEY in .env before running.\n',
};

export interface PermissionWorkspace {
  root: string;
  /** The workspace folder (the agent's working directory). */
  ws: string;
  /** A folder outside the workspace. */
  outside: string;
  decide: DecideFn;
  permissionContext: PermissionContext;
  /** Absolute path inside the workspace. */
  w(...parts: string[]): string;
  /**
   * A tool context for one Glob or Grep call as the agent loop would run it: the engine decides
   * the call's root; `reply` is the person's answer when it asks (absent: nobody approves).
   */
  contextFor(tool: 'Glob' | 'Grep', input: Record<string, unknown>, reply?: ApprovalReply, fs?: FileSystem): Promise<{ ctx: TestContext; root: Decision }>;
  cleanup(): Promise<void>;
}

/** `{outside}` in a rule stands for the outside folder's absolute path. */
export async function permissionWorkspace(permissions: Record<string, string[]>, files: Record<string, string> = EVERYDAY_FILES): Promise<PermissionWorkspace> {
  const root = await realpath(await mkdtemp(path.join(tmpdir(), 'agentgate-search-')));
  const ws = path.join(root, 'w');
  const outside = path.join(root, 'outside');
  const home = path.join(root, 'home');
  for (const dir of [ws, outside, home, path.join(ws, '.claude')]) await mkdir(dir, { recursive: true });
  const expanded = Object.fromEntries(Object.entries(permissions).map(([list, rules]) => [list, rules.map((rule) => rule.replaceAll('{outside}', outside))]));
  await writeFile(path.join(ws, '.claude', 'settings.json'), JSON.stringify({ permissions: expanded }));
  await put(ws, files);
  const settings = await loadSettings({ cwd: ws, home, managedPath: path.join(root, 'no-managed-settings.json'), trusted: true });
  const permissionContext: PermissionContext = { cwd: ws, workspaceFolders: [ws], home, settings, mode: 'default' };
  const engine = new PermissionEngine();
  const decide: DecideFn = (request) => engine.decide(request, permissionContext);
  return {
    root,
    ws,
    outside,
    decide,
    permissionContext,
    w: (...parts) => path.join(ws, ...parts),
    async contextFor(tool, input, reply, fs) {
      const decision = await decide({ tool, input });
      let authorization: Authorization;
      if (decision.decision === 'allow') authorization = { allowed: true, decision };
      else if (decision.decision === 'ask' && reply !== undefined && reply.kind !== 'deny') authorization = { allowed: true, decision, reply };
      else throw new Error(`The ${tool} call itself would not run: ${decision.decision}: ${decision.reason}`);
      const mayRead = searchReadFilter(tool, authorization, decide);
      const ctx: TestContext = makeContext(ws, { ...(fs === undefined ? {} : { fs }), ...(mayRead === undefined ? {} : { mayRead }) });
      return { ctx, root: decision };
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Adds a symbolic link (absolute target). */
export async function link(target: string, at: string): Promise<void> {
  await mkdir(path.dirname(at), { recursive: true });
  await symlink(target, at);
}

/** A file system that records every file it reads. */
export function recordingFs(base: FileSystem): FileSystem & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile: (file) => (reads.push(file), base.readFile(file)),
    writeFile: (file, data) => base.writeFile(file, data),
    stat: (file) => base.stat(file),
    readdir: (dir) => base.readdir(dir),
    realpath: (file) => base.realpath(file),
  };
}

/**
 * A file system that reports what a directory entry leads to, following symbolic links, as a
 * FileSystem implementation may (VS Code's file types mark a link to a file as a file). With it
 * the walker lists links, so the permission filter is what keeps them out. Records reads.
 */
export function linkFollowingFs(base: FileSystem): FileSystem & { reads: string[] } {
  const recording = recordingFs(base);
  return {
    ...recording,
    async readdir(dir) {
      const entries = await base.readdir(dir);
      return Promise.all(
        entries.map(async (entry) => {
          if (entry.isDirectory || entry.isFile) return entry;
          const stat = await base.stat(path.join(dir, entry.name)).catch(() => undefined);
          return { name: entry.name, isDirectory: stat?.isDirectory ?? false, isFile: stat?.isFile ?? false };
        }),
      );
    },
  };
}

/**
 * An `rg` that logs each command line (one per line) to `log`, then runs the real one. With
 * `dropExclusions` it first throws away the anchored exclusion globs (`--glob=!/...`), as an rg
 * that ignored them would, so only the check of its output is left.
 */
export async function ripgrepSpy(dir: string, realRg: string, options: { dropExclusions?: boolean } = {}): Promise<{ path: string; log: string }> {
  const log = path.join(dir, 'rg-calls.log');
  const script = path.join(dir, 'rg-spy.sh');
  const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;
  const drop = options.dropExclusions ? 'for arg; do shift; case "$arg" in --glob=!/*) ;; *) set -- "$@" "$arg" ;; esac; done\n' : '';
  await writeFile(script, `#!/bin/sh\nprintf '%s\\n' "$*" >> ${quote(log)}\n${drop}exec ${quote(realRg)} "$@"\n`, { mode: 0o755 });
  return { path: script, log };
}
