/**
 * Why a transcript could not be used. `notFound`: no transcript has that session id;
 * `corrupt`: a line other than the last is not a valid record; `invalid`: the session id is
 * malformed; `io`: the file system refused.
 */
export type TranscriptErrorKind = 'notFound' | 'corrupt' | 'invalid' | 'io';

export class TranscriptError extends Error {
  override name = 'TranscriptError';

  constructor(
    readonly kind: TranscriptErrorKind,
    message: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
