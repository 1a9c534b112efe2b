/** Building and printing diagnostics (`file:line:column: message`). */
import type { Node } from 'jsonc-parser';
import path from 'node:path';
import { type JsonDocument, positionAt } from './jsonDocument';
import type { Diagnostic } from './types';

export function diagnosticAt(
  severity: Diagnostic['severity'],
  file: string,
  doc: JsonDocument | undefined,
  node: Node | undefined,
  message: string,
): Diagnostic {
  const position = doc && node ? positionAt(doc, node.offset) : undefined;
  return position ? { severity, file, position, message } : { severity, file, message };
}

/**
 * `path:line:column: message`, with the path relative to `relativeTo` when the file lies inside
 * it. Severity is left to the caller (a CLI prints it, the editor shows it as an icon).
 */
export function formatDiagnostic(diagnostic: Diagnostic, relativeTo?: string): string {
  let file = diagnostic.file;
  if (relativeTo && path.isAbsolute(file)) {
    const relative = path.relative(relativeTo, file);
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) file = relative;
  }
  const where = diagnostic.position ? `${file}:${diagnostic.position.line}:${diagnostic.position.column}` : file;
  return `${where}: ${diagnostic.message}`;
}

/** Stable order by line and column; diagnostics without a position keep their place at the end. */
export function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): number => (d.position ? d.position.line * 1e6 + d.position.column : Infinity);
  return diagnostics.sort((a, b) => key(a) - key(b));
}
