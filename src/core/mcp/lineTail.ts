/** The last lines of a stream (a server's stderr), each line capped, for failure reports. */
export class LineTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(
    private readonly maxLines = 20,
    private readonly maxLineChars = 500,
  ) {}

  push(chunk: Buffer | string): void {
    const text = this.partial + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    const parts = text.split(/\r?\n/);
    this.partial = (parts.pop() ?? '').slice(-this.maxLineChars * 4);
    for (const line of parts) this.add(line);
  }

  /** The kept lines, including an unfinished last line. */
  snapshot(): string[] {
    return this.partial === '' ? [...this.lines] : [...this.lines, this.cap(this.partial)].slice(-this.maxLines);
  }

  private add(line: string): void {
    this.lines.push(this.cap(line));
    if (this.lines.length > this.maxLines) this.lines.shift();
  }

  private cap(line: string): string {
    return line.length <= this.maxLineChars ? line : `${line.slice(0, this.maxLineChars)}…`;
  }
}
