import type { Usage } from '../providers/types';
import type { TurnCost } from './types';
import { requestCostUsd } from './pricing';
import { addUsage, billedTokens, emptyUsage } from './usage';

/**
 * Usage and cost per turn and per session. A turn may hold several requests (a stream that
 * broke and was restarted is billed too); each is priced on its own, since long-prompt rates
 * apply per request. An unknown model's cost stays null for the whole session.
 */
export class CostTracker {
  private sessionUsage: Usage = emptyUsage();
  private sessionCost: number | null = 0;

  constructor(private readonly model: string) {}

  /** Accounts one turn's requests and returns the turn's cost. */
  addTurn(requests: readonly Usage[]): TurnCost {
    let usage = emptyUsage();
    let costUsd: number | null = 0;
    for (const request of requests) {
      usage = addUsage(usage, request);
      const cost = requestCostUsd(this.model, billedTokens(request));
      costUsd = cost === null || costUsd === null ? null : costUsd + cost;
    }
    this.sessionUsage = addUsage(this.sessionUsage, usage);
    this.sessionCost = costUsd === null || this.sessionCost === null ? null : this.sessionCost + costUsd;
    return { usage, costUsd };
  }

  get usage(): Usage {
    return this.sessionUsage;
  }

  /** Null when the model's price is unknown. */
  get costUsd(): number | null {
    return this.sessionCost;
  }
}
