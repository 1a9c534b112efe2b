import { ToolInputError } from './types';

/**
 * Errors a tool reports to the model as an error result. Each message says what went wrong and
 * what to do instead, so the model (or the person reading the transcript) can act on it.
 */
export { ToolInputError };

/** The file must be read (again) with the Read tool before it can be written or edited. */
export class StaleReadError extends ToolInputError {
  override name = 'StaleReadError';
}

/** A file-system operation failed for a reason outside the tool's input (permissions, I/O). */
export class ToolFileSystemError extends Error {
  override name = 'ToolFileSystemError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** A web fetch failed: network error, HTTP error status, unsupported content. */
export class WebFetchError extends Error {
  override name = 'WebFetchError';
}

/** Node's errno code of `error`, when there is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** Turns an error from `fs` into a message naming the path and the cause in plain words. */
export function describeFsError(error: unknown, filePath: string): ToolFileSystemError {
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ENOENT':
      return new ToolFileSystemError(`File does not exist: ${filePath}`, code);
    case 'EACCES':
    case 'EPERM':
      return new ToolFileSystemError(`Permission denied: ${filePath}`, code);
    case 'EISDIR':
      return new ToolFileSystemError(`${filePath} is a directory, not a file.`, code);
    case 'ENOTDIR':
      return new ToolFileSystemError(`A parent of ${filePath} is not a directory.`, code);
    case 'ENOSPC':
      return new ToolFileSystemError(`No space left on the device while writing ${filePath}.`, code);
    case 'EROFS':
      return new ToolFileSystemError(`${filePath} is on a read-only file system.`, code);
    default:
      return new ToolFileSystemError(`Could not access ${filePath}: ${detail}`, code);
  }
}

/** True for the error an aborted AbortSignal produces. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
