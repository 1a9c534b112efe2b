/** What Grep searches for, after validation; shared by the ripgrep and the JavaScript backends. */
export type GrepMode = 'content' | 'files_with_matches' | 'count';

export interface GrepQuery {
  pattern: string;
  /** Absolute file or folder to search. */
  root: string;
  rootIsFile: boolean;
  glob?: string;
  type?: string;
  mode: GrepMode;
  ignoreCase: boolean;
  lineNumbers: boolean;
  before: number;
  after: number;
  multiline: boolean;
}

export type GrepOutput =
  | { mode: 'files_with_matches'; files: string[] }
  | { mode: 'count'; counts: { path: string; count: number }[] }
  | { mode: 'content'; lines: string[] };

export interface GrepBackendResult {
  output: GrepOutput;
  /** Said to the model after the results (skipped files, partial errors). */
  notes: string[];
}

/** Matching lines longer than this are cut, as `rg --max-columns 500 --max-columns-preview`. */
export const GREP_MAX_COLUMNS = 500;
export const LONG_LINE_MARK = ' [... omitted end of long line]';

export function cutLongLine(text: string): string {
  return text.length > GREP_MAX_COLUMNS ? text.slice(0, GREP_MAX_COLUMNS) + LONG_LINE_MARK : text;
}
