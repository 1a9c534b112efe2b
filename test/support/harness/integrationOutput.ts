/**
 * The integration tests' console output as it reaches the runner through the smoke-test driver's
 * `codeAutomationLog`, mixed with the workbench's own log (connection, gallery lookups…). The
 * tests' entry prints START_MARKER before mocha starts; the runner shows what follows it and
 * keeps what came before for a failure report. Every line also goes to a log file.
 */
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';

export const START_MARKER = '[agentgate] integration tests start';

export class IntegrationOutput {
  private started = false;
  private readonly before: string[] = [];

  constructor(private readonly logFile: string) {}

  /** Receives one `codeAutomationLog(level, args)` call. */
  log(level: string, args: unknown): void {
    const text = format(...(Array.isArray(args) ? args : [args]));
    appendFileSync(this.logFile, `[${level}] ${text}\n`);
    if (this.started) console.log(text);
    else if (text === START_MARKER) this.started = true;
    else this.before.push(`[${level}] ${text}`);
  }

  /** The workbench's log before the tests started (for a run that never got that far). */
  preamble(): string {
    return this.before.join('\n');
  }

  get testsStarted(): boolean {
    return this.started;
  }
}
