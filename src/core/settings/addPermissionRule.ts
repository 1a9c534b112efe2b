/**
 * "Always allow" (or deny, or ask): adds a rule to the workspace's `.claude/settings.local.json`
 * (personal, the default) or `.claude/settings.json` (shared), keeping the file's comments and
 * formatting. A malformed file is never rewritten: the person fixes it first.
 */
import { applyEdits, type FormattingOptions, modify } from 'jsonc-parser';
import path from 'node:path';
import { parseRuleText, type RuleList } from './rules';
import { analyzeSettingsText } from './analyzeSettings';
import { lstatIfExists, writeFileAtomic } from './atomicWrite';
import { formatDiagnostic } from './diagnostics';
import { SettingsWriteError } from './errors';
import { errnoCode, nodeSettingsFileSystem, type SettingsWriteFileSystem } from './fileSystem';
import { ensureGitIgnored, type GitIgnoreCheck } from './gitignore';
import { nodeAt, parseJsonDocument } from './jsonDocument';
import { projectSettingsPath } from './paths';

export interface AddPermissionRuleOptions {
  /** The workspace (project root) folder. */
  workspace: string;
  /** `local` (default): `.claude/settings.local.json`; `project`: `.claude/settings.json`. */
  scope?: 'local' | 'project';
  list: RuleList;
  rule: string;
  fs?: SettingsWriteFileSystem;
  /** How to ask git whether a path is ignored; defaults to running `git check-ignore`. */
  gitIgnoreCheck?: GitIgnoreCheck;
}

export interface AddPermissionRuleResult {
  file: string;
  /** False when the list already held the rule (nothing was written). */
  added: boolean;
  /** True when the settings file did not exist before. */
  createdFile: boolean;
  /** True when `.claude/settings.local.json` was appended to the workspace's .gitignore. */
  gitignoreUpdated: boolean;
}

export const LOCAL_SETTINGS_GITIGNORE_ENTRY = '.claude/settings.local.json';

/** Indentation and line ending of an existing file, so inserted lines look like their neighbours. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let smallest = Infinity;
  for (const line of text.split(/\r?\n/).slice(0, 200)) {
    const indent = /^([ \t]+)\S/.exec(line)?.[1];
    if (!indent) continue;
    if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
    smallest = Math.min(smallest, indent.length);
  }
  return { insertSpaces: true, tabSize: Number.isFinite(smallest) ? smallest : 2, eol };
}

/** Saves of the same file run one after another, so none is lost. */
const queues = new Map<string, Promise<unknown>>();
function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

function freshFile(list: RuleList, rule: string, prefix: string): string {
  return `${prefix}${JSON.stringify({ permissions: { [list]: [rule] } }, null, 2)}\n`;
}

/** The new text of an existing, valid file with the rule added; undefined when already present. */
function withRule(text: string, file: string, scope: 'local' | 'project', list: RuleList, rule: string): string | undefined {
  const analysis = analyzeSettingsText(text, file, scope);
  if (analysis.status === 'invalid') {
    const problems = analysis.diagnostics.filter((d) => d.severity === 'error').slice(0, 5).map((d) => `  ${formatDiagnostic(d)}`);
    throw new SettingsWriteError(
      'malformedFile',
      file,
      `AgentGate did not change ${file} because it has errors; fix them and try again:\n${problems.join('\n')}`,
    );
  }
  if (analysis.doc.empty) return freshFile(list, rule, text.trim() === '' ? '' : `${text.trimEnd()}\n`);
  const existing = nodeAt(analysis.doc.root, ['permissions', list]);
  if (existing?.type === 'array' && existing.children?.some((child) => typeof child.value === 'string' && child.value.trim() === rule)) {
    return undefined;
  }
  const formattingOptions = detectFormatting(analysis.doc.text);
  const edits =
    existing?.type === 'array'
      ? modify(analysis.doc.text, ['permissions', list, -1], rule, { isArrayInsertion: true, formattingOptions })
      : modify(analysis.doc.text, ['permissions', list], [rule], { formattingOptions });
  const updated = applyEdits(analysis.doc.text, edits);
  // The result must still be a valid settings file holding the rule, or nothing is written.
  const check = parseJsonDocument(updated);
  const saved = nodeAt(check.root, ['permissions', list]);
  if (check.syntaxError || !saved?.children?.some((child) => child.value === rule)) {
    throw new SettingsWriteError('io', file, `AgentGate could not add the rule to ${file} safely; the file was left unchanged. Add "${rule}" to "permissions.${list}" by hand.`);
  }
  return (text.startsWith('\uFEFF') ? '\uFEFF' : '') + updated;
}

export function addPermissionRule(options: AddPermissionRuleOptions): Promise<AddPermissionRuleResult> {
  const scope = options.scope ?? 'local';
  const workspace = path.resolve(options.workspace);
  const file = projectSettingsPath(workspace, scope);
  const rule = options.rule.trim();
  const parsed = parseRuleText(rule);
  if (!parsed.ok) return Promise.reject(new SettingsWriteError('invalidRule', file, `The rule was not saved: ${parsed.error}`));
  const fs = options.fs ?? nodeSettingsFileSystem;

  return serialized(file, async () => {
    const claudeDir = path.dirname(file);
    const dirInfo = await lstatIfExists(fs, claudeDir);
    if (dirInfo?.isSymbolicLink()) {
      throw new SettingsWriteError('symlink', file, `${claudeDir} is a symbolic link; AgentGate does not save rules through links, which could change settings outside this workspace. Replace it with a real folder.`);
    }
    if (dirInfo && !dirInfo.isDirectory()) {
      throw new SettingsWriteError('io', file, `${claudeDir} is a file, but it should be a folder. Rename it and try again.`);
    }
    const fileInfo = dirInfo ? await lstatIfExists(fs, file) : undefined;
    if (fileInfo?.isSymbolicLink()) {
      throw new SettingsWriteError('symlink', file, `${file} is a symbolic link; AgentGate does not save rules through links. Replace it with a regular file.`);
    }
    let text: string | undefined;
    if (fileInfo) {
      try {
        text = await fs.readFile(file);
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') {
          throw new SettingsWriteError('io', file, `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
        }
      }
    }
    const updated = text === undefined ? freshFile(options.list, rule, '') : withRule(text, file, scope, options.list, rule);
    const createdFile = text === undefined;
    if (updated === undefined) return { file, added: false, createdFile, gitignoreUpdated: false };

    let gitignoreUpdated = false;
    if (createdFile && scope === 'local') {
      gitignoreUpdated = await ensureGitIgnored(workspace, LOCAL_SETTINGS_GITIGNORE_ENTRY, fs, options.gitIgnoreCheck);
    }
    if (!dirInfo) {
      try {
        await fs.mkdir(claudeDir);
      } catch (error) {
        throw new SettingsWriteError('io', file, `Could not create ${claudeDir}: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
      }
    }
    await writeFileAtomic(fs, file, updated);
    return { file, added: true, createdFile, gitignoreUpdated };
  });
}
