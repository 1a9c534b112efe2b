import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostic, settingsFilePaths, validateMcpJson, validateSettingsFile } from '../core/settings';
import { sortByPosition } from '../core/settings/diagnostics';
import type { Diagnostic } from '../core/settings/types';
import { parseCommandLine } from './args';
import { ExitCode, type CliIo, UsageError } from './io';

export const validateHelp = `agentgate validate [--cwd DIR] [--settings FILE]...
  Validate every settings file that applies to the workspace (managed policy, command-line
  files, .claude/settings.local.json, .claude/settings.json, ~/.claude/settings.json) and the
  workspace's .mcp.json. Prints file:line:column and what to fix for each problem.
  Exit codes: 0 no errors (warnings are printed), 1 errors found, 2 usage.
  Made for a team's CI: agentgate validate --cwd .`;

export async function validateCommand(argv: readonly string[], io: CliIo, home: string): Promise<number> {
  const { values, positionals } = parseCommandLine('validate', argv, {
    cwd: { type: 'string' },
    settings: { type: 'string', multiple: true },
  });
  if (positionals.length > 0) throw new UsageError(`validate: unexpected argument '${positionals[0]}'. Use --cwd DIR or --settings FILE.`);
  const cwd = path.resolve(values.cwd ?? process.cwd());
  if (!existsSync(cwd)) throw new UsageError(`--cwd ${cwd} does not exist.`);

  const checked: { file: string; diagnostics: Diagnostic[] }[] = [];
  for (const location of await settingsFilePaths({ cwd, home, cliSettingsFiles: values.settings ?? [] })) {
    if (location.listError) {
      checked.push({ file: location.file, diagnostics: [{ severity: 'error', file: location.file, message: location.listError }] });
    } else if (existsSync(location.file) || location.level === 'cli') {
      checked.push({ file: location.file, diagnostics: await validateSettingsFile(location.file, location.level) });
    }
  }
  const mcpJson = path.join(cwd, '.mcp.json');
  if (existsSync(mcpJson)) checked.push({ file: mcpJson, diagnostics: await validateMcpJson(mcpJson) });

  let errors = 0;
  let warnings = 0;
  for (const { file, diagnostics } of checked) {
    for (const diagnostic of sortByPosition(diagnostics)) {
      if (diagnostic.severity === 'info') continue;
      if (diagnostic.severity === 'error') errors++;
      else warnings++;
      io.stdout(`${formatDiagnostic(diagnostic, cwd).replace(/: /, `: ${diagnostic.severity}: `)}\n`);
    }
    if (!diagnostics.some((d) => d.severity === 'error')) io.stderr(`ok: ${path.relative(cwd, file) || file}\n`);
  }
  if (checked.length === 0) io.stderr('No settings files or .mcp.json found: nothing to validate.\n');
  io.stderr(`${checked.length} file(s) checked: ${errors} error(s), ${warnings} warning(s).\n`);
  return errors > 0 ? ExitCode.failure : ExitCode.ok;
}
