/** Reads how many tests passed and failed from a tier's output (node:test's spec summary or mocha's). */
import { stripAnsi } from './progress';

export interface TestCounts {
  passed: number;
  failed: number;
}

function last(text: string, pattern: RegExp): number | undefined {
  const matches = [...text.matchAll(pattern)];
  const value = matches.at(-1)?.[1];
  return value === undefined ? undefined : Number(value);
}

/**
 * The counts of the tier's final summary: node:test prints `ℹ pass N`, `ℹ fail N` and
 * `ℹ cancelled N` (tests that never finished count as failed); mocha prints `N passing` and
 * `N failing`. Undefined when the output has neither.
 */
export function parseTestCounts(output: string): TestCounts | undefined {
  const text = stripAnsi(output);
  const nodePass = last(text, /^\s*ℹ pass (\d+)\s*$/gm);
  const mochaPass = last(text, /^\s*(\d+) passing\b/gm);
  if (nodePass === undefined && mochaPass === undefined) return undefined;
  return {
    passed: (nodePass ?? 0) + (mochaPass ?? 0),
    failed:
      (last(text, /^\s*ℹ fail (\d+)\s*$/gm) ?? 0) +
      (last(text, /^\s*ℹ cancelled (\d+)\s*$/gm) ?? 0) +
      (last(text, /^\s*(\d+) failing\b/gm) ?? 0),
  };
}
