/**
 * Benchmarks of the agent loop, against budgets. Not part of the test suite.
 *
 *   npx tsx bench/agent/run.ts                        (add --expose-gc for exact heap numbers:
 *   node --expose-gc --import tsx bench/agent/run.ts)
 *
 * Prints a table and writes bench/agent/results.json. Exit code 1 when a budget is missed.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { firstTokenLatency, memoryAfterSession, overheadPerTurn, resumeTime } from './measures';

/** Budgets: the loop's own time per turn and resume time are the product's; the rest keep regressions visible. */
const BUDGETS = {
  overheadMsPerTurn: 5,
  firstTokenMs: 5,
  heapGrowthMbAfter1000Turns: 200,
  resumeMs10kEvents: 300,
};

interface Row {
  measure: string;
  value: number;
  unit: string;
  budget: number;
  pass: boolean;
  detail: string;
}

async function main(): Promise<number> {
  const overhead = await overheadPerTurn({ transcript: true });
  const bare = await overheadPerTurn({ transcript: false });
  const firstToken = await firstTokenLatency();
  const memory = await memoryAfterSession();
  const resume = await resumeTime();

  const round = (value: number) => Math.round(value * 1000) / 1000;
  const rows: Row[] = [
    {
      measure: 'own overhead per turn (50 turns: Read x2 parallel, Edit, Bash; with transcript)',
      value: round(overhead.msPerTurn),
      unit: 'ms',
      budget: BUDGETS.overheadMsPerTurn,
      pass: overhead.msPerTurn < BUDGETS.overheadMsPerTurn,
      detail: `median of ${overhead.samples.length - 1} sessions after a warm-up`,
    },
    {
      measure: 'own overhead per turn, same session without the transcript',
      value: round(bare.msPerTurn),
      unit: 'ms',
      budget: BUDGETS.overheadMsPerTurn,
      pass: bare.msPerTurn < BUDGETS.overheadMsPerTurn,
      detail: 'the difference is the transcript appends (its fsync runs in the background)',
    },
    {
      measure: 'first byte of the response to the first token event (local SSE, real provider)',
      value: round(firstToken.medianMs),
      unit: 'ms',
      budget: BUDGETS.firstTokenMs,
      pass: firstToken.medianMs < BUDGETS.firstTokenMs,
      detail: `median; p95 ${round(firstToken.p95Ms)} ms`,
    },
    {
      measure: 'heap growth after a 1,000-turn session',
      value: memory.heapGrowthMb,
      unit: 'MB',
      budget: BUDGETS.heapGrowthMbAfter1000Turns,
      pass: memory.heapGrowthMb < BUDGETS.heapGrowthMbAfter1000Turns,
      detail: `heap used ${memory.heapUsedMb} MB, RSS ${memory.rssMb} MB${memory.gcAvailable ? '' : ' (no --expose-gc: includes garbage)'}`,
    },
    {
      measure: 'resume a 10,000-event transcript (read, parse, rebuild)',
      value: round(resume.medianMs),
      unit: 'ms',
      budget: BUDGETS.resumeMs10kEvents,
      pass: resume.medianMs < BUDGETS.resumeMs10kEvents,
      detail: `${resume.fileMb} MB file, ${resume.messages} messages rebuilt`,
    },
  ];

  const width = Math.max(...rows.map((row) => row.measure.length));
  console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(10)}  ${'budget'.padStart(10)}  result`);
  for (const row of rows) {
    console.log(`${row.measure.padEnd(width)}  ${`${row.value} ${row.unit}`.padStart(10)}  ${`< ${row.budget} ${row.unit}`.padStart(10)}  ${row.pass ? 'pass' : 'FAIL'}  ${row.detail}`);
  }
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${os.arch()}, ${os.cpus().length} cores`,
    budgets: BUDGETS,
    rows,
  };
  writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  return rows.every((row) => row.pass) ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
