/**
 * One assistant text block, rendered while it streams. Finished blocks (see MarkdownSplitter)
 * are rendered once and frozen; the unfinished tail is re-rendered at most once per frame, and an
 * open code fence grows by appending text, so the cost per frame stays small however long the
 * answer gets.
 */
import { h } from './dom';
import { renderMarkdown, type MarkdownHooks } from './markdown';
import { MarkdownSplitter } from './markdownSplitter';
import { onNextFrame } from './frame';

export class StreamingMarkdown {
  readonly element: HTMLElement;
  private readonly frozen: HTMLElement;
  private readonly tail: HTMLElement;
  private readonly splitter = new MarkdownSplitter();
  private frozenUpTo = 0;
  private live: { code: HTMLElement; appended: number; start: number } | undefined;
  private scheduled = false;
  private finished = false;

  constructor(
    private readonly hooks: MarkdownHooks,
    private readonly onRendered: (chars: number) => void,
  ) {
    this.frozen = h('div', { class: 'md-frozen' });
    this.tail = h('div', { class: 'md-tail' });
    this.element = h('div', { class: 'markdown' }, this.frozen, this.tail);
  }

  get length(): number {
    return this.splitter.text.length;
  }

  append(delta: string): void {
    this.splitter.push(delta);
    this.schedule();
  }

  /** The block is complete: render everything now. */
  finish(): void {
    this.finished = true;
    this.render();
  }

  private schedule(): void {
    if (this.scheduled || this.finished) return;
    this.scheduled = true;
    onNextFrame(() => {
      this.scheduled = false;
      this.render();
    });
  }

  private render(): void {
    const text = this.splitter.text;
    const stable = this.finished ? text.length : this.splitter.stable;
    if (stable > this.frozenUpTo) {
      this.frozen.append(renderMarkdown(text.slice(this.frozenUpTo, stable), this.hooks));
      this.frozenUpTo = stable;
      this.tail.replaceChildren();
      this.live = undefined;
    }
    const fence = this.finished ? undefined : this.splitter.liveFence;
    if (fence && fence.start === this.frozenUpTo) this.renderLiveFence(text, fence.start, fence.contentStart, fence.info);
    else if (this.frozenUpTo < text.length) {
      this.live = undefined;
      this.tail.replaceChildren(renderMarkdown(text.slice(this.frozenUpTo), this.hooks));
    } else this.tail.replaceChildren();
    this.onRendered(text.length);
  }

  private renderLiveFence(text: string, start: number, contentStart: number, info: string): void {
    if (!this.live || this.live.start !== start) {
      const code = h('code');
      const language = info.split(/\s/)[0] ?? '';
      this.tail.replaceChildren(
        h('div', { class: 'code-block live' }, h('div', { class: 'code-bar' }, h('span', { class: 'code-lang', text: language })), h('pre', {}, code)),
      );
      this.live = { code, appended: contentStart, start };
    }
    if (text.length > this.live.appended) {
      this.live.code.append(text.slice(this.live.appended));
      this.live.appended = text.length;
    }
  }
}
