import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const cliPath = path.resolve(__dirname, '../../../dist/cli.js');

/** A throwaway home and workspace for running the built CLI against real files. */
export class CliSandbox {
  private constructor(
    readonly home: string,
    readonly workspace: string,
  ) {}

  static async create(): Promise<CliSandbox> {
    const home = await realpath(await mkdtemp(path.join(tmpdir(), 'agentgate-cli-home-')));
    const workspace = await realpath(await mkdtemp(path.join(tmpdir(), 'agentgate-cli-ws-')));
    return new CliSandbox(home, workspace);
  }

  async write(relative: string, content: string | object): Promise<string> {
    const file = path.isAbsolute(relative) ? relative : path.join(this.workspace, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  }

  run(args: string[], input?: string) {
    return spawnSync(cliPath, args, { encoding: 'utf8', input, env: { ...process.env, HOME: this.home } });
  }

  /** `check` with --cwd set to the workspace and --json, parsed. */
  checkJson(...args: string[]) {
    const result = this.run(['check', '--cwd', this.workspace, '--json', ...args]);
    return { status: result.status, stderr: result.stderr, json: result.stdout ? (JSON.parse(result.stdout) as Record<string, unknown>) : undefined };
  }

  async dispose(): Promise<void> {
    await rm(this.home, { recursive: true, force: true });
    await rm(this.workspace, { recursive: true, force: true });
  }
}
