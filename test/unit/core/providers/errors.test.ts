import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APIConnectionError, APIError } from '@anthropic-ai/sdk';
import { classifyAnthropicError, kindForStatus } from '../../../../src/core/providers/anthropicErrors';
import { classifyBedrockError } from '../../../../src/core/providers/bedrockErrors';
import { failureMessage, type ProviderProfile } from '../../../../src/core/providers/failure';
import { ProviderError } from '../../../../src/core/providers/types';

function awsError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  const error = new Error(message);
  error.name = name;
  return Object.assign(error, extra);
}

const PROFILE: ProviderProfile = { label: 'the Anthropic API', authHint: 'Check the key.', classify: classifyAnthropicError };

describe('error classification', () => {
  it('maps HTTP statuses to kinds', () => {
    assert.deepEqual(
      [401, 403, 429, 529, 500, 503, 408, 400, 404, 413].map(kindForStatus),
      ['auth', 'auth', 'rateLimited', 'overloaded', 'server', 'server', 'network', 'request', 'request', 'request'],
    );
  });

  it('passes a ProviderError wrapped by the SDK through unchanged', () => {
    const inner = new ProviderError('auth', 'helper failed');
    const wrapped = new Error('The `apiKey` function failed: helper failed', { cause: inner });
    assert.equal(classifyAnthropicError(wrapped).error, inner);
    assert.equal(classifyBedrockError(wrapped).error, inner);
  });

  it('reads in-stream error types and connection causes from Anthropic SDK errors', () => {
    const streamed = new APIError(undefined, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, undefined, undefined, 'overloaded_error');
    assert.deepEqual(classifyAnthropicError(streamed), { kind: 'overloaded', detail: 'Overloaded' });
    const refused = new APIConnectionError({ cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    const failure = classifyAnthropicError(refused);
    assert.equal(failure.kind, 'network');
    assert.match(failure.detail ?? '', /ECONNREFUSED/);
  });

  it('classifies Bedrock exceptions, including wrapped stream exceptions', () => {
    assert.equal(classifyBedrockError(awsError('ThrottlingException', 'slow down', { $metadata: { httpStatusCode: 429 } })).kind, 'rateLimited');
    assert.equal(classifyBedrockError(awsError('ServiceUnavailableException', 'busy', { $metadata: { httpStatusCode: 503 } })).kind, 'overloaded');
    const overloaded = awsError('ModelStreamErrorException', 'Model stream error', { $metadata: {}, originalStatusCode: 529 });
    assert.equal(classifyBedrockError(new Error('wrapped', { cause: overloaded })).kind, 'overloaded');
    assert.equal(classifyBedrockError(awsError('AccessDeniedException', 'no', { $metadata: { httpStatusCode: 403 } })).kind, 'auth');
    assert.equal(classifyBedrockError(awsError('ValidationException', 'bad', { $metadata: { httpStatusCode: 400 } })).kind, 'request');
  });

  it('explains a missing AWS credential chain', () => {
    const failure = classifyBedrockError(awsError('CredentialsProviderError', 'Could not load credentials from any providers'));
    assert.equal(failure.kind, 'auth');
    assert.match(failure.detail ?? '', /no AWS credentials were found/);
  });

  it('writes messages that say what happened and what to do', () => {
    assert.equal(
      failureMessage(PROFILE, { kind: 'overloaded', status: 529, detail: 'Overloaded' }, 3),
      'The Anthropic API is overloaded (HTTP 529) after 3 attempts: Overloaded. Try again in a few minutes.',
    );
    assert.equal(failureMessage(PROFILE, { kind: 'auth', status: 401, detail: 'invalid x-api-key' }, 1), 'The Anthropic API refused the credentials (HTTP 401): invalid x-api-key. Check the key.');
  });
});
