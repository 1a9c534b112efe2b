/**
 * Checks a JSONC text against a zod schema and reports every problem with its line and column:
 * syntax errors (the first one), a root that is not an object, schema violations and duplicate
 * keys. Shared by settings files and `.mcp.json`.
 */
import type { Node } from 'jsonc-parser';
import type { z } from 'zod';
import { diagnosticAt } from './diagnostics';
import { type Expectation, issueMessage } from './issueMessages';
import { describeNode, type JsonDocument, parseJsonDocument, positionAt, propertiesOf, syntaxErrorMessage, valueOf } from './jsonDocument';
import type { Diagnostic } from './types';

export interface JsonSpec {
  schema: z.ZodType;
  expectations: Record<string, Expectation>;
  /** Path patterns whose keys are free-form names (see pathPattern). */
  records: ReadonlySet<string>;
  /** How to describe an empty file. Undefined: an empty file reads as {} with a warning. */
  emptyError?: string;
}

export interface JsonAnalysis {
  status: 'loaded' | 'invalid';
  doc: JsonDocument;
  diagnostics: Diagnostic[];
  /**
   * True when the text parsed into an object, so its structure is known even if some values are
   * wrong. False for syntax errors, empty files and non-object roots.
   */
  structured: boolean;
}

/** Larger files are refused: no settings file is anywhere near this. */
export const MAX_SETTINGS_FILE_CHARS = 5_000_000;

export function analyzeJson(text: string, file: string, spec: JsonSpec): JsonAnalysis {
  if (text.length > MAX_SETTINGS_FILE_CHARS) {
    const doc = parseJsonDocument('');
    const message = `The file is larger than ${MAX_SETTINGS_FILE_CHARS} characters, which no settings file needs. Check that this is the right file.`;
    return { status: 'invalid', doc, diagnostics: [{ severity: 'error', file, message }], structured: false };
  }
  const doc = parseJsonDocument(text);
  if (doc.empty) {
    if (spec.emptyError) {
      return { status: 'invalid', doc, diagnostics: [{ severity: 'error', file, message: spec.emptyError }], structured: false };
    }
    const message = 'The file is empty; AgentGate reads it as {}. Write {} to silence this warning.';
    return { status: 'loaded', doc, diagnostics: [{ severity: 'warning', file, message }], structured: false };
  }
  if (doc.syntaxError) {
    const position = positionAt(doc, doc.syntaxError.offset);
    const message = syntaxErrorMessage(doc, doc.syntaxError);
    return { status: 'invalid', doc, diagnostics: [{ severity: 'error', file, position, message }], structured: false };
  }
  const root = doc.root;
  if (root?.type !== 'object') {
    const message = `The file must contain one JSON object { ... }, but it contains ${describeNode(root)}. Put the settings inside { }.`;
    return { status: 'invalid', doc, diagnostics: [diagnosticAt('error', file, doc, root, message)], structured: false };
  }
  const diagnostics: Diagnostic[] = [];
  const result = spec.schema.safeParse(valueOf(root));
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const { node, message } = issueMessage(root, issue, spec.expectations, spec.records);
      const key = `${node?.offset ?? -1}:${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(diagnosticAt('error', file, doc, node, message));
    }
  }
  diagnostics.push(...duplicateKeyWarnings(doc, root, file));
  return { status: result.success ? 'loaded' : 'invalid', doc, diagnostics, structured: true };
}

/** Duplicate keys are legal JSON, but only the last one counts: point at the ones that do not. */
function duplicateKeyWarnings(doc: JsonDocument, node: Node, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (current: Node): void => {
    if (current.type === 'object') {
      const properties = propertiesOf(current);
      properties.forEach((property, i) => {
        const later = properties.slice(i + 1).find((p) => p.key === property.key);
        if (later) {
          const at = positionAt(doc, later.keyNode.offset);
          const message =
            `The key "${property.key}" appears again at line ${at.line}, column ${at.column}; only the last one counts, ` +
            'so this one is ignored. Merge them into one.';
          out.push(diagnosticAt('warning', file, doc, property.keyNode, message));
        }
      });
    }
    for (const child of current.children ?? []) visit(child);
  };
  visit(node);
  return out;
}
