import { abortError } from './processGroup';
import type { ToolContext } from './types';

/** Checks between which a long run of permission checks looks at the signal. */
const SIGNAL_EVERY = 256;

/**
 * One search call's view of `ToolContext.mayRead`: each path is asked about at most once, a
 * failing check counts as a refusal, and the files left out are counted for the one-line note.
 * Without `mayRead` every file is allowed and nothing is counted.
 */
export class ReadFilter {
  private readonly answers = new Map<string, Promise<boolean>>();
  private readonly rejected = new Set<string>();
  private checks = 0;

  constructor(
    private readonly mayRead: ToolContext['mayRead'],
    private readonly signal: AbortSignal,
  ) {}

  static of(ctx: ToolContext): ReadFilter {
    return new ReadFilter(ctx.mayRead?.bind(ctx), ctx.signal);
  }

  /** False when there is no `mayRead`: every file is allowed without asking. */
  get active(): boolean {
    return this.mayRead !== undefined;
  }

  /** How many different files were left out so far. */
  get leftOut(): number {
    return this.rejected.size;
  }

  async allows(file: string): Promise<boolean> {
    const mayRead = this.mayRead;
    if (mayRead === undefined) return true;
    let answer = this.answers.get(file);
    if (answer === undefined) {
      if (++this.checks % SIGNAL_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.signal.aborted) throw abortError();
      answer = mayRead(file).then(
        (allowed) => allowed === true,
        () => false,
      );
      this.answers.set(file, answer);
    }
    const allowed = await answer;
    if (!allowed) this.rejected.add(file);
    return allowed;
  }

  /** The files it allows, in their order. */
  async keep(files: readonly string[]): Promise<string[]> {
    if (!this.active) return [...files];
    const kept: string[] = [];
    for (const file of files) if (await this.allows(file)) kept.push(file);
    return kept;
  }

  /** The note for the model, when files were left out. */
  notes(): string[] {
    const count = this.leftOut;
    if (count === 0) return [];
    return count === 1
      ? ['(1 file was left out because permission rules do not allow reading it.)']
      : [`(${count} files were left out because permission rules do not allow reading them.)`];
  }
}
