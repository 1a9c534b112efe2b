import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NodeFileSystem } from '../../../../src/core/tools/nodeFileSystem';
import { NodeProcessRunner } from '../../../../src/core/tools/nodeProcessRunner';
import { SessionReadTracker } from '../../../../src/core/tools/sessionReadTracker';
import type { AgentTool, ToolContext, ToolResult, WebDigester } from '../../../../src/core/tools/types';

/** A fresh temporary folder (real path, so results compare equal to what tools print). */
export async function tempDir(prefix = 'agentgate-tools-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await realpath(await mkdtemp(path.join(tmpdir(), prefix)));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export type TestContext = ToolContext & { reads: SessionReadTracker; controller: AbortController };

const unusedDigester: WebDigester = {
  digest: () => Promise.reject(new Error('digest was not expected in this test')),
};

export function makeContext(cwd: string, overrides: Partial<Omit<ToolContext, 'reads'>> = {}): TestContext {
  const controller = new AbortController();
  return {
    cwd,
    workspaceFolders: [cwd],
    signal: controller.signal,
    fs: new NodeFileSystem(),
    processes: new NodeProcessRunner({ killGraceMs: 300 }),
    reads: new SessionReadTracker(),
    web: unusedDigester,
    fetchText: () => Promise.reject(new Error('fetchText was not expected in this test')),
    ...overrides,
    controller,
  };
}

/** Calls a tool with input as the model would send it (unvalidated). */
export function call(tool: AgentTool, input: unknown, ctx: ToolContext): Promise<ToolResult> {
  return tool.run(input as never, ctx);
}

/** Whether a process exists and is not a zombie (an exited child nobody has reaped yet). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Polls until `condition` holds; fails after `limitMs` (a bound, not a timing expectation). */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Creates files below `root`, each one second newer than the one before (in object order). */
export async function put(root: string, files: Record<string, string>, mtimeBase = Date.now() / 1000 - 1000): Promise<void> {
  let offset = 0;
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    const time = mtimeBase + offset++;
    await utimes(file, time, time);
  }
}
