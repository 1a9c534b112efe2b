/**
 * `npm start`: AgentGate in an editor for trying it by hand.
 * - With VS Code desktop (`code` on PATH): opens the sample workspace with this clone loaded as a
 *   development extension.
 * - Otherwise: packages the extension, installs it into the cached code-server (user data kept
 *   across starts in <cache>/launch) and serves the workbench on 127.0.0.1 until Ctrl-C.
 *   Env: PORT (default: the first free port from 8080).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { cleanUp, isCleaningUp } from './harness/cleanup';
import { installExtension, startCodeServer } from './harness/codeServer';
import { REPO_ROOT, SAMPLE_WORKSPACE, vsixPath } from './harness/config';
import { run } from './harness/exec';
import { freePort } from './harness/freePort';
import { ensureTools } from './harness/install';
import { say, step } from './harness/progress';
import { createSandbox } from './harness/sandbox';

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function launchDesktop(): Promise<number> {
  say(`starting VS Code with ${REPO_ROOT} as a development extension on ${SAMPLE_WORKSPACE}`);
  return new Promise((resolve) => {
    const child = spawn('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, SAMPLE_WORKSPACE], { stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`could not start code: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function launchWeb(): Promise<number> {
  const tools = await ensureTools();
  await step('packaging the extension', () => run('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT }));
  const sandbox = await createSandbox('launch', { persistent: true });
  await installExtension(tools, sandbox, await vsixPath());
  const port = process.env.PORT ? Number(process.env.PORT) : await freePort(8080);
  const server = await startCodeServer({ tools, sandbox, port });
  say('');
  say(`AgentGate is running in code-server. Open:\n\n    ${server.workbenchUrl(SAMPLE_WORKSPACE)}\n`);
  say(`user data: ${sandbox.root} · server log: ${server.logFile}`);
  say('Press Ctrl-C to stop.');
  const code = await server.exited;
  if (isCleaningUp()) return 130; // Ctrl-C: the cleanup stops everything and exits.
  say(`code-server exited on its own (${String(code)}); last lines of its log:\n${await server.logTail()}`);
  await server.stop();
  return 1;
}

(onPath('code') && process.env.AGENTGATE_START !== 'web' ? launchDesktop() : launchWeb()).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp();
    process.exitCode = 1;
  },
);
