import type { z } from 'zod';

/**
 * The seam between the agent loop and the tools. One tool per file in this folder; names and
 * input shapes match Claude Code's tools so existing permission rules apply unchanged.
 */

export interface FileStat {
  size: number;
  mtimeMs: number;
  isFile: boolean;
  isDirectory: boolean;
}

/** File access as core needs it. Node implementation for the CLI; the extension may wrap it. */
export interface FileSystem {
  readFile(path: string): Promise<Buffer>;
  /** Atomic: temporary file in the same folder, then rename. Creates missing parent folders. */
  writeFile(path: string, data: string | Buffer): Promise<void>;
  stat(path: string): Promise<FileStat | undefined>;
  readdir(path: string): Promise<{ name: string; isDirectory: boolean; isFile: boolean }[]>;
  realpath(path: string): Promise<string>;
}

export interface ProcessResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** True when output was cut at the cap. */
  truncated: boolean;
}

export interface ProcessRunner {
  /** Runs `command` through the shell in its own process group; cancelling kills the whole group. */
  run(command: string, options: { cwd: string; timeoutMs: number; maxOutputBytes: number; signal: AbortSignal; env?: NodeJS.ProcessEnv }): Promise<ProcessResult>;
}

/** What the session remembers of files the model has read (Edit requires a fresh read). */
export interface ReadTracker {
  recordRead(path: string, mtimeMs: number, size: number): void;
  /** The last read of `path`, if any. */
  lastRead(path: string): { mtimeMs: number; size: number } | undefined;
}

/** Digests fetched web content in a separate model context; only the digest reaches the agent. */
export interface WebDigester {
  digest(input: { url: string; content: string; prompt: string; signal: AbortSignal }): Promise<string>;
}

export interface FetchTextResult {
  status: number;
  contentType: string;
  body: string;
  finalUrl: string;
  /** For a redirect response: the absolute target URL from the Location header. */
  location?: string;
}

export interface ToolContext {
  cwd: string;
  workspaceFolders: string[];
  signal: AbortSignal;
  fs: FileSystem;
  processes: ProcessRunner;
  reads: ReadTracker;
  web: WebDigester;
  /**
   * Fetches a URL's text (injectable so tests hit local servers). Does not follow redirects: a
   * 3xx response comes back with `location` (absolute) so WebFetch can decide whether the new
   * host needs its own approval.
   */
  fetchText(url: string, signal: AbortSignal): Promise<FetchTextResult>;
  /**
   * For tools that search many files under one root (Glob, Grep): whether one file found there
   * (absolute path) may be read, as the permission rules would decide a Read of it. The root was
   * decided as a whole before the call; a rule may still deny a file below it (`Read(./.env)`).
   * Files it rejects are never read, and neither their names nor their contents reach the
   * result; the result says how many were left out. May be called once per file, so searches ask
   * at most once per path. Absent: every file under the root may be read.
   */
  mayRead?(absolutePath: string): Promise<boolean>;
}

/** A proposed file change, computed before approval so the prompt can show the diff. */
export interface FileChangePreview {
  path: string;
  /** Content before (null when the file does not exist). */
  before: string | null;
  after: string;
}

export interface ToolResult {
  /** Text for the model (tool_result content). */
  content: string;
  isError?: boolean;
}

export class ToolInputError extends Error {
  override name = 'ToolInputError';
}

export interface AgentTool<Schema extends z.ZodType = z.ZodType> {
  readonly name: string;
  /** Shown to the model. */
  readonly description: string;
  readonly inputSchema: Schema;
  /** Read-only tools may run in parallel with each other. */
  readonly readOnly: boolean;
  /** For file-writing tools: the change the call would make, shown in the approval prompt. */
  preview?(input: z.infer<Schema>, ctx: ToolContext): Promise<FileChangePreview[]>;
  run(input: z.infer<Schema>, ctx: ToolContext): Promise<ToolResult>;
}
