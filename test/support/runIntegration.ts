/**
 * Integration tier: the mocha suites in test/integration run inside code-server's real extension
 * host, with AgentGate loaded from this clone as a development extension.
 *
 * Usage: tsx test/support/runIntegration.ts [--grep <pattern>]   (after `npm run build`)
 * Env:   AGENTGATE_INTEGRATION_TIMEOUT (seconds, default 600), AGENTGATE_KEEP_RUNS=1, AGENTGATE_HEADED=1
 */
import path from 'node:path';
import { bundleIntegrationTests } from './harness/bundleIntegration';
import { requireChromium } from './harness/browser';
import { cleanUp } from './harness/cleanup';
import { REPO_ROOT, SAMPLE_WORKSPACE } from './harness/config';
import { ensureTools } from './harness/install';
import { IntegrationOutput } from './harness/integrationOutput';
import { say, seconds, step } from './harness/progress';
import { type Workbench, startWorkbench } from './harness/session';
import { UI_BRIDGE_ENV, startUiBridge } from './harness/uiBridge';

const TIMEOUT_S = Number(process.env.AGENTGATE_INTEGRATION_TIMEOUT ?? 600);
/** From loading the page to mocha starting: a workbench that ignores the payload never starts. */
const START_TIMEOUT_S = 120;

function grepArgument(): string | undefined {
  const index = process.argv.indexOf('--grep');
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/**
 * Resolves with the tests' exit code; rejects when they do not start or finish in time, the page
 * crashes or code-server exits. Clears its timers either way.
 */
function waitForExit(workbench: Workbench, output: IntegrationOutput, exitCode: Promise<number>): Promise<number> {
  const timers: NodeJS.Timeout[] = [];
  const failAfter = (seconds: number, message: string) =>
    new Promise<never>((_, reject) => timers.push(setTimeout(() => reject(new Error(message)), seconds * 1000)));
  const notStarted = failAfter(START_TIMEOUT_S, `the tests did not start within ${START_TIMEOUT_S} s of loading the workbench`);
  void output.started.then(() => clearTimeout(timers[0]));
  const failures = [
    notStarted,
    failAfter(TIMEOUT_S, `the tests did not finish within ${TIMEOUT_S} s (AGENTGATE_INTEGRATION_TIMEOUT)`),
    new Promise<never>((_, reject) => workbench.page.once('crash', () => reject(new Error('the workbench page crashed')))),
    workbench.server.exited.then((code) => Promise.reject(new Error(`code-server exited (${String(code)}) during the tests`))),
  ];
  return Promise.race([exitCode, ...failures]).finally(() => timers.forEach(clearTimeout));
}

async function main(): Promise<number> {
  const started = performance.now();
  requireChromium();
  const testsDir = await step('bundling test/integration', bundleIntegrationTests);
  await ensureTools();
  const grep = grepArgument();
  const bridge = await startUiBridge();
  let exitCode = 1;
  try {
    const workbench = await startWorkbench({
      label: 'integration',
      smokeTestDriver: true,
      env: { [UI_BRIDGE_ENV]: bridge.url, ...(grep ? { AGENTGATE_MOCHA_GREP: grep } : {}) },
    });
    const { page, server } = workbench;
    bridge.attach(page);
    const output = new IntegrationOutput(path.join(workbench.sandbox.logsDir, 'workbench.log'));
    try {
      const exit = new Promise<number>((resolve) => {
        void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
      });
      await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => output.log(level, args));
      say('running the integration tests in the extension host…');
      await page.goto(
        server.workbenchUrl(SAMPLE_WORKSPACE, {
          extensionDevelopmentPath: server.remoteUri(REPO_ROOT),
          extensionTestsPath: server.remoteUri(testsDir),
        }),
      );
      exitCode = await waitForExit(workbench, output, exit);
    } catch (error) {
      if (!output.testsStarted) console.error(`--- workbench log ---\n${output.preamble()}`);
      console.error(`--- code-server log (last lines) ---\n${await server.logTail()}`);
      console.error(`\n✖ ${(error as Error).message}`);
    } finally {
      await workbench.close({ keepSandbox: exitCode !== 0 });
      if (exitCode !== 0) say(`kept the run's folder for inspection: ${workbench.sandbox.root}`);
    }
  } finally {
    await bridge.stop();
  }
  say(`integration tests exited with ${exitCode} after ${seconds(started)}`);
  return exitCode;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp();
    process.exitCode = 1;
  });
