import { resolveMode, type ModeState } from './modes';
import { compilePathPattern, type CompiledPathPattern } from './pathRules';
import { expandHome, folderForms } from './paths';
import type { ParsedRule } from './rules';
import { ruleSetOf, type RuleSet } from './ruleSet';
import type { PermissionContext } from './types';

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

/** Working directories: the workspace folders plus `permissions.additionalDirectories`. */
export function workingDirectories(ctx: PermissionContext): string[] {
  const dirs = [
    ...ctx.workspaceFolders,
    ...ctx.settings.permissions.additionalDirectories.map((d) => expandHome(d.value, ctx.home)),
  ];
  return [...new Set(dirs.flatMap(folderForms))];
}

export function buildEnv(ctx: PermissionContext): EvalEnv {
  const compiled = new Map<ParsedRule, CompiledPathPattern>();
  return {
    ctx,
    rules: ruleSetOf(ctx.settings),
    mode: resolveMode(ctx),
    workDirs: workingDirectories(ctx),
    pattern(rule) {
      let pattern = compiled.get(rule);
      if (!pattern) {
        pattern = compilePathPattern(rule.specifier, { cwd: ctx.cwd, home: ctx.home, root: rule.source.root });
        compiled.set(rule, pattern);
      }
      return pattern;
    },
  };
}
