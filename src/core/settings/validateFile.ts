/** `agentgate validate`: check one settings file and report every problem. */
import path from 'node:path';
import { analyzeSettingsText } from './analyzeSettings';
import { nodeSettingsFileSystem, type SettingsFileSystem } from './fileSystem';
import { readSettingsText } from './readSettingsFile';
import type { Diagnostic, SettingsLevel } from './types';

/**
 * Diagnostics for one settings file read as `level` (which decides e.g. whether
 * `allowedMcpServers` counts). A missing file is an error here: it was asked for by name.
 * An empty list means the file is valid.
 */
export async function validateSettingsFile(
  file: string,
  level: SettingsLevel,
  fs: SettingsFileSystem = nodeSettingsFileSystem,
): Promise<Diagnostic[]> {
  const absolute = path.resolve(file);
  const read = await readSettingsText(fs, absolute);
  if (read.status === 'missing') return [{ severity: 'error', file: absolute, message: 'The file does not exist. Check the path.' }];
  if (read.status === 'unreadable') return [{ severity: 'error', file: absolute, message: read.message }];
  return analyzeSettingsText(read.text, absolute, level).diagnostics;
}
