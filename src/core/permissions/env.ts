import { resolveMode, type ModeState } from './modes';
import { compilePathPattern, type CompiledPathPattern } from './pathRules';
import { expandHome, folderForms } from './paths';
import type { PermissionContext } from './types';
import type { ParsedRule, RuleSet } from '../settings/types';

/** Everything one decision needs, computed once per request. */
export interface EvalEnv {
  ctx: PermissionContext;
  rules: RuleSet;
  mode: ModeState;
  /** Workspace folders and additionalDirectories, each as written and where it really is. */
  workDirs: string[];
  /** The compiled Read/Edit pattern of a rule that has a specifier. */
  pattern(rule: ParsedRule & { specifier: string }): CompiledPathPattern;
}

/*
 * Compiled patterns and working folders are kept for as long as the settings object they came
 * from (settings are reloaded as a new object when a file changes): compiling a pattern resolves
 * its base folder on disk, which would otherwise happen for every rule on every decision.
 */
const compiledPatterns = new WeakMap<ParsedRule, Map<string, CompiledPathPattern>>();
const workDirCache = new WeakMap<PermissionContext['settings']['permissions'], Map<string, string[]>>();

/** Working directories: the workspace folders plus `permissions.additionalDirectories`. */
export function workingDirectories(ctx: PermissionContext): string[] {
  const key = JSON.stringify([ctx.workspaceFolders, ctx.home]);
  let byKey = workDirCache.get(ctx.settings.permissions);
  const cached = byKey?.get(key);
  if (cached) return cached;
  const dirs = [
    ...ctx.workspaceFolders,
    ...ctx.settings.permissions.additionalDirectories.map((d) => expandHome(d.value, ctx.home)),
  ];
  const forms = [...new Set(dirs.flatMap(folderForms))];
  if (!byKey) workDirCache.set(ctx.settings.permissions, (byKey = new Map()));
  byKey.set(key, forms);
  return forms;
}

function compiledPattern(rule: ParsedRule & { specifier: string }, ctx: PermissionContext, key: string): CompiledPathPattern {
  let byBases = compiledPatterns.get(rule);
  let pattern = byBases?.get(key);
  if (!pattern) {
    pattern = compilePathPattern(rule.specifier, { cwd: ctx.cwd, home: ctx.home, root: rule.source.root });
    if (!byBases) compiledPatterns.set(rule, (byBases = new Map()));
    byBases.set(key, pattern);
  }
  return pattern;
}

export function buildEnv(ctx: PermissionContext): EvalEnv {
  const key = `${ctx.cwd}\0${ctx.home}`;
  return {
    ctx,
    rules: ctx.settings.rules,
    mode: resolveMode(ctx),
    workDirs: workingDirectories(ctx),
    pattern: (rule) => compiledPattern(rule, ctx, key),
  };
}
