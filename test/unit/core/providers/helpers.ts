/** Shared pieces of the provider tests: requests, event collection, tiny retry delays, helper scripts. */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RetryInfo, RetryOptions } from '../../../../src/core/providers/retry';
import type { ModelRequest, StreamEvent, StreamOptions } from '../../../../src/core/providers/types';

export function request(model: string, overrides: Partial<ModelRequest> = {}): ModelRequest {
  return {
    model,
    system: [{ type: 'text', text: 'You are a careful coding agent.', cache_control: { type: 'ephemeral' } }],
    messages: [{ role: 'user', content: [{ type: 'text', text: 'Read a.txt', cache_control: { type: 'ephemeral' } }] }],
    tools: [
      {
        name: 'Read',
        description: 'Reads a file',
        input_schema: { type: 'object', properties: { file_path: { type: 'string' } }, required: ['file_path'] },
        cache_control: { type: 'ephemeral' },
      },
    ],
    maxTokens: 1024,
    ...overrides,
  };
}

export interface Collected extends StreamOptions {
  events: StreamEvent[];
  retries: RetryInfo[];
  controller: AbortController;
}

/** Stream options that record the events; `onFirst` runs after the first event (e.g. to abort). */
export function collect(onEventHook?: (event: StreamEvent, controller: AbortController) => void): Collected {
  const controller = new AbortController();
  const events: StreamEvent[] = [];
  return {
    signal: controller.signal,
    controller,
    events,
    retries: [],
    onEvent(event) {
      events.push(event);
      onEventHook?.(event, controller);
    },
  };
}

/** Retry options with delays of a few milliseconds, recording every retry into `into`. */
export function fastRetry(into: RetryInfo[], overrides: Partial<RetryOptions> = {}): Partial<RetryOptions> {
  return { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 4, retryAfterCapMs: 5, onRetry: (info) => into.push(info), ...overrides };
}

export interface HelperScript {
  command: string;
  dir: string;
  /** How many times the script ran. */
  runs(): number;
  cleanup(): void;
}

/**
 * A real apiKeyHelper script that counts its runs in a file and prints `${prefix}${n}` (or exits
 * with `exitCode` after printing, when given).
 */
export function helperScript(prefix: string, options: { exitCode?: number } = {}): HelperScript {
  const dir = mkdtempSync(path.join(tmpdir(), 'agentgate-helper-'));
  const counter = path.join(dir, 'count');
  const script = path.join(dir, 'helper.sh');
  writeFileSync(counter, '0');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      `n=$(cat "${counter}")`,
      'n=$((n + 1))',
      `echo "$n" > "${counter}"`,
      `echo "${prefix}$n"`,
      `exit ${options.exitCode ?? 0}`,
      '',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  return {
    command: `'${script}'`,
    dir,
    runs: () => Number(readFileSync(counter, 'utf8').trim()),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const TEXT_OF = (message: { content: { type: string; text?: string }[] }): string =>
  message.content.map((block) => (block.type === 'text' ? (block.text ?? '') : '')).join('');
