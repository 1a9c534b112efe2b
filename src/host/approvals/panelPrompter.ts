/**
 * Asks the person, in the panel, about what the engine could not decide alone. The loop waits
 * on `ask` until the person answers or the turn is stopped. File changes go to the edit review
 * (native diff editor); everything else becomes an inline prompt. Never imports vscode.
 */
import type { ApprovalPrompter, ApprovalReply, ApprovalRequest } from '../../core/agent/types';
import type { ApprovalReplyMessage, PermissionOutcome, PermissionPrompt } from '../../protocol/messages';
import type { PanelChannel } from '../panelChannel';
import type { PendingCount } from './pendingCount';
import { promptFor, SCOPE_FILES } from './promptView';

/** Rejects `ask` when the turn is stopped while the person is being asked. */
export class ApprovalCancelledError extends Error {
  override name = 'ApprovalCancelledError';
}

export interface PrompterDeps {
  panel: PanelChannel;
  pending: PendingCount;
  /** The turn the loop is running (prompts are shown inside it). */
  currentTurn(): string;
  /** Reviews file changes in the diff editor. */
  reviewEdits(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalReply>;
  /** Checks a rule the person typed; returns a message when it is not valid. */
  validateRule(rule: string): string | undefined;
  /** Tells the tool card the person is being asked, and later what they answered. */
  onAsked(turnId: string, request: ApprovalRequest): void;
  onAnswered(request: ApprovalRequest, reply: ApprovalReply): void;
  /** Shown when a prompt arrives while the view is hidden. */
  notifyHidden(title: string, subject: string): void;
}

interface Pending {
  prompt: PermissionPrompt;
  resolve(reply: ApprovalReply): void;
  request?: ApprovalRequest;
}

let counter = 0;

export class PanelPrompter implements ApprovalPrompter {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly deps: PrompterDeps) {}

  async ask(request: ApprovalRequest, signal: AbortSignal): Promise<ApprovalReply> {
    const turnId = this.deps.currentTurn();
    this.deps.onAsked(turnId, request);
    if (request.changes && request.changes.length > 0) {
      const reply = await this.deps.reviewEdits(request, signal);
      this.deps.onAnswered(request, reply);
      return reply;
    }
    return this.show(turnId, promptFor(request), signal, request);
  }

  /** Asks whether to proceed with a plan the agent proposed (Plan mode). */
  askPlan(turnId: string, plan: string, signal: AbortSignal): Promise<ApprovalReply> {
    const prompt: PermissionPrompt = {
      kind: 'plan',
      tool: 'Plan',
      title: 'Proceed with this plan?',
      subject: plan,
      description: null,
      reason: 'Plan mode changes nothing until you approve the plan.',
      subcommands: [],
      suggestions: [],
      scopeFiles: { ...SCOPE_FILES },
      plan,
    };
    return this.show(turnId, prompt, signal);
  }

  private show(turnId: string, prompt: PermissionPrompt, signal: AbortSignal, request?: ApprovalRequest): Promise<ApprovalReply> {
    const requestId = `permission-${++counter}`;
    return new Promise<ApprovalReply>((resolve, reject) => {
      if (signal.aborted) {
        reject(new ApprovalCancelledError('The turn was stopped before the person answered.'));
        return;
      }
      const onAbort = () => {
        if (!this.pending.delete(requestId)) return;
        this.countChanged();
        this.deps.panel.post({ type: 'permission/resolved', requestId, outcome: 'cancelled', summary: 'Not answered: the turn was stopped.' });
        reject(new ApprovalCancelledError('The turn was stopped before the person answered.'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.pending.set(requestId, {
        prompt,
        ...(request === undefined ? {} : { request }),
        resolve: (reply) => {
          signal.removeEventListener('abort', onAbort);
          resolve(reply);
        },
      });
      this.deps.panel.post({ type: 'permission/request', requestId, turnId, prompt });
      this.countChanged();
      if (!this.deps.panel.visible) this.deps.notifyHidden(prompt.title, prompt.kind === 'plan' ? '' : prompt.subject);
    });
  }

  /** The person's answer from the panel. Unknown or already answered prompts are ignored. */
  async reply(requestId: string, reply: ApprovalReplyMessage): Promise<void> {
    const entry = this.pending.get(requestId);
    if (!entry) return;
    if (reply.kind === 'allowAlways') {
      const problem = this.deps.validateRule(reply.rule);
      if (problem !== undefined) {
        this.deps.panel.post({ type: 'permission/error', requestId, error: problem });
        return;
      }
    }
    this.pending.delete(requestId);
    this.countChanged();
    const answer: ApprovalReply =
      reply.kind === 'deny' ? (reply.feedback ? { kind: 'deny', feedback: reply.feedback } : { kind: 'deny' }) : reply;
    if (entry.request) this.deps.onAnswered(entry.request, answer);
    this.deps.panel.post({ type: 'permission/resolved', requestId, outcome: answer.kind satisfies PermissionOutcome, summary: summarize(entry.prompt, answer) });
    entry.resolve(answer);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  private countChanged(): void {
    this.deps.pending.set('prompts', this.pending.size);
  }
}

export function summarize(prompt: PermissionPrompt, reply: ApprovalReply): string {
  if (prompt.kind === 'plan') {
    if (reply.kind === 'deny') return reply.feedback ? `Kept planning, with your feedback: “${reply.feedback}”` : 'Kept planning.';
    return 'Plan approved.';
  }
  switch (reply.kind) {
    case 'allowOnce':
      return 'Allowed once:';
    case 'allowAlways':
      return `Allowed, and saved the rule ${reply.rule} to ${SCOPE_FILES[reply.scope]}:`;
    case 'deny':
      return reply.feedback ? `Denied, with your feedback “${reply.feedback}”:` : 'Denied:';
  }
}
