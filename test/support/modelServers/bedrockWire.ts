/**
 * The Bedrock wire: `POST /model/{modelId}/invoke-with-response-stream` (model id percent-decoded),
 * Anthropic body without `model`/`stream` plus `anthropic_version: "bedrock-2023-05-31"`, answered
 * with binary AWS event-stream frames (`:event-type: chunk`, body `{"bytes": base64(event JSON)}`)
 * and `:message-type: exception` frames for in-stream errors. HTTP errors carry `x-amzn-ErrorType`.
 *
 * Status faults translate: 429 → ThrottlingException; 529/503 → ServiceUnavailableException (503);
 * other 5xx → InternalServerException (same status); 401/403 → UnrecognizedClientException (403);
 * 4xx → ValidationException (400).
 */
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { EventStreamCodec, type MessageHeaders } from '@smithy/core/event-streams';
import { retryHeaders, sendJson, type StreamWriter, type Wire } from './harness';
import type { StatusFault } from './script';

export const BEDROCK_VERSION = 'bedrock-2023-05-31';

const codec = new EventStreamCodec(
  (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8'),
  (text: string) => new Uint8Array(Buffer.from(text, 'utf8')),
);

function frame(headers: Record<string, string>, body: unknown): Uint8Array {
  const messageHeaders: MessageHeaders = {};
  for (const [name, value] of Object.entries(headers)) messageHeaders[name] = { type: 'string', value };
  return codec.encode({ headers: messageHeaders, body: new Uint8Array(Buffer.from(JSON.stringify(body), 'utf8')) });
}

function awsError(res: ServerResponse, status: number, errorType: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { message }, {
    'x-amzn-errortype': `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    'x-amzn-requestid': randomUUID(),
    ...headers,
  });
}

const STREAM_EXCEPTIONS: Record<string, { type: string; body: Record<string, unknown> }> = {
  overloaded_error: { type: 'modelStreamErrorException', body: { message: 'Model stream error: Overloaded', originalStatusCode: 529, originalMessage: 'Overloaded' } },
  api_error: { type: 'internalServerException', body: { message: 'The server encountered an internal error.' } },
  rate_limit_error: { type: 'throttlingException', body: { message: 'Too many requests, please wait before trying again.' } },
};

function bedrockWriter(res: ServerResponse): StreamWriter {
  return {
    head: () =>
      res.writeHead(200, {
        'content-type': 'application/vnd.amazon.eventstream',
        'x-amzn-bedrock-content-type': 'application/json',
        'x-amzn-requestid': randomUUID(),
      }),
    event: (event) => {
      const payload =
        event.type === 'message_stop'
          ? { ...event, 'amazon-bedrock-invocationMetrics': { inputTokenCount: 12, outputTokenCount: 5, invocationLatency: 42, firstByteLatency: 17 } }
          : event;
      const bytes = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
      return frame({ ':event-type': 'chunk', ':content-type': 'application/json', ':message-type': 'event' }, { bytes, p: 'abcdefghij' });
    },
    error: (type) => {
      const exception = STREAM_EXCEPTIONS[type] ?? STREAM_EXCEPTIONS.api_error!;
      return frame({ ':exception-type': exception.type, ':content-type': 'application/json', ':message-type': 'exception' }, exception.body);
    },
  };
}

const BEDROCK_PATH = /^\/model\/([^/]+)\/invoke-with-response-stream$/;

export const bedrockWire: Wire = {
  route(request, res) {
    const match = BEDROCK_PATH.exec(request.path);
    if (request.method !== 'POST' || !match) {
      awsError(res, 404, 'UnknownOperationException', `Not found: ${request.method} ${request.path}`);
      return undefined;
    }
    const model = decodeURIComponent(match[1] ?? '');
    const body = request.body;
    if (!body || !Array.isArray(body.messages) || typeof body.max_tokens !== 'number') {
      awsError(res, 400, 'ValidationException', 'Malformed input request: the body must be a JSON object with messages and max_tokens.');
      return undefined;
    }
    if (body.anthropic_version !== BEDROCK_VERSION) {
      awsError(res, 400, 'ValidationException', `Malformed input request: anthropic_version must be "${BEDROCK_VERSION}".`);
      return undefined;
    }
    for (const extra of ['model', 'stream']) {
      if (extra in body) {
        awsError(res, 400, 'ValidationException', `Malformed input request: extraneous key [${extra}] is not permitted, please reformat your input and try again.`);
        return undefined;
      }
    }
    return { model };
  },
  statusFault(fault: StatusFault, res) {
    const { status } = fault;
    const headers = retryHeaders(fault);
    if (status === 429) awsError(res, 429, 'ThrottlingException', fault.message ?? 'Too many requests, please wait before trying again.', headers);
    else if (status === 529 || status === 503) awsError(res, 503, 'ServiceUnavailableException', fault.message ?? 'Bedrock is unable to process your request.', headers);
    else if (status >= 500) awsError(res, status, 'InternalServerException', fault.message ?? 'The server encountered an internal error.', headers);
    else if (status === 401 || status === 403) awsError(res, 403, 'UnrecognizedClientException', fault.message ?? 'The security token included in the request is invalid.');
    else awsError(res, 400, 'ValidationException', fault.message ?? 'Malformed input request.');
  },
  rejectCredential(res) {
    awsError(res, 403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
  },
  writer: bedrockWriter,
};
