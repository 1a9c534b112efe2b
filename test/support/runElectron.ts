/**
 * The integration suites in VS Code desktop (Electron) through @vscode/test-electron, for
 * developers whose machine can download VS Code (or has it: AGENTGATE_VSCODE_EXECUTABLE).
 * CI uses `npm run test:integration` (code-server) instead: it cannot reach Microsoft's servers.
 *
 * Usage: tsx test/support/runElectron.ts [--grep <pattern>]   (after `npm run build`)
 * Env:   AGENTGATE_VSCODE_VERSION (default stable), AGENTGATE_VSCODE_EXECUTABLE
 */
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { bundleIntegrationTests } from './harness/bundleIntegration';
import { CACHE_DIR, REPO_ROOT, SAMPLE_WORKSPACE } from './harness/config';
import { step } from './harness/progress';
import { createSandbox } from './harness/sandbox';

const version = process.env.AGENTGATE_VSCODE_VERSION ?? 'stable';

async function vscodeExecutable(): Promise<string> {
  const given = process.env.AGENTGATE_VSCODE_EXECUTABLE;
  if (given) return given;
  try {
    return await step(`downloading VS Code ${version} (desktop)`, () =>
      downloadAndUnzipVSCode({ version, cachePath: path.join(CACHE_DIR, 'vscode-desktop'), timeout: 20_000 }),
    );
  } catch (error) {
    throw new Error(
      `Could not download VS Code ${version} from Microsoft's update service (update.code.visualstudio.com): ` +
        `${error instanceof Error ? error.message : String(error)}\n` +
        '  This machine cannot run the Electron tier. Run the same suites in code-server with `npm run test:integration`,\n' +
        '  or point AGENTGATE_VSCODE_EXECUTABLE at an installed VS Code executable.',
      { cause: error },
    );
  }
}

async function main(): Promise<number> {
  const testsDir = await step('bundling test/integration', bundleIntegrationTests);
  const executable = await vscodeExecutable();
  const sandbox = await createSandbox('electron');
  const grepIndex = process.argv.indexOf('--grep');
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: testsDir,
      extensionTestsEnv: grepIndex >= 0 ? { AGENTGATE_MOCHA_GREP: process.argv[grepIndex + 1] } : {},
      launchArgs: [
        SAMPLE_WORKSPACE,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${sandbox.userDataDir}`,
        `--extensions-dir=${sandbox.extensionsDir}`,
      ],
    });
  } catch (error) {
    if (!process.env.DISPLAY && process.platform === 'linux') {
      console.error('No DISPLAY: on a headless Linux machine run this under a virtual display (xvfb-run -a npm run test:electron).');
    }
    throw error;
  } finally {
    await sandbox.remove();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
