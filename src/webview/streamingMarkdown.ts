/**
 * One assistant text block, rendered while it streams. Finished blocks (see MarkdownSplitter)
 * are rendered once and frozen, a few kilobytes at a time within a per-frame time budget, so a
 * burst of text never blocks the page; the unfinished tail is re-rendered at most once per frame,
 * and an open code fence grows by appending text. The cost per frame stays small however long
 * the answer gets.
 */
import { h } from './dom';
import { onNextFrame } from './frame';
import { renderMarkdown, type MarkdownHooks } from './markdown';
import { MarkdownSplitter } from './markdownSplitter';

/** Rendering stops for this frame once it has taken this long (more follows next frame). */
const FRAME_BUDGET_MS = 8;
/** Consecutive finished blocks are rendered together up to this size. */
const MAX_SEGMENT_CHARS = 2000;

export class StreamingMarkdown {
  readonly element: HTMLElement;
  private readonly frozen: HTMLElement;
  private readonly tail: HTMLElement;
  private readonly splitter = new MarkdownSplitter();
  private frozenUpTo = 0;
  /** Index of the next cut in `splitter.cuts` not yet rendered. */
  private nextCut = 0;
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

  /** The block is complete: the rest is rendered over the next frames. */
  finish(): void {
    this.finished = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    onNextFrame(() => {
      this.scheduled = false;
      this.render();
    });
  }

  /** Where the next frozen segment ends, or undefined when nothing finished is left to render. */
  private nextSegmentEnd(): number | undefined {
    const cuts = this.splitter.cuts;
    const total = this.splitter.text.length;
    let end: number | undefined;
    while (this.nextCut < cuts.length) {
      const cut = cuts[this.nextCut]!;
      if (cut <= this.frozenUpTo) {
        this.nextCut++;
        continue;
      }
      if (end !== undefined && cut - this.frozenUpTo > MAX_SEGMENT_CHARS) break;
      end = cut;
      this.nextCut++;
    }
    if (this.finished && this.nextCut >= cuts.length && (end ?? this.frozenUpTo) < total) {
      if (end === undefined || total - this.frozenUpTo <= MAX_SEGMENT_CHARS) end = total;
    }
    return end;
  }

  private render(): void {
    const started = performance.now();
    const text = this.splitter.text;
    for (let end = this.nextSegmentEnd(); end !== undefined; end = this.nextSegmentEnd()) {
      const chunk = h('div', { class: 'md-chunk' });
      chunk.append(renderMarkdown(text.slice(this.frozenUpTo, end), this.hooks));
      this.frozen.append(chunk);
      this.frozenUpTo = end;
      this.tail.replaceChildren();
      this.live = undefined;
      if (performance.now() - started > FRAME_BUDGET_MS && (this.nextCut < this.splitter.cuts.length || (this.finished && this.frozenUpTo < text.length))) {
        this.onRendered(this.frozenUpTo);
        this.schedule();
        return;
      }
    }
    if (performance.now() - started > FRAME_BUDGET_MS && this.frozenUpTo < text.length) {
      // The tail can wait a frame; the finished blocks above are already on screen.
      this.onRendered(this.frozenUpTo);
      this.schedule();
      return;
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
