/**
 * Validates the text of one settings file: the schema, rule syntax, keys AgentGate does not know
 * (kept, reported as warnings) and keys that only count at another level.
 */
import { analyzeJson, type JsonAnalysis } from './analyzeJson';
import { diagnosticAt, sortByPosition } from './diagnostics';
import { SETTINGS_EXPECTATIONS } from './issueMessages';
import { type JsonDocument, positionAt, propertiesOf, propertyNode } from './jsonDocument';
import { KNOWN_PERMISSION_KEYS, KNOWN_TOP_LEVEL_KEYS, settingsFileSchema, UNSUPPORTED_CLAUDE_CODE_KEYS } from './schema';
import { closestMatch } from './suggest';
import type { Diagnostic, SettingsLevel } from './types';

const SETTINGS_RECORDS: ReadonlySet<string> = new Set(['env']);

export function analyzeSettingsText(text: string, file: string, level: SettingsLevel): JsonAnalysis {
  const analysis = analyzeJson(text, file, {
    schema: settingsFileSchema,
    expectations: SETTINGS_EXPECTATIONS,
    records: SETTINGS_RECORDS,
    emptyError:
      level === 'managed'
        ? 'The managed policy file is empty. Write the policy as a JSON object, or write {} for no policy.'
        : undefined,
  });
  if (analysis.structured) {
    analysis.diagnostics.push(...keyNotices(analysis.doc, file, level));
    sortByPosition(analysis.diagnostics);
  }
  return analysis;
}

function keyNotices(doc: JsonDocument, file: string, level: SettingsLevel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (prefix: string, object: typeof doc.root, known: ReadonlySet<string>): void => {
    for (const { key, keyNode } of propertiesOf(object)) {
      if (known.has(key)) continue;
      const name = prefix + key;
      const at = positionAt(doc, keyNode.offset);
      const where = `at line ${at.line}, column ${at.column}`;
      if (prefix === '' && UNSUPPORTED_CLAUDE_CODE_KEYS.has(key)) {
        const message = `Setting "${name}" ${where} is a Claude Code setting that AgentGate does not support; AgentGate ignores it.`;
        out.push(diagnosticAt('info', file, doc, keyNode, message));
        continue;
      }
      const suggestion = closestMatch(key, known);
      const advice = suggestion
        ? `Did you mean "${prefix}${suggestion}"?`
        : 'It may be meant for a newer tool; remove it if it is a typo.';
      const message = `Unknown setting "${name}" ${where}: AgentGate ignores it. ${advice}`;
      out.push(diagnosticAt('warning', file, doc, keyNode, message));
    }
  };
  check('', doc.root, KNOWN_TOP_LEVEL_KEYS);
  const permissions = propertyNode(doc.root, 'permissions')?.children?.[1];
  if (permissions?.type === 'object') check('permissions.', permissions, KNOWN_PERMISSION_KEYS);
  if (level !== 'managed') {
    const allowed = propertyNode(doc.root, 'allowedMcpServers');
    if (allowed) {
      const message = '"allowedMcpServers" only takes effect in the managed policy file; AgentGate ignores it here. Use "deniedMcpServers" or "disabledMcpjsonServers" to block servers.';
      out.push(diagnosticAt('warning', file, doc, allowed.children?.[0], message));
    }
  }
  return out;
}
