import type { PanelChannel } from '../panelChannel';

/** Adds up what waits for the person (prompts and edits) and tells the panel (badge and view). */
export class PendingCount {
  private readonly counts = new Map<string, number>();

  constructor(private readonly panel: PanelChannel) {}

  set(source: string, count: number): void {
    const before = this.total;
    this.counts.set(source, count);
    if (this.total !== before) this.panel.post({ type: 'pending/count', count: this.total });
  }

  get total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }
}
