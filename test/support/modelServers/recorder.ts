/** What a model server remembers about each request it received. */
import type { IncomingHttpHeaders } from 'node:http';

export type RequestEnd =
  /** The server sent its whole answer. */
  | 'completed'
  /** The client closed the connection before the answer was complete (cancel, timeout). */
  | 'clientClosed'
  /** The script cut the connection (a `drop` fault). */
  | 'dropped';

export interface RecordedRequest {
  /** 0-based position among the requests this server received. */
  index: number;
  method: string;
  /** The request path as sent, without the query string (still percent-encoded). */
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The JSON body, or undefined when it was not JSON. */
  body: Record<string, unknown> | undefined;
  /** The model: from the body (Anthropic) or the URL, percent-decoded (Bedrock, Vertex). */
  model: string | undefined;
  /** Vertex only: the project and region in the URL. */
  project?: string;
  region?: string;
  /** The credential the request carried: `x-api-key`, or the token of `Authorization: Bearer`. */
  credential: string | undefined;
  /** Settles when the exchange is over, with how it ended. */
  ended: Promise<RequestEnd>;
}

/** The API key or bearer token of a request, whichever header carries it. */
export function credentialOf(headers: IncomingHttpHeaders): string | undefined {
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey !== '') return apiKey;
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && /^bearer /i.test(authorization)) return authorization.slice(7).trim();
  return undefined;
}
