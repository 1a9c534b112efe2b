/**
 * The two SSE wires: the Anthropic API (`POST /v1/messages`) and Vertex AI
 * (`POST .../projects/{p}/locations/{r}/publishers/anthropic/models/{m}:streamRawPredict`,
 * Anthropic body with `anthropic_version: "vertex-2023-10-16"` and no `model`). Both answer
 * `text/event-stream` with `event: <type>\ndata: <json>\n\n` frames and a `ping` after message_start.
 */
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { retryHeaders, sendJson, type StreamWriter, type Wire } from './harness';
import type { StatusFault } from './script';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const DEFAULT_MESSAGES: Record<string, string> = {
  invalid_request_error: 'Invalid request.',
  authentication_error: 'invalid x-api-key',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'Not found.',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit.',
  api_error: 'Internal server error',
  overloaded_error: 'Overloaded',
};

export const STREAM_ERROR_MESSAGES: Record<string, string> = {
  overloaded_error: 'Overloaded',
  api_error: 'Internal server error',
  rate_limit_error: 'Rate limited',
};

function anthropicError(res: ServerResponse, status: number, message?: string, headers: Record<string, string> = {}): void {
  const type = ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  sendJson(res, status, { type: 'error', error: { type, message: message ?? DEFAULT_MESSAGES[type] } }, { 'request-id': `req_${randomUUID()}`, ...headers });
}

function googleError(res: ServerResponse, status: number, googleStatus: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: { code: status, message, status: googleStatus } }, headers);
}

function sseWriter(res: ServerResponse): StreamWriter {
  const frame = (type: string, data: unknown): string => `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
  return {
    head: () => res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'request-id': `req_${randomUUID()}` }),
    event: (event) => frame(event.type, event) + (event.type === 'message_start' ? frame('ping', { type: 'ping' }) : ''),
    error: (type) => frame('error', { type: 'error', error: { type, message: STREAM_ERROR_MESSAGES[type] ?? type } }),
  };
}

export const anthropicWire: Wire = {
  route(request, res) {
    if (request.method !== 'POST' || request.path !== '/v1/messages') {
      anthropicError(res, 404, `Not found: ${request.method} ${request.path}`);
      return undefined;
    }
    if (!request.credential) {
      anthropicError(res, 401, 'x-api-key header is required');
      return undefined;
    }
    if (!request.headers['anthropic-version']) {
      anthropicError(res, 400, 'anthropic-version: header is required');
      return undefined;
    }
    const body = request.body;
    if (!body || typeof body.model !== 'string' || !Array.isArray(body.messages) || typeof body.max_tokens !== 'number') {
      anthropicError(res, 400, 'The body must be a JSON object with model, messages and max_tokens.');
      return undefined;
    }
    if (body.stream !== true) {
      anthropicError(res, 400, 'This test server only answers streaming requests (stream: true).');
      return undefined;
    }
    return { model: body.model };
  },
  statusFault(fault: StatusFault, res) {
    anthropicError(res, fault.status, fault.message, retryHeaders(fault));
  },
  rejectCredential(res) {
    anthropicError(res, 401, 'invalid x-api-key');
  },
  writer: sseWriter,
};

const VERTEX_PATH = /\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/anthropic\/models\/([^/:]+):(streamRawPredict|rawPredict)$/;
export const VERTEX_VERSION = 'vertex-2023-10-16';

export const vertexWire: Wire = {
  route(request, res) {
    const match = VERTEX_PATH.exec(request.path);
    if (request.method !== 'POST' || !match) {
      googleError(res, 404, 'NOT_FOUND', `Not found: ${request.method} ${request.path}`);
      return undefined;
    }
    const [, project = '', region = '', model = '', method] = match;
    const route = { model: decodeURIComponent(model), project: decodeURIComponent(project), region: decodeURIComponent(region) };
    const body = request.body;
    if (method !== 'streamRawPredict') {
      anthropicError(res, 400, 'This test server only answers :streamRawPredict.');
      return undefined;
    }
    if (!body || !Array.isArray(body.messages) || typeof body.max_tokens !== 'number') {
      anthropicError(res, 400, 'The body must be a JSON object with messages and max_tokens.');
      return undefined;
    }
    if (body.anthropic_version !== VERTEX_VERSION) {
      anthropicError(res, 400, `anthropic_version: must be "${VERTEX_VERSION}", got ${JSON.stringify(body.anthropic_version)}`);
      return undefined;
    }
    if ('model' in body) {
      anthropicError(res, 400, 'model: Extra inputs are not permitted (the model is in the URL)');
      return undefined;
    }
    return route;
  },
  statusFault(fault, res) {
    if (fault.status === 429) {
      googleError(res, 429, 'RESOURCE_EXHAUSTED', fault.message ?? 'Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model.', retryHeaders(fault));
    } else if (fault.status === 401) {
      googleError(res, 401, 'UNAUTHENTICATED', fault.message ?? 'Request had invalid authentication credentials. Expected OAuth 2 access token.');
    } else if (fault.status === 403) {
      googleError(res, 403, 'PERMISSION_DENIED', fault.message ?? "Permission 'aiplatform.endpoints.predict' denied.");
    } else {
      anthropicError(res, fault.status, fault.message, retryHeaders(fault));
    }
  },
  rejectCredential(res) {
    googleError(res, 401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token.');
  },
  writer: sseWriter,
};
