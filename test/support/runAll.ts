/**
 * `npm test`: every tier in order (build, lint, typecheck, unit, artifact, integration, e2e), each one's
 * output streamed; stops at the first failing tier, then prints `tests: N passed, N failed`
 * summed over the tiers that ran tests, and exits non-zero on any failure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { REPO_ROOT } from './harness/config';
import { say, seconds } from './harness/progress';
import { type TestCounts, parseTestCounts } from './harness/testCounts';

interface Tier {
  readonly name: string;
  /** Commands run in order; the tier fails at the first that fails. */
  readonly commands: readonly (readonly string[])[];
  /** Whether its output carries test counts. */
  readonly counts?: boolean;
}

const tsx = (file: string, ...args: string[]) => [process.execPath, '--import', 'tsx', file, ...args];

const TIERS: readonly Tier[] = [
  { name: 'build', commands: [['npm', 'run', 'build']] },
  { name: 'lint', commands: [['npx', 'eslint', '--max-warnings', '0', '.']] },
  { name: 'typecheck', commands: [['npm', 'run', 'typecheck']] },
  { name: 'unit', commands: [tsx('test/support/runUnit.ts')], counts: true },
  { name: 'artifact', commands: [tsx('test/support/runUnit.ts', 'test/artifact')], counts: true },
  { name: 'integration', commands: [tsx('test/support/runIntegration.ts')], counts: true },
  { name: 'e2e', commands: [['npm', 'run', 'package'], tsx('test/support/runE2e.ts')], counts: true },
];

let interrupted = false;
let current: ChildProcess | undefined;

/** Runs one command with its output shown as it comes and kept for counting. */
function runStreaming(command: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const [file, ...args] = command as [string, ...string[]];
    const env = process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;
    const child = spawn(file, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    current = child;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', (error) => {
      output += String(error);
      console.error(`could not run ${command.join(' ')}: ${error.message}`);
    });
    child.on('close', (code) => {
      current = undefined;
      resolve({ code: code ?? 1, output });
    });
  });
}

async function runTier(tier: Tier, total: TestCounts): Promise<boolean> {
  const started = performance.now();
  console.log(`\n══ ${tier.name} ══`);
  let output = '';
  let ok = true;
  for (const command of tier.commands) {
    const result = await runStreaming(command);
    output += result.output;
    if (result.code !== 0 || interrupted) {
      ok = false;
      break;
    }
  }
  if (tier.counts) {
    const counts = parseTestCounts(output);
    if (counts) {
      total.passed += counts.passed;
      total.failed += counts.failed;
    } else if (ok) {
      say(`warning: found no test counts in the ${tier.name} tier's output`);
    }
  }
  console.log(`${ok ? '✔' : '✖'} ${tier.name} ${ok ? 'passed' : 'FAILED'} (${seconds(started)})`);
  return ok;
}

async function main(): Promise<number> {
  const started = performance.now();
  const total: TestCounts = { passed: 0, failed: 0 };
  let failedTier: string | undefined;
  for (const tier of TIERS) {
    if (!(await runTier(tier, total))) {
      failedTier = tier.name;
      break;
    }
  }
  console.log('');
  if (failedTier) console.log(`✖ npm test stopped: the ${failedTier} tier failed${interrupted ? ' (interrupted)' : ''}.`);
  else console.log(`✔ all tiers passed in ${seconds(started)}`);
  console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
  return failedTier || total.failed > 0 ? 1 : 0;
}

// Pass a stop on to the running tier (its harness stops code-server and the browser), wait for
// it, then report as usual.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
    current?.kill(signal);
  });
}

void main().then((code) => {
  process.exitCode = code;
});
