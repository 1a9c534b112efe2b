/**
 * The extension host's test entry (`extensionTestsPath`): runs every bundled *.test.js next to
 * this file with mocha and rejects when a test fails. `AGENTGATE_MOCHA_GREP` narrows the run.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type Mocha from 'mocha';
import * as mochaModule from 'mocha';
import { START_MARKER } from '../support/harness/integrationOutput';

type MochaClass = typeof Mocha;

/** mocha is an ES module with a default export; `require` returns it unwrapped or not depending on Node. */
function mochaClass(): MochaClass {
  let candidate: unknown = mochaModule;
  while (typeof candidate === 'object' && candidate !== null && 'default' in candidate) {
    candidate = (candidate as { default: unknown }).default;
  }
  return candidate as MochaClass;
}

export async function run(): Promise<void> {
  const MochaRunner = mochaClass();
  const mocha = new MochaRunner({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 30_000,
    slow: 5_000,
    grep: process.env.AGENTGATE_MOCHA_GREP || undefined,
  });
  const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  console.log(START_MARKER);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
