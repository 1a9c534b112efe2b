/**
 * Runs the conversation for the panel: one turn at a time, Stop cancels it (the loop's signal
 * also stops running commands), New session and resume swap the agent session. Every event of
 * the loop reaches the panel through the EventMapper. It holds no agent logic itself.
 */
import { readFile } from 'node:fs/promises';
import { findTranscript, parseTranscript } from '../../core/agent/transcriptReader';
import type { AgentEvent, ApprovalReply } from '../../core/agent/types';
import type { PermissionMode } from '../../core/settings/types';
import type { HostToWebview } from '../../protocol/messages';
import type { PanelChannel } from '../panelChannel';
import { EventMapper } from './eventMapper';
import { attachmentLabel, buildPrompt, personText, type Attachment } from './promptContext';
import { listSessions } from './sessionIndex';
import type { AgentRunner, SessionFactory } from './sessionFactory';
import { replayTranscript } from './transcriptReplay';

export interface ChatDeps {
  panel: PanelChannel;
  sessions: SessionFactory;
  home: string;
  cwd(): string;
  mode(): PermissionMode;
  /** Reads the attached files and selection (workspace paths only). */
  attachments(files: readonly string[], selection: boolean): Promise<Attachment[]>;
  /** Plan mode: asks whether to proceed with the plan the agent wrote. */
  askPlan(turnId: string, plan: string, signal: AbortSignal): Promise<ApprovalReply>;
  /** A new session starts: forget the old one's edits. */
  onNewSession(): void;
  /** Before each turn (settings are read again, so edited files outside the workspace count). */
  beforeTurn(): Promise<unknown>;
  log: { info(message: string): void; error(message: string): void };
}

const PLAN_NOTE =
  'Plan mode is on: investigate with read-only tools, then answer with a short step-by-step plan. Do not change files or run commands that change anything; the person is asked to approve the plan before anything changes.';
export const PLAN_APPROVED_PROMPT = 'The plan is approved. Carry it out now.';

export class ChatController {
  private session: AgentRunner | undefined;
  private mapper: EventMapper;
  private turn: { turnId: string; abort: AbortController } | undefined;
  /** Settles when the running turn has finished (after Stop, the loop still winds down). */
  private running: Promise<void> = Promise.resolve();
  private planAbort: AbortController | undefined;
  private readonly notes: string[] = [];
  private turnCounter = 0;

  constructor(private readonly deps: ChatDeps) {
    this.mapper = new EventMapper(deps.cwd());
  }

  get busy(): boolean {
    return this.turn !== undefined;
  }

  /** The running turn's id (approval prompts appear inside it). */
  get currentTurn(): string {
    return this.turn?.turnId ?? 'no-turn';
  }

  get events(): EventMapper {
    return this.mapper;
  }

  /** Something the model should hear before the next prompt. */
  tellModel(note: string): void {
    this.notes.push(note);
  }

  async send(turnId: string, text: string, context: { files: string[]; selection: boolean }): Promise<void> {
    if (this.turn) {
      this.post({ type: 'chat/notice', requestId: this.turn.turnId, level: 'warning', text: 'The agent is still working on the last message. Wait for it, or press Stop.' });
      return;
    }
    this.planAbort?.abort();
    let attachments: Attachment[];
    try {
      attachments = await this.deps.attachments(context.files, context.selection);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.deps.log.error(`Could not attach context: ${message}`);
      this.post({ type: 'chat/notice', requestId: turnId, level: 'error', text: `Not sent: ${message}` });
      return;
    }
    const abort = new AbortController();
    this.turn = { turnId, abort };
    let finished = () => undefined as void;
    this.running = new Promise<void>((resolve) => {
      finished = resolve;
    });
    this.post({ type: 'chat/user', requestId: turnId, text, context: attachments.map(attachmentLabel) });
    this.post({ type: 'chat/busy', turnId });
    const mode = this.deps.mode();
    let planText: string | undefined;
    try {
      await this.deps.beforeTurn();
      const session = await this.ensureSession();
      const notes = this.notes.splice(0);
      if (mode === 'plan') notes.push(PLAN_NOTE);
      const result = await session.run(buildPrompt(text, attachments, notes), abort.signal);
      if (result.reason === 'error' && result.error) this.deps.log.error(`Turn ${turnId} failed: ${result.error.message}`);
      if (mode === 'plan' && this.deps.mode() === 'plan' && result.reason === 'done' && result.finalText.trim() !== '') planText = result.finalText;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.deps.log.error(`Turn ${turnId} could not run: ${message}`);
      this.post({ type: 'chat/done', requestId: turnId, reason: 'error', error: message });
    } finally {
      this.turn = undefined;
      finished();
      this.post({ type: 'chat/busy', turnId: null });
    }
    if (planText !== undefined) void this.offerPlan(turnId, planText);
  }

  stop(turnId?: string): void {
    if (!this.turn || (turnId !== undefined && turnId !== this.turn.turnId)) return;
    this.deps.log.info(`Stopping turn ${this.turn.turnId}`);
    this.turn.abort.abort();
  }

  async newSession(): Promise<void> {
    this.turn?.abort.abort();
    this.planAbort?.abort();
    await this.running;
    await this.closeSession();
    this.mapper = new EventMapper(this.deps.cwd());
    this.notes.length = 0;
    this.deps.onNewSession();
    this.post({ type: 'transcript/reset' });
    this.post({ type: 'session/started', sessionId: null, title: null, resumed: false });
    this.post({ type: 'chat/usage', requestId: 'session', session: this.mapper.totals, sessionCostUsd: 0 });
  }

  async listSessions(requestId: string): Promise<void> {
    try {
      this.post({ type: 'session/list', requestId, sessions: await listSessions(this.deps.home, this.deps.cwd()) });
    } catch (error) {
      this.post({ type: 'session/list', requestId, sessions: [], error: `Could not list earlier sessions: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  async resume(sessionId: string): Promise<void> {
    await this.newSession();
    const file = await findTranscript(this.deps.home, this.deps.cwd(), sessionId);
    const { records } = parseTranscript(await readFile(file, 'utf8'), file);
    for (const message of replayTranscript(records, this.mapper)) this.post(message);
    this.session = await this.deps.sessions.create(this.sink(), { sessionId });
    const first = records.find((record) => record.type === 'prompt');
    const title = first?.type === 'prompt' ? (personText(first.text).split('\n')[0] ?? '').slice(0, 80) : null;
    this.post({ type: 'session/started', sessionId, title, resumed: true });
  }

  /** Closes the session's transcript (new session, resume, deactivation). */
  async closeSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (session) await session.close();
  }

  private async offerPlan(turnId: string, plan: string): Promise<void> {
    const abort = new AbortController();
    this.planAbort = abort;
    let reply: ApprovalReply;
    try {
      reply = await this.deps.askPlan(turnId, plan, abort.signal);
    } catch (error) {
      if (abort.signal.aborted) return;
      throw error;
    }
    if (reply.kind === 'deny') {
      if (reply.feedback) await this.send(`plan-${++this.turnCounter}`, reply.feedback, { files: [], selection: false });
      return;
    }
    await this.send(`plan-${++this.turnCounter}`, PLAN_APPROVED_PROMPT, { files: [], selection: false });
  }

  private async ensureSession(): Promise<AgentRunner> {
    if (this.session) return this.session;
    this.session = await this.deps.sessions.create(this.sink());
    this.post({ type: 'session/started', sessionId: this.session.sessionId, title: null, resumed: false });
    return this.session;
  }

  private sink(): { emit(event: AgentEvent): void } {
    const mapper = this.mapper;
    return {
      emit: (event) => {
        if (mapper !== this.mapper) return;
        for (const message of mapper.map(this.currentTurn, event)) this.post(message);
      },
    };
  }

  private post(message: HostToWebview): void {
    this.deps.panel.post(message);
  }
}
