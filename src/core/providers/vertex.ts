/**
 * Claude through Google Vertex AI (`:streamRawPredict`, SSE) with @anthropic-ai/vertex-sdk.
 * AnthropicVertex looks Google credentials up eagerly when it is constructed without an
 * `authClient`, which ends in an unhandled rejection when there are none; so the client is built
 * on first use, with an auth client that is either injected, a no-op (skip-auth gateways), or
 * application default credentials resolved here where a failure becomes a clear error.
 */
import { AnthropicVertex } from '@anthropic-ai/vertex-sdk';
import { GoogleAuth, type AuthClient } from 'google-auth-library';
import { classifyAnthropicError } from './anthropicErrors';
import type { ProviderProfile } from './failure';
import { anthropicFetchOptions, type ProxySettings } from './proxy';
import { messageParams, VERTEX_ANTHROPIC_VERSION } from './requestBody';
import { DEFAULT_RETRY, type RetryOptions } from './retry';
import { runStream } from './runStream';
import { ProviderError, type ModelMessage, type ModelProvider, type ModelRequest, type StreamOptions } from './types';

/** The part of a google-auth-library AuthClient that AnthropicVertex uses. */
export interface GoogleAuthClient {
  getRequestHeaders(): Promise<Headers>;
  projectId?: string | null;
}

export interface VertexProviderOptions {
  projectId: string;
  region: string;
  /** ANTHROPIC_VERTEX_BASE_URL; default https://{region}-aiplatform.googleapis.com/v1. */
  baseURL?: string;
  /** CLAUDE_CODE_SKIP_VERTEX_AUTH: send no Google credentials. */
  skipAuth?: boolean;
  /** Injected credentials (tests, or a host that has its own); otherwise application default credentials. */
  authClient?: GoogleAuthClient;
  /** GOOGLE_APPLICATION_CREDENTIALS from the merged environment. */
  credentialsFile?: string;
  proxy?: ProxySettings;
  retry?: Partial<RetryOptions>;
  requestTimeoutMs: number;
}

const PROFILE: ProviderProfile = {
  label: 'Google Vertex AI',
  authHint:
    'Run `gcloud auth application-default login` (or set GOOGLE_APPLICATION_CREDENTIALS), check ANTHROPIC_VERTEX_PROJECT_ID and CLOUD_ML_REGION, and that the Claude model is enabled for the project in Model Garden.',
  classify: classifyAnthropicError,
};

const NO_AUTH: GoogleAuthClient = { getRequestHeaders: () => Promise.resolve(new Headers()), projectId: null };

async function applicationDefaultCredentials(credentialsFile: string | undefined): Promise<GoogleAuthClient> {
  try {
    const auth = new GoogleAuth({
      scopes: 'https://www.googleapis.com/auth/cloud-platform',
      ...(credentialsFile ? { keyFilename: credentialsFile } : {}),
    });
    return await auth.getClient();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ProviderError(
      'auth',
      `No usable Google credentials (${reason}). Run \`gcloud auth application-default login\`, or set GOOGLE_APPLICATION_CREDENTIALS to a service account key file; behind a gateway that adds credentials, set CLAUDE_CODE_SKIP_VERTEX_AUTH=1.`,
    );
  }
}

export class VertexProvider implements ModelProvider {
  readonly name = 'vertex' as const;
  private client: Promise<AnthropicVertex> | undefined;
  private readonly retry: RetryOptions;

  constructor(private readonly options: VertexProviderOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  private async createClient(): Promise<AnthropicVertex> {
    const { options } = this;
    const authClient = options.authClient ?? (options.skipAuth ? NO_AUTH : await applicationDefaultCredentials(options.credentialsFile));
    const fetchOptions = anthropicFetchOptions(options.proxy ?? {});
    return new AnthropicVertex({
      region: options.region,
      projectId: options.projectId,
      // The SDK would otherwise read ANTHROPIC_VERTEX_BASE_URL from process.env.
      baseURL: options.baseURL ?? defaultBaseURL(options.region),
      // The adapter copies this header into the body as `anthropic_version` (and drops the header).
      defaultHeaders: { 'anthropic-version': VERTEX_ANTHROPIC_VERSION },
      // Structurally what AnthropicVertex calls; the full AuthClient class is not needed.
      authClient: authClient as AuthClient,
      maxRetries: 0,
      timeout: options.requestTimeoutMs,
      logLevel: 'off',
      ...(fetchOptions ? { fetchOptions } : {}),
    });
  }

  /** The client, created once; a failed creation (no credentials) is retried on the next request. */
  private getClient(): Promise<AnthropicVertex> {
    if (!this.client) {
      const creating = this.createClient();
      this.client = creating;
      creating.catch(() => {
        if (this.client === creating) this.client = undefined;
      });
    }
    return this.client;
  }

  stream(request: ModelRequest, options: StreamOptions): Promise<ModelMessage> {
    return runStream({
      profile: PROFILE,
      open: async (signal) => (await this.getClient()).messages.stream(messageParams(request), { signal }),
      stream: options,
      retry: this.retry,
      timeoutMs: this.options.requestTimeoutMs,
    });
  }
}

function defaultBaseURL(region: string): string {
  switch (region) {
    case 'global':
      return 'https://aiplatform.googleapis.com/v1';
    case 'us':
      return 'https://aiplatform.us.rep.googleapis.com/v1';
    case 'eu':
      return 'https://aiplatform.eu.rep.googleapis.com/v1';
    default:
      return `https://${region}-aiplatform.googleapis.com/v1`;
  }
}
