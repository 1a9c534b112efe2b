/**
 * Classifies AWS SDK errors from InvokeModelWithResponseStream: HTTP errors thrown by `send`,
 * exception frames thrown while reading the event stream (possibly wrapped by the Anthropic
 * accumulator), credential-chain failures and transport errors.
 */
import { kindForStatus } from './anthropicErrors';
import { errorText, findProviderError, type AttemptFailure } from './failure';
import { parseRetryAfter } from './retry';
import type { ProviderErrorKind } from './types';

interface AwsLikeError {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
  originalStatusCode?: number;
  originalMessage?: string;
}

const BY_NAME: Record<string, ProviderErrorKind> = {
  ThrottlingException: 'rateLimited',
  ServiceQuotaExceededException: 'request',
  ServiceUnavailableException: 'overloaded',
  ModelNotReadyException: 'overloaded',
  InternalServerException: 'server',
  ModelTimeoutException: 'network',
  ValidationException: 'request',
  ResourceNotFoundException: 'request',
  ModelErrorException: 'server',
  AccessDeniedException: 'auth',
  UnrecognizedClientException: 'auth',
  InvalidSignatureException: 'auth',
  ExpiredTokenException: 'auth',
  IncompleteSignatureException: 'auth',
  CredentialsProviderError: 'auth',
  TokenProviderError: 'auth',
};

const NO_CREDENTIALS_DETAIL =
  'no AWS credentials were found (checked the environment, AWS_PROFILE / shared config, SSO and instance roles)';

/** The AWS error inside `error`: itself, or the cause the Anthropic accumulator wrapped it in. */
function awsError(error: unknown): AwsLikeError | undefined {
  const seen = new Set<unknown>();
  let current = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const candidate = current as unknown as AwsLikeError;
    if (candidate.$metadata !== undefined || candidate.name in BY_NAME) return candidate;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function statusOf(error: AwsLikeError): number | undefined {
  return error.$metadata?.httpStatusCode ?? error.$response?.statusCode;
}

export function classifyBedrockError(error: unknown): AttemptFailure {
  const known = findProviderError(error);
  if (known) return { kind: known.kind, error: known };
  const aws = awsError(error);
  if (!aws) return { kind: 'network', detail: errorText(error) };

  const status = statusOf(aws);
  // A 200 whose body broke while being read (a dropped connection) is a transport problem.
  let kind: ProviderErrorKind = BY_NAME[aws.name] ?? (status !== undefined && status >= 400 ? kindForStatus(status) : 'network');
  if (aws.name === 'ModelStreamErrorException' && aws.originalStatusCode !== undefined) {
    kind = kindForStatus(aws.originalStatusCode);
  } else if (aws.name === 'ModelStreamErrorException') {
    kind = 'server';
  }
  const firstLine = aws.message.split('\n')[0]?.trim() ?? '';
  const detail = aws.name === 'CredentialsProviderError' ? NO_CREDENTIALS_DETAIL : aws.name === 'Error' ? firstLine : `${aws.name}: ${firstLine}`;
  const failure: AttemptFailure = { kind, detail };
  if (status !== undefined && status >= 400) failure.status = status;
  const headers = aws.$response?.headers;
  if (headers) {
    const retryAfterMs = parseRetryAfter((name) => headers[name] ?? headers[name.toLowerCase()]);
    if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
  }
  return failure;
}
