/**
 * The conversation: one section per turn holding the prompt, the model's text blocks, tool cards,
 * approval prompts and notices, in the order they happened. Sticks to the bottom while the person
 * has not scrolled up.
 */
import type { ChatDone, ChatNotice, ChatText, ChatTool, ChatUser, PermissionRequest, PermissionResolved } from '../protocol/messages';
import { h, icon } from './dom';
import { renderApprovalPrompt, renderResolved, showPromptError, type PromptHooks } from './approvalPrompt';
import type { MarkdownHooks } from './markdown';
import { StreamingMarkdown } from './streamingMarkdown';
import { renderToolCard } from './toolCard';

export interface TranscriptHooks extends PromptHooks, MarkdownHooks {
  /** Called after rendering, with the characters of model text rendered so far in the view. */
  rendered(totalChars: number): void;
  emptyState(): HTMLElement;
}

interface Turn {
  element: HTMLElement;
  blocks: Map<string, StreamingMarkdown>;
  tools: Map<string, HTMLDetailsElement>;
}

export class Transcript {
  readonly element: HTMLElement;
  /** Holds the turns; the anchor after it keeps the view at the bottom as content grows. */
  private readonly content: HTMLElement;
  private readonly turns = new Map<string, Turn>();
  private readonly prompts = new Map<string, { element: HTMLElement; subject: string }>();
  private stick = true;
  private personScrolled = false;
  private renderedChars = 0;

  constructor(private readonly hooks: TranscriptHooks) {
    this.content = h('div', { class: 'transcript-content' });
    // Scroll anchoring (CSS overflow-anchor) keeps this 1px element in view while the person is at
    // the bottom, so streaming text never needs a scroll from script (which would force layout).
    this.element = h(
      'div',
      { class: 'transcript', attrs: { role: 'log', 'aria-label': 'Conversation', tabindex: 0 } },
      this.content,
      h('div', { class: 'scroll-anchor', attrs: { 'aria-hidden': 'true' } }),
    );
    // Only the person scrolling (wheel, keys, pointer) unsticks the view from the bottom; layout
    // changes of long answers (chunks sized as they come on screen) must not.
    const intent = () => {
      this.personScrolled = true;
    };
    for (const type of ['wheel', 'touchmove', 'pointerdown', 'keydown'] as const) this.element.addEventListener(type, intent, { passive: true });
    this.element.addEventListener('scroll', () => {
      const { scrollTop, scrollHeight, clientHeight } = this.element;
      const atBottom = scrollHeight - scrollTop - clientHeight < 40;
      if (atBottom) this.stick = true;
      else if (this.personScrolled) this.stick = false;
      this.personScrolled = false;
    });
    this.reset();
  }

  reset(): void {
    this.turns.clear();
    this.prompts.clear();
    this.renderedChars = 0;
    this.content.replaceChildren(this.hooks.emptyState());
    this.stick = true;
  }

  /** Re-renders the empty state (its text names the workspace and the mode) if nothing was said yet. */
  refreshEmptyState(): void {
    if (this.turns.size === 0) this.content.replaceChildren(this.hooks.emptyState());
  }

  user(message: ChatUser): void {
    const turn = this.turn(message.requestId);
    const context = message.context.length
      ? h('ul', { class: 'context-list', attrs: { 'aria-label': 'Context attached' } }, ...message.context.map((item) => h('li', {}, icon('file'), h('span', { text: item }))))
      : null;
    turn.element.append(h('div', { class: 'user-message' }, h('div', { class: 'user-text', text: message.text }), context));
    this.stick = true;
    this.scroll();
  }

  text(message: ChatText): void {
    const turn = this.turn(message.requestId);
    let block = turn.blocks.get(message.blockId);
    if (!block) {
      const created = new StreamingMarkdown(this.hooks, (chars) => this.onBlockRendered(created, chars));
      block = created;
      turn.blocks.set(message.blockId, block);
      turn.element.append(h('div', { class: 'assistant-message', attrs: { 'aria-busy': 'true' } }, block.element));
    }
    block.append(message.delta);
  }

  tool(message: ChatTool): void {
    const turn = this.turn(message.requestId);
    const existing = turn.tools.get(message.card.toolUseId);
    const card = renderToolCard(message.card, existing);
    if (!existing) {
      turn.tools.set(message.card.toolUseId, card);
      turn.element.append(card);
    }
    this.scroll();
  }

  notice(message: ChatNotice): void {
    const glyph = message.level === 'error' ? 'error' : message.level === 'warning' ? 'warning' : 'info';
    this.turn(message.requestId).element.append(
      h('div', { class: `notice notice-${message.level}`, attrs: { role: message.level === 'error' ? 'alert' : 'status' } }, icon(glyph), h('span', { text: message.text })),
    );
    this.scroll();
  }

  done(message: ChatDone): void {
    const turn = this.turn(message.requestId);
    for (const block of turn.blocks.values()) block.finish();
    for (const el of turn.element.querySelectorAll('[aria-busy="true"]')) el.setAttribute('aria-busy', 'false');
    if (message.reason === 'cancelled') turn.element.append(h('div', { class: 'notice notice-info', attrs: { role: 'status' } }, icon('debug-stop'), h('span', { text: 'Stopped.' })));
    if (message.reason === 'maxTurns') turn.element.append(h('div', { class: 'notice notice-warning', attrs: { role: 'status' } }, icon('warning'), h('span', { text: 'Stopped after the maximum number of steps. Send a message to continue.' })));
    if (message.reason === 'error') turn.element.append(h('div', { class: 'notice notice-error', attrs: { role: 'alert' } }, icon('error'), h('span', { text: message.error ?? 'The agent stopped with an error.' })));
    turn.element.dataset.done = message.reason;
    this.scroll();
  }

  permissionRequest(message: PermissionRequest): void {
    const element = renderApprovalPrompt(message, this.hooks);
    this.prompts.set(message.requestId, { element, subject: message.prompt.kind === 'plan' ? '' : message.prompt.subject });
    this.turn(message.turnId).element.append(element);
    this.stick = true;
    this.scroll();
  }

  permissionResolved(message: PermissionResolved): void {
    const prompt = this.prompts.get(message.requestId);
    if (!prompt) return;
    this.prompts.delete(message.requestId);
    prompt.element.replaceWith(renderResolved(prompt.subject, message.summary, message.outcome));
  }

  permissionError(requestId: string, error: string): void {
    const prompt = this.prompts.get(requestId);
    if (prompt) showPromptError(prompt.element, error);
  }

  private turn(requestId: string): Turn {
    let turn = this.turns.get(requestId);
    if (!turn) {
      if (this.turns.size === 0) this.content.replaceChildren();
      turn = { element: h('section', { class: 'turn', attrs: { 'data-turn': requestId } }), blocks: new Map(), tools: new Map() };
      this.turns.set(requestId, turn);
      this.content.append(turn.element);
    }
    return turn;
  }

  private readonly blockChars = new WeakMap<StreamingMarkdown, number>();
  private onBlockRendered(block: StreamingMarkdown, chars: number): void {
    this.renderedChars += chars - (this.blockChars.get(block) ?? 0);
    this.blockChars.set(block, chars);
    this.hooks.rendered(this.renderedChars);
    // Scroll anchoring starts only once the view has left the top: the first overflow needs one
    // scroll from script, after which the anchor keeps the bottom in view without layout reads.
    if (this.stick && this.element.scrollTop === 0) this.scroll();
  }

  private scroll(): void {
    if (this.stick) this.element.scrollTop = this.element.scrollHeight;
  }
}
