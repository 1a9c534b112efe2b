/**
 * Decides whether a sed script only prints. It parses the script command by command and accepts
 * only commands that cannot write files, read files or run programs: no `w`, `W`, `r`, `R`, `e`,
 * no `s///w` or `s///e`, nothing it does not recognise.
 */

const NO_ARGUMENT = new Set(['=', 'd', 'D', 'g', 'G', 'h', 'H', 'n', 'N', 'p', 'P', 'x', 'z', 'F']);
const OPTIONAL_NUMBER = new Set(['q', 'Q', 'l', 'L']);
const LABEL = new Set(['b', 't', 'T', ':']);
const TEXT = new Set(['a', 'i', 'c']);
const FORBIDDEN: Record<string, string> = {
  w: 'writes a file', W: 'writes a file', r: 'reads a file', R: 'reads a file', e: 'runs a command', v: 'checks the sed version',
};

class Cursor {
  index = 0;
  constructor(readonly text: string) {}
  get done(): boolean {
    return this.index >= this.text.length;
  }
  peek(): string {
    return this.text[this.index] ?? '';
  }
  next(): string {
    return this.text[this.index++] ?? '';
  }
  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.index++;
  }
  /** Reads up to an unescaped `delimiter`; false when the script ends first. */
  readDelimited(delimiter: string): boolean {
    while (!this.done) {
      const char = this.next();
      if (char === '\\') {
        this.next();
        continue;
      }
      if (char === delimiter) return true;
      if (char === '\n') return false;
    }
    return false;
  }
}

function readAddress(cursor: Cursor): boolean {
  const char = cursor.peek();
  if (/\d/.test(char)) {
    while (/[\d~]/.test(cursor.peek())) cursor.next();
    return true;
  }
  if (char === '$') {
    cursor.next();
    return true;
  }
  if (char === '/' || char === '\\') {
    cursor.next();
    const delimiter = char === '/' ? '/' : cursor.next();
    if (!cursor.readDelimited(delimiter)) return false;
    while (cursor.peek() === 'I' || cursor.peek() === 'M') cursor.next();
    return true;
  }
  return true;
}

function readAddresses(cursor: Cursor): boolean {
  if (!readAddress(cursor)) return false;
  cursor.skipSpaces();
  if (cursor.peek() === ',') {
    cursor.next();
    cursor.skipSpaces();
    if (cursor.peek() === '+' || cursor.peek() === '~') cursor.next();
    if (!readAddress(cursor)) return false;
  }
  cursor.skipSpaces();
  while (cursor.peek() === '!') {
    cursor.next();
    cursor.skipSpaces();
  }
  return true;
}

function toEndOfCommand(cursor: Cursor, allowSemicolon: boolean): void {
  while (!cursor.done && cursor.peek() !== '\n' && !(allowSemicolon && cursor.peek() === ';') && cursor.peek() !== '}') cursor.next();
}

/** The substitution flags after `s/re/replacement/`: g, p, i, I, m, M and a number only. */
function readSubstitution(cursor: Cursor): string | null {
  const delimiter = cursor.next();
  if (delimiter === '' || delimiter === '\n' || delimiter === '\\') return 'has an unusual s command';
  if (!cursor.readDelimited(delimiter) || !cursor.readDelimited(delimiter)) return 'has an incomplete s command';
  while (!cursor.done && !/[\s;}]/.test(cursor.peek())) {
    const flag = cursor.next();
    if (flag === 'w') return 'has an s command with the w flag, which writes a file';
    if (flag === 'e') return 'has an s command with the e flag, which runs a command';
    if (!/[gpiImM0-9]/.test(flag)) return `has an s command with the flag ${flag}`;
  }
  return null;
}

/** Returns null when the script only prints, else what it does that is not read-only. */
export function sedScriptProblem(script: string): string | null {
  const cursor = new Cursor(script);
  while (!cursor.done) {
    const start = cursor.peek();
    if (/[\s;]/.test(start)) {
      cursor.next();
      continue;
    }
    if (start === '#') {
      toEndOfCommand(cursor, false);
      continue;
    }
    if (!readAddresses(cursor)) return 'has an address AgentGate cannot read';
    const command = cursor.next();
    if (command in FORBIDDEN) return `uses the ${command} command, which ${FORBIDDEN[command]}`;
    if (command === '{' || command === '}' || NO_ARGUMENT.has(command)) continue;
    if (OPTIONAL_NUMBER.has(command)) {
      cursor.skipSpaces();
      while (/\d/.test(cursor.peek())) cursor.next();
      continue;
    }
    if (LABEL.has(command)) {
      toEndOfCommand(cursor, command !== ':');
      continue;
    }
    if (TEXT.has(command)) {
      while (!cursor.done) {
        const char = cursor.next();
        if (char === '\\') cursor.next();
        else if (char === '\n') break;
      }
      continue;
    }
    if (command === 's') {
      const problem = readSubstitution(cursor);
      if (problem) return problem;
      continue;
    }
    if (command === 'y') {
      const delimiter = cursor.next();
      if (!delimiter || !cursor.readDelimited(delimiter) || !cursor.readDelimited(delimiter)) return 'has an incomplete y command';
      continue;
    }
    return command === '' ? 'ends in the middle of a command' : `uses the command ${command}, which AgentGate does not recognise`;
  }
  return null;
}
