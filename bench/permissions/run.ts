/**
 * Benchmark of the permission engine, against budgets. Not part of the test suite.
 *
 *   npx tsx bench/permissions/run.ts
 *
 * Measures, on 1,000 shell commands against 500 rules over the five settings levels:
 * decisions per second and p50/p99 latency after warm-up, and the cold first shell decision in
 * a fresh process (including loading the tree-sitter wasm). Prints a table, writes
 * bench/permissions/results.json, exits 1 when a budget is missed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { decideBash } from '../../src/core/permissions/bash/decide';
import { PermissionEngine } from '../../src/core/permissions/engine';
import type { PermissionContext } from '../../src/core/permissions/types';
import { loadSettings } from '../../src/core/settings';
import { commands, writeSettings } from './workload';

const BUDGETS = { p99Ms: 1, coldFirstDecisionMs: 150 };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function warm(root: string) {
  const { workspace, home, managed, ruleCount } = await writeSettings(root);
  const settings = await loadSettings({ cwd: workspace, home, managedPath: managed, cliSettingsFiles: [path.join(root, 'cli.json')], trusted: true });
  const loaded = settings.permissions.allow.length + settings.permissions.ask.length + settings.permissions.deny.length;
  if (loaded !== ruleCount) throw new Error(`expected ${ruleCount} rules to load, got ${loaded}: ${JSON.stringify(settings.diagnostics.slice(0, 3))}`);
  const ctx: PermissionContext = { cwd: workspace, workspaceFolders: [workspace], home, settings, mode: 'default' };
  const engine = new PermissionEngine(decideBash);
  const list = commands();
  const counts = { allow: 0, ask: 0, deny: 0 };
  for (const command of list) await engine.decide({ tool: 'Bash', input: { command } }, ctx); // warm-up
  const samples: number[] = [];
  const started = performance.now();
  for (let round = 0; round < 3; round++) {
    for (const command of list) {
      const t0 = performance.now();
      const decision = await engine.decide({ tool: 'Bash', input: { command } }, ctx);
      samples.push(performance.now() - t0);
      if (round === 0) counts[decision.decision]++;
    }
  }
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  return { rules: loaded, commands: list.length, counts, perSecond: (samples.length / elapsed) * 1000, p50: percentile(samples, 50), p99: percentile(samples, 99), max: samples.at(-1) as number };
}

/** The first decision in a fresh process: module graph already loaded, wasm not yet. */
async function cold(root: string): Promise<number[]> {
  const script = path.join(root, 'cold.ts');
  await writeFile(
    script,
    `import { performance } from 'node:perf_hooks';
import { decideBash } from ${JSON.stringify(path.resolve(__dirname, '../../src/core/permissions/bash/decide'))};
const t0 = performance.now();
decideBash({ command: 'npm run build && git status | head', cwd: '/tmp', rules: { allow: [], ask: [], deny: [] }, allowReadOnly: true, checkWrite: () => ({ decision: 'allow', reason: '', rule: null, source: null }) })
  .then(() => console.log(performance.now() - t0));
`,
  );
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    runs.push(Number(child.stdout.trim()));
  }
  return runs.sort((a, b) => a - b);
}

async function main(): Promise<number> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'agentgate-bench-perm-'));
  try {
    const w = await warm(root);
    const coldRuns = await cold(root);
    const coldMedian = coldRuns[Math.floor(coldRuns.length / 2)] as number;
    const r = (n: number) => Math.round(n * 1000) / 1000;
    const rows = [
      { measure: 'decisions per second (warm)', value: Math.round(w.perSecond), unit: '/s', budget: null, pass: true },
      { measure: 'p50 latency per shell decision (warm)', value: r(w.p50), unit: 'ms', budget: null, pass: true },
      { measure: 'p99 latency per shell decision (warm)', value: r(w.p99), unit: 'ms', budget: BUDGETS.p99Ms, pass: w.p99 < BUDGETS.p99Ms },
      { measure: 'max latency (warm)', value: r(w.max), unit: 'ms', budget: null, pass: true },
      { measure: 'cold first shell decision incl. wasm load (median of 5 processes)', value: r(coldMedian), unit: 'ms', budget: BUDGETS.coldFirstDecisionMs, pass: coldMedian < BUDGETS.coldFirstDecisionMs },
    ];
    console.log(`${w.commands} commands x 3 rounds against ${w.rules} rules over 5 levels; outcomes ${JSON.stringify(w.counts)}`);
    for (const row of rows) {
      console.log(`${row.pass ? 'PASS' : 'FAIL'}  ${row.measure.padEnd(68)} ${String(row.value).padStart(9)} ${row.unit}${row.budget === null ? '' : `  (budget < ${row.budget} ${row.unit})`}`);
    }
    const results = { date: new Date().toISOString(), machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}`, workload: { commands: w.commands, rules: w.rules, outcomes: w.counts }, coldRunsMs: coldRuns.map(r), rows };
    await writeFile(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    return rows.every((row) => row.pass) ? 0 : 1;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
