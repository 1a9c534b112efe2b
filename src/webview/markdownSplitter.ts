/**
 * Finds where streamed Markdown can be cut into blocks that render the same alone as together,
 * so the view renders each finished block once and re-renders only the unfinished tail.
 *
 * A cut is placed before a line that starts at column 0 after a blank line (outside a code
 * fence), before an unindented code fence, and after the fence that closes it. While an
 * unindented fence is open, `liveFence` says where its content starts: the view appends that
 * text as it arrives instead of parsing it again.
 */
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

interface OpenFence {
  marker: string;
  length: number;
  /** Offset of the fence's first line. */
  start: number;
  /** Offset just after the opening line (where the code starts). */
  contentStart: number;
  /** Unindented fences are rendered live; indented ones stay inside their block. */
  live: boolean;
  info: string;
}

export interface LiveFence {
  start: number;
  contentStart: number;
  info: string;
}

export class MarkdownSplitter {
  private source = '';
  /** Start of the first line not yet scanned (always a line start). */
  private scanned = 0;
  private fence: OpenFence | undefined;
  private previousBlank = false;
  private stableEnd = 0;
  /** Every cut so far, in order (the last one is `stable`). */
  private readonly cutList: number[] = [];

  get text(): string {
    return this.source;
  }

  /** Text before this offset is final: it is cut into blocks that never change. */
  get stable(): number {
    return this.stableEnd;
  }

  /** Offsets where the text can be cut, in increasing order. */
  get cuts(): readonly number[] {
    return this.cutList;
  }

  /** The unindented fence the tail is inside, if any. */
  get liveFence(): LiveFence | undefined {
    if (!this.fence?.live) return undefined;
    const { start, contentStart, info } = this.fence;
    return { start, contentStart, info };
  }

  push(delta: string): void {
    this.source += delta;
    let newline = this.source.indexOf('\n', this.scanned);
    while (newline !== -1) {
      this.scanLine(this.scanned, newline + 1);
      this.scanned = newline + 1;
      newline = this.source.indexOf('\n', this.scanned);
    }
  }

  private scanLine(start: number, end: number): void {
    const line = this.source.slice(start, end).replace(/\r?\n$/, '');
    const blank = line.trim() === '';
    if (this.fence) {
      if (this.closesFence(line, this.fence)) {
        if (this.fence.live) this.cut(end);
        this.fence = undefined;
      }
      this.previousBlank = false;
      return;
    }
    const opener = FENCE.exec(line);
    const indent = line.length - line.trimStart().length;
    if (!blank && indent === 0 && (this.previousBlank || opener)) this.cut(start);
    if (opener && !(opener[2]?.startsWith('`') && opener[3]?.includes('`'))) {
      const marker = opener[2] ?? '```';
      this.fence = {
        marker: marker[0] ?? '`',
        length: marker.length,
        start,
        contentStart: end,
        live: (opener[1] ?? '').length === 0 && this.stableEnd === start,
        info: (opener[3] ?? '').trim(),
      };
    }
    this.previousBlank = blank;
  }

  private cut(offset: number): void {
    if (offset <= this.stableEnd) return;
    this.stableEnd = offset;
    this.cutList.push(offset);
  }

  private closesFence(line: string, fence: OpenFence): boolean {
    const match = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
    return match !== null && match[1]?.[0] === fence.marker && (match[1]?.length ?? 0) >= fence.length;
  }
}
