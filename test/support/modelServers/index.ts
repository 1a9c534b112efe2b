/**
 * Scripted model servers on 127.0.0.1 that speak each provider's real wire protocol, for tests.
 *
 *   const server = await startModelServer('anthropic', [
 *     reply(toolUse('Read', { file_path: 'README.md' })),   // turn 1: tool_use
 *     say('The README describes the sample.'),              // turn 2: text, end_turn
 *   ]);
 *   // point AgentGate at it: env = { ...server.env }  (or the kind's base URL variable = server.url)
 *   ...
 *   server.requests[1].body.messages   // what the model was sent on turn 2
 *   await server.close();
 *
 * Kinds and what `url` is:
 * - 'anthropic': POST {url}/v1/messages, SSE. Needs a key (`x-api-key` or `Authorization: Bearer`).
 *   `url` is the ANTHROPIC_BASE_URL.
 * - 'bedrock': POST {url}/model/{modelId}/invoke-with-response-stream, AWS event-stream frames.
 *   `url` is the ANTHROPIC_BEDROCK_BASE_URL (the client endpoint).
 * - 'vertex': POST {url}/projects/{p}/locations/{r}/publishers/anthropic/models/{m}:streamRawPredict,
 *   SSE. `url` ends in /v1 and is the ANTHROPIC_VERTEX_BASE_URL.
 *
 * The script is a queue: each request takes the next step (see ./script: `say`, `reply`, `text`,
 * `toolUse`, `thinking`, `fault.*`; a step may also be a function of the recorded request). Replies
 * stream real event sequences (message_start, content blocks with text_delta / input_json_delta in
 * several chunks, message_delta with usage and stop_reason, message_stop). Faults: HTTP statuses
 * (429 with retry-after, 529, 500, 401, ...), an error after N events, a dropped connection after
 * N events, a stall until the client gives up. When the queue is empty a request gets a 400 that
 * says so. `push()` appends steps. `requests` records every request (headers, raw and parsed body,
 * model, credential, and `ended`: how the exchange finished — e.g. 'clientClosed' after a cancel).
 *
 * Options: `acceptKeys` limits the accepted API keys / bearer tokens (others get the wire's
 * 401/403 without consuming a step).
 */
import { bedrockWire } from './bedrockWire';
import { startHarness, type HarnessOptions, type Wire } from './harness';
import type { RecordedRequest } from './recorder';
import type { ScriptStep } from './script';
import { anthropicWire, vertexWire } from './sseWires';

export type ModelServerKind = 'anthropic' | 'bedrock' | 'vertex';

export interface ModelServer {
  kind: ModelServerKind;
  /** The base URL to give the client (see the kinds above). */
  url: string;
  /** Environment variables that point AgentGate at this server, with test credentials. */
  env: Record<string, string>;
  requests: RecordedRequest[];
  push(...steps: ScriptStep[]): void;
  close(): Promise<void>;
}

export type ModelServerOptions = HarnessOptions;

const WIRES: Record<ModelServerKind, Wire> = { anthropic: anthropicWire, bedrock: bedrockWire, vertex: vertexWire };

export const TEST_VERTEX_PROJECT = 'agentgate-test';
export const TEST_VERTEX_REGION = 'us-east5';
export const TEST_AWS_REGION = 'us-east-1';

function envFor(kind: ModelServerKind, url: string): Record<string, string> {
  switch (kind) {
    case 'anthropic':
      return { ANTHROPIC_BASE_URL: url, ANTHROPIC_API_KEY: 'sk-ant-test-key' };
    case 'bedrock':
      return { CLAUDE_CODE_USE_BEDROCK: '1', AWS_REGION: TEST_AWS_REGION, ANTHROPIC_BEDROCK_BASE_URL: url, CLAUDE_CODE_SKIP_BEDROCK_AUTH: '1' };
    case 'vertex':
      return {
        CLAUDE_CODE_USE_VERTEX: '1',
        ANTHROPIC_VERTEX_PROJECT_ID: TEST_VERTEX_PROJECT,
        CLOUD_ML_REGION: TEST_VERTEX_REGION,
        ANTHROPIC_VERTEX_BASE_URL: url,
        CLAUDE_CODE_SKIP_VERTEX_AUTH: '1',
      };
  }
}

export async function startModelServer(kind: ModelServerKind, script: readonly ScriptStep[] = [], options: ModelServerOptions = {}): Promise<ModelServer> {
  const harness = await startHarness(WIRES[kind], script, options);
  const url = kind === 'vertex' ? `${harness.url}/v1` : harness.url;
  return { kind, url, env: envFor(kind, url), requests: harness.requests, push: harness.push, close: harness.close };
}

export { fault, reply, say, text, thinking, toolUse, withStop } from './script';
export type { ContentSpec, Fault, Reply, ScriptStep, StopReason, UsageSpec } from './script';
export type { RecordedRequest, RequestEnd } from './recorder';
