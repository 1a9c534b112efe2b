/**
 * Claude through Amazon Bedrock: InvokeModelWithResponseStream with the native Anthropic body
 * (prompt caching, thinking and tool_choice pass through), over HTTP/1.1 (NodeHttpHandler: the
 * default HTTP/2 handler neither reaches plain HTTP/1.1 gateways nor goes through proxies). Each
 * chunk is one Anthropic stream event; they are fed to the Anthropic SDK's accumulator so the final
 * message is built exactly as for the Anthropic API.
 */
import {
  BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand,
  type BedrockRuntimeClientConfig,
  type ResponseStream,
} from '@aws-sdk/client-bedrock-runtime';
import { MessageStream } from '@anthropic-ai/sdk/lib/MessageStream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { classifyBedrockError } from './bedrockErrors';
import type { BedrockAuth } from './config';
import type { ProviderProfile } from './failure';
import { awsProxyAgents, type ProxySettings } from './proxy';
import { bedrockBody } from './requestBody';
import { DEFAULT_RETRY, type RetryOptions } from './retry';
import { runStream } from './runStream';
import type { ModelMessage, ModelProvider, ModelRequest, StreamOptions } from './types';

export interface BedrockProviderOptions {
  region: string;
  /** ANTHROPIC_BEDROCK_BASE_URL: a gateway or a test server instead of bedrock-runtime.{region}.amazonaws.com. */
  baseURL?: string;
  auth: BedrockAuth;
  proxy?: ProxySettings;
  retry?: Partial<RetryOptions>;
  requestTimeoutMs: number;
}

const PROFILE: ProviderProfile = {
  label: 'Amazon Bedrock',
  authHint:
    'Check AWS_PROFILE (and run `aws sso login` if it uses SSO), your AWS access keys or AWS_BEARER_TOKEN_BEDROCK, and that the role may call bedrock:InvokeModelWithResponseStream on this model in AWS_REGION.',
  classify: classifyBedrockError,
};

/** No signature at all, for gateways that add their own credentials (CLAUDE_CODE_SKIP_BEDROCK_AUTH). */
const NO_AUTH_ID = 'smithy.api#noAuth';

function authConfig(auth: BedrockAuth): Partial<BedrockRuntimeClientConfig> {
  switch (auth.type) {
    case 'bearer':
      return { token: { token: auth.token }, authSchemePreference: ['httpBearerAuth'] };
    case 'static':
      return {
        credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: auth.secretAccessKey, ...(auth.sessionToken ? { sessionToken: auth.sessionToken } : {}) },
        authSchemePreference: ['sigv4'],
      };
    case 'chain':
      return { ...(auth.profile ? { profile: auth.profile } : {}), authSchemePreference: ['sigv4'] };
    case 'skip':
      return {
        httpAuthSchemeProvider: () => [{ schemeId: NO_AUTH_ID }],
        httpAuthSchemes: [{ schemeId: NO_AUTH_ID, identityProvider: () => async () => ({}), signer: { sign: async (request) => request } }],
      };
  }
}

/** Credentials that must never appear in an error message. */
function secretsOf(auth: BedrockAuth): string[] {
  if (auth.type === 'bearer') return [auth.token];
  if (auth.type === 'static') return [auth.secretAccessKey, ...(auth.sessionToken ? [auth.sessionToken] : [])];
  return [];
}

/** The decoded chunks as newline-delimited JSON, the format `MessageStream.fromReadableStream` reads. */
function eventLines(events: AsyncIterable<ResponseStream>): ReadableStream<Uint8Array> {
  const iterator = events[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) return controller.close();
        const bytes = value.chunk?.bytes;
        if (!bytes) continue;
        // Re-serialized so that each event is exactly one line.
        controller.enqueue(encoder.encode(`${JSON.stringify(JSON.parse(decoder.decode(bytes)))}\n`));
        return;
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

export class BedrockProvider implements ModelProvider {
  readonly name = 'bedrock' as const;
  private readonly client: BedrockRuntimeClient;
  private readonly retry: RetryOptions;

  constructor(private readonly options: BedrockProviderOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    const target = new URL(options.baseURL ?? `https://bedrock-runtime.${options.region}.amazonaws.com`);
    const agents = options.proxy ? awsProxyAgents(target, options.proxy) : undefined;
    this.client = new BedrockRuntimeClient({
      region: options.region,
      ...(options.baseURL ? { endpoint: options.baseURL } : {}),
      requestHandler: new NodeHttpHandler({ ...(agents ?? {}) }),
      // Retries are the shared policy's (runStream), not the SDK's.
      maxAttempts: 1,
      ...authConfig(options.auth),
    });
  }

  stream(request: ModelRequest, options: StreamOptions): Promise<ModelMessage> {
    return runStream({
      profile: PROFILE,
      open: async (signal) => {
        const command = new InvokeModelWithResponseStreamCommand({
          modelId: request.model,
          contentType: 'application/json',
          accept: 'application/json',
          body: new TextEncoder().encode(JSON.stringify(bedrockBody(request))),
        });
        const response = await this.client.send(command, { abortSignal: signal });
        if (!response.body) throw new Error('Bedrock answered without an event stream.');
        return MessageStream.fromReadableStream(eventLines(response.body));
      },
      stream: options,
      retry: this.retry,
      timeoutMs: this.options.requestTimeoutMs,
      credentials: { refresh: () => false, secrets: () => secretsOf(this.options.auth) },
    });
  }
}
