/**
 * The integration tests' console output as it reaches the runner through the smoke-test driver's
 * `codeAutomationLog`, mixed with the workbench's own log (connection, gallery lookups…). The
 * tests' entry prints START_MARKER before mocha starts; the runner shows what follows it and
 * keeps what came before for a failure report. Every line also goes to a log file.
 */
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';

export const START_MARKER = '[agentgate] integration tests start';

/**
 * The workbench's own messages that still arrive while the tests run: errors with a stack in the
 * web client's bundle (test code runs in the extension host, never there) and policy chatter.
 * They go to the log file only.
 */
const WORKBENCH_NOISE = /\/static\/out\/vs\/.*workbench\.js:|^\[AccountPolicyGate\]/;

export class IntegrationOutput {
  private running = false;
  private readonly before: string[] = [];
  private markStarted: () => void = () => undefined;
  /** Resolves when the tests' entry has printed START_MARKER. */
  readonly started = new Promise<void>((resolve) => {
    this.markStarted = resolve;
  });

  constructor(private readonly logFile: string) {}

  /** Receives one `codeAutomationLog(level, args)` call. */
  log(level: string, args: unknown): void {
    const text = format(...(Array.isArray(args) ? args : [args]));
    appendFileSync(this.logFile, `[${level}] ${text}\n`);
    if (this.running) {
      if (!WORKBENCH_NOISE.test(text)) console.log(text);
    }
    else if (text === START_MARKER) {
      this.running = true;
      this.markStarted();
    } else this.before.push(`[${level}] ${text}`);
  }

  /** The workbench's log before the tests started (for a run that never got that far). */
  preamble(): string {
    return this.before.join('\n');
  }

  get testsStarted(): boolean {
    return this.running;
  }
}
