/**
 * Stops what the harness started, whatever way the run ends: normally (the runner awaits
 * `cleanUp()`), on SIGINT/SIGTERM (cleanup, then exit 130/143), or on a sudden exit (the
 * synchronous last resort kills the remaining process groups).
 */
import { say } from './progress';

type Cleanup = () => Promise<void>;

const cleanups: Cleanup[] = [];
const liveGroups = new Set<number>();
let installed = false;
let cleaning: Promise<void> | undefined;

/** Registers `work` to run at cleanup (last registered, first run); returns its removal. */
export function onCleanup(work: Cleanup): () => void {
  installHandlers();
  cleanups.push(work);
  return () => {
    const index = cleanups.indexOf(work);
    if (index >= 0) cleanups.splice(index, 1);
  };
}

/** Tracks a process group so a sudden exit still kills it. */
export function trackGroup(pid: number): () => void {
  installHandlers();
  liveGroups.add(pid);
  return () => liveGroups.delete(pid);
}

/** Whether cleanup has begun (a signal arrived or the run is ending). */
export function isCleaningUp(): boolean {
  return cleaning !== undefined;
}

/** Runs every registered cleanup once, newest first; safe to call more than once. */
export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const work of cleanups.splice(0).reverse()) {
      try {
        await work();
      } catch (error) {
        say(`cleanup failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    // `on`, not `once`: a second signal while cleaning up must not kill us half-way.
    process.on(signal, () => {
      if (cleaning) return;
      say(`${signal}: stopping code-server and the browser…`);
      void cleanUp().finally(() => process.exit(code));
    });
  }
  process.once('exit', () => {
    for (const pid of liveGroups) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
}
