/**
 * Shared fixtures for the permission engine tests: a real temporary folder tree (workspace, a
 * look-alike `w_evil`, an outside folder, symbolic links) and settings built in memory.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BashDecisionInput } from '../../../../src/core/permissions/bash/types';
import { PermissionEngine } from '../../../../src/core/permissions/engine';
import type { Decision, DecisionKind, PermissionContext } from '../../../../src/core/permissions/types';
import { ruleSetOf } from '../../../../src/core/settings/rules';
import type { EffectiveSettings, PermissionMode, SettingsLevel, Source, Sourced } from '../../../../src/core/settings/types';

export type RuleEntry = string | [SettingsLevel, string];

export interface SettingsOptions {
  allow?: RuleEntry[];
  ask?: RuleEntry[];
  deny?: RuleEntry[];
  additionalDirectories?: string[];
  disableBypass?: SettingsLevel;
  managedFailure?: boolean;
}

export const MANAGED_FILE = '/etc/claude-code/managed-settings.json';

export class Sandbox {
  readonly home: string;
  readonly ws: string;
  readonly evil: string;
  readonly outside: string;
  readonly extra: string;

  private constructor(readonly root: string) {
    this.home = path.join(root, 'home');
    this.ws = path.join(root, 'w');
    this.evil = path.join(root, 'w_evil');
    this.outside = path.join(root, 'outside');
    this.extra = path.join(root, 'extra');
  }

  static async create(): Promise<Sandbox> {
    const root = await realpath(await mkdtemp(path.join(tmpdir(), 'agentgate-perm-')));
    const box = new Sandbox(root);
    for (const dir of ['home', 'w/src/lib', 'w/.vscode', 'w/.git/hooks', 'w/.husky', 'w/.claude', 'w/docs', 'w_evil', 'outside/deep', 'extra']) {
      await mkdir(path.join(root, dir), { recursive: true });
    }
    const files = ['w/src/a.ts', 'w/src/lib/b.ts', 'w/.env', 'w/src/.env', 'w/README.md', 'w_evil/x.ts', 'outside/secret.txt', 'outside/deep/key.pem', 'extra/notes.md', 'w/.vscode/settings.json', 'home/.bashrc'];
    for (const file of files) await writeFile(path.join(root, file), 'x\n');
    const link = (target: string, at: string) => symlink(path.join(root, target), path.join(root, at));
    await link('outside', 'w/link-out');
    await link('outside/secret.txt', 'w/link-file');
    await link('outside/new.txt', 'w/dangling');
    await link('w/.git/hooks', 'w/src/hooks-link');
    await link('w/src', 'w/link-in');
    await link('w/.vscode/tasks.json', 'w/tasks-link');
    await symlink('../../outside', path.join(root, 'w/src/rel-out'));
    return box;
  }

  async dispose(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }

  /**
   * Replaces placeholders with the sandbox's absolute paths: `{w}` workspace, `{evil}` the
   * look-alike `w_evil`, `{out}` the outside folder, `{home}`, `{extra}`, `{root}`. Absolute rules
   * are written `Read(/{out}/**)`, which expands to `Read(//tmp/.../outside/**)`.
   */
  expand<T>(value: T): T {
    if (typeof value === 'string') {
      return value.replace(/\{(w|evil|out|home|extra|root)\}/g, (_m, key: string) => this.placeholder(key)) as T;
    }
    if (Array.isArray(value)) return value.map((v: unknown) => this.expand(v)) as T;
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.expand(v)])) as T;
    }
    return value;
  }

  private placeholder(key: string): string {
    const map: Record<string, string> = { w: this.ws, evil: this.evil, out: this.outside, home: this.home, extra: this.extra, root: this.root };
    return map[key];
  }

  /** Absolute path inside the workspace. */
  w(...parts: string[]): string {
    return path.join(this.ws, ...parts);
  }

  sourceFor(level: SettingsLevel, line = 3): Source {
    const position = { line, column: 5 };
    switch (level) {
      case 'managed':
        return { level, file: MANAGED_FILE, position, root: '/' };
      case 'cli':
        return { level, file: '<command line>', root: this.ws };
      case 'local':
        return { level, file: this.w('.claude', 'settings.local.json'), position, root: this.ws };
      case 'project':
        return { level, file: this.w('.claude', 'settings.json'), position, root: this.ws };
      case 'user':
        return { level, file: path.join(this.home, '.claude', 'settings.json'), position, root: this.home };
    }
  }

  settings(options: SettingsOptions = {}): EffectiveSettings {
    const sourced = (entries: RuleEntry[] = []): Sourced<string>[] =>
      entries.map((entry, index) => {
        const [level, value] = typeof entry === 'string' ? (['project', entry] as const) : entry;
        return { value, source: this.sourceFor(level, index + 3) };
      });
    const permissions: EffectiveSettings['permissions'] = {
      allow: sourced(options.allow),
      ask: sourced(options.ask),
      deny: sourced(options.deny),
      additionalDirectories: (options.additionalDirectories ?? []).map((value) => ({ value, source: this.sourceFor('user') })),
      disableBypassPermissionsMode: options.disableBypass ? { value: 'disable', source: this.sourceFor(options.disableBypass, 2) } : undefined,
    };
    return {
      permissions,
      rules: ruleSetOf(permissions),
      env: {},
      enabledMcpjsonServers: [],
      disabledMcpjsonServers: [],
      deniedMcpServers: [],
      managedFailure: options.managedFailure ? { file: MANAGED_FILE, message: 'Unexpected token at 1:1.' } : undefined,
      trusted: true,
      files: [],
      diagnostics: [],
    };
  }

  ctx(options: SettingsOptions = {}, mode: PermissionMode = 'default', cwd = this.ws): PermissionContext {
    return { cwd, workspaceFolders: [this.ws], home: this.home, settings: this.settings(options), mode };
  }
}

/** A shell analysis stand-in for tests that must not reach it. */
export const unreachableBash = async (input: BashDecisionInput): Promise<Decision> => {
  throw new Error(`The shell analysis was called unexpectedly for ${input.command}`);
};

export const engineWithoutBash = new PermissionEngine(unreachableBash);

export interface Case {
  name: string;
  tool: string;
  input: Record<string, unknown>;
  options?: SettingsOptions;
  mode?: PermissionMode;
  expect: DecisionKind;
  /** Text the reason must contain. */
  reason?: string | RegExp;
  /** The rule that must have decided (null: no rule). */
  rule?: string | null;
}

export function reasonMatches(reason: string, expected: string | RegExp | undefined): boolean {
  if (expected === undefined) return true;
  return typeof expected === 'string' ? reason.includes(expected) : expected.test(reason);
}

/** Runs a table of cases against one sandbox, each case as its own test. */
export function runCases(title: string, cases: Case[], engine: PermissionEngine = engineWithoutBash): void {
  describe(title, () => {
    let box: Sandbox;
    before(async () => {
      box = await Sandbox.create();
    });
    after(async () => {
      await box.dispose();
    });
    for (const c of cases) {
      it(`${c.name} → ${c.expect}`, async () => {
        const ctx = box.ctx(box.expand(c.options ?? {}), c.mode ?? 'default');
        const decision = await engine.decide({ tool: c.tool, input: box.expand(c.input) }, ctx);
        assert.equal(decision.decision, c.expect, `reason: ${decision.reason}`);
        assert.ok(decision.reason.length > 0);
        assert.ok(reasonMatches(decision.reason, c.reason), `reason "${decision.reason}" should match ${String(c.reason)}`);
        if (c.rule !== undefined) assert.equal(decision.rule, c.rule === null ? null : box.expand(c.rule));
      });
    }
  });
}
