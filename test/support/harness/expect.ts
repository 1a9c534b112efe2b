/** Waiting assertions for Playwright locators (playwright-core has no `expect`). */
import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Locator } from 'playwright-core';

const DEFAULT_TIMEOUT_MS = 20_000;

/** Polls `read` until `check` accepts its value; fails with the last value seen. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (performance.now() < deadline) {
    try {
      last = await read();
      if (check(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await sleep(100);
  }
  const seen = last === undefined ? `nothing (${String(lastError)})` : JSON.stringify(last);
  return assert.fail(`timed out after ${timeoutMs / 1000} s waiting for ${what}; last saw ${seen}`);
}

/** Waits until the locator's visible text matches `expected`. */
export function expectText(locator: Locator, expected: string | RegExp, timeoutMs?: number): Promise<string> {
  const matches = (text: string) => (typeof expected === 'string' ? text === expected : expected.test(text));
  return eventually(() => locator.innerText({ timeout: 1_000 }), matches, `text ${String(expected)} in ${locator.toString()}`, timeoutMs);
}

/** Waits until the locator's attribute has the value `expected`. */
export function expectAttribute(locator: Locator, name: string, expected: string, timeoutMs?: number): Promise<string | null> {
  return eventually(
    () => locator.getAttribute(name, { timeout: 1_000 }),
    (value) => value === expected,
    `${name}="${expected}" on ${locator.toString()}`,
    timeoutMs,
  );
}
