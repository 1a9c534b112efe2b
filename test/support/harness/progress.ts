/** Progress lines for the slow steps (the cold install takes minutes): what, and how long. */

export function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

export function say(line: string): void {
  console.log(`[agentgate-test] ${line}`);
}

/** Runs `work`, printing a start line and a line with its duration (or its failure). */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  say(`${label}…`);
  try {
    const result = await work();
    say(`${label}: done in ${seconds(started)}`);
    return result;
  } catch (error) {
    say(`${label}: FAILED after ${seconds(started)}`);
    throw error;
  }
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Text without terminal colour codes (Playwright's call logs, forced-colour test output). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
