import { readFile } from 'node:fs/promises';
import { decideBash } from '../core/permissions/bash/decide';
import { PermissionEngine } from '../core/permissions/engine';
import type { Decision, ToolRequest } from '../core/permissions/types';
import { PERMISSION_MODES, type PermissionMode } from '../core/settings/types';
import { parseCommandLine } from './args';
import { decisionJson, decisionText } from './checkFormat';
import { ExitCode, type CliIo, UsageError } from './io';
import { type LoadedSources, loadSources, sourceHelp, sourceOptions } from './sources';

export const checkHelp = `agentgate check [options] TOOL INPUT
agentgate check [options] --batch FILE|-
  Would AgentGate allow this action, ask about it, or deny it, and why?
  TOOL   Bash, Read, Edit, Write, MultiEdit, Glob, Grep, WebFetch or mcp__<server>__<tool>
  INPUT  the command, the file path or the URL, or the tool's input as JSON
         ({"command":…}, {"file_path":…}, {"url":…}). For Glob it is the pattern, for Grep
         the folder searched.
${sourceHelp}
  --mode MODE      default | acceptEdits | plan | bypassPermissions
                   (default: the settings' defaultMode, else default)
  --json           print one JSON object
  --batch FILE|-   JSON Lines in ({"tool":…,"input":{…},"mode"?:…}), one JSON result out per line
  Exit codes: 0 allow, 3 ask, 4 deny, 1 error, 2 usage. With --batch: 0 when every line was
  decided, 1 when any line was malformed.`;

const STRING_INPUT: Record<string, string> = {
  Bash: 'command',
  Read: 'file_path',
  Edit: 'file_path',
  Write: 'file_path',
  MultiEdit: 'file_path',
  NotebookEdit: 'notebook_path',
  Glob: 'pattern',
  Grep: 'path',
  LS: 'path',
  WebFetch: 'url',
};

/** The tool's input from the command line: a JSON object as the model sends it, or the main string. */
export function inputFromArgument(tool: string, argument: string | undefined): Record<string, unknown> {
  const text = argument ?? '';
  if (text.trimStart().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`check: INPUT looks like JSON but is not valid: ${(error as Error).message}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError('check: INPUT JSON must be an object.');
    return parsed as Record<string, unknown>;
  }
  if (tool.startsWith('mcp__')) {
    if (argument !== undefined) throw new UsageError('check: the INPUT of an MCP tool must be a JSON object (or left out).');
    return {};
  }
  const key = STRING_INPUT[tool];
  if (!key) throw new UsageError(`check: unknown tool '${tool}'. Use Bash, Read, Edit, Write, MultiEdit, Glob, Grep, WebFetch or mcp__<server>__<tool>.`);
  if (argument === undefined) throw new UsageError(`check: ${tool} needs an INPUT (its ${key}).`);
  return tool === 'Grep' ? { pattern: '.', path: text } : { [key]: text };
}

function parseMode(value: unknown, where: string): PermissionMode | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (PERMISSION_MODES as readonly string[]).includes(value)) return value as PermissionMode;
  throw new UsageError(`${where}: mode must be one of ${PERMISSION_MODES.join(', ')}.`);
}

class Checker {
  private readonly engine = new PermissionEngine(decideBash);
  constructor(private readonly sources: LoadedSources) {}

  get trusted(): boolean {
    return this.sources.settings.trusted;
  }

  modeFor(explicit: PermissionMode | undefined): PermissionMode {
    return explicit ?? this.sources.settings.permissions.defaultMode?.value ?? 'default';
  }

  decide(request: ToolRequest, mode: PermissionMode): Promise<Decision> {
    const { cwd, home, settings } = this.sources;
    return this.engine.decide(request, { cwd, workspaceFolders: [cwd], home, settings, mode });
  }
}

export async function checkCommand(argv: readonly string[], io: CliIo, home: string): Promise<number> {
  const { values, positionals } = parseCommandLine('check', argv, {
    ...sourceOptions,
    mode: { type: 'string' },
    json: { type: 'boolean', default: false },
    batch: { type: 'string' },
  });
  const mode = parseMode(values.mode, '--mode');
  if (values.batch !== undefined) {
    if (positionals.length > 0) throw new UsageError('check: --batch takes its actions from the file; leave out TOOL and INPUT.');
    const text = values.batch === '-' ? await readStream(io.stdin) : await readFile(values.batch, 'utf8');
    return runBatch(text, new Checker(await loadSources(values, home)), mode, io);
  }
  const [tool, input, ...extra] = positionals;
  if (!tool) throw new UsageError('check: name a TOOL and its INPUT, e.g. agentgate check Bash "npm test".');
  if (extra.length > 0) throw new UsageError(`check: unexpected argument '${extra[0]}'. Quote the command as one argument.`);
  const request: ToolRequest = { tool, input: inputFromArgument(tool, input) };
  const sources = await loadSources(values, home);
  for (const diagnostic of sources.settings.diagnostics.filter((d) => d.severity === 'error')) {
    io.stderr(`warning: ${diagnostic.file}${diagnostic.position ? `:${diagnostic.position.line}:${diagnostic.position.column}` : ''}: ${diagnostic.message}\n`);
  }
  const checker = new Checker(sources);
  const effectiveMode = checker.modeFor(mode);
  const decision = await checker.decide(request, effectiveMode);
  const context = { mode: effectiveMode, trusted: checker.trusted };
  io.stdout(values.json ? `${JSON.stringify(decisionJson(decision, request, context))}\n` : decisionText(decision, request, context));
  return decision.decision === 'allow' ? ExitCode.ok : decision.decision === 'ask' ? ExitCode.ask : ExitCode.deny;
}

async function runBatch(text: string, checker: Checker, mode: PermissionMode | undefined, io: CliIo): Promise<number> {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let malformed = false;
  for (const [index, line] of lines.entries()) {
    const result = await batchLine(line, index + 1, checker, mode);
    if (result.decision === 'error') malformed = true;
    io.stdout(`${JSON.stringify(result)}\n`);
  }
  return malformed ? ExitCode.failure : ExitCode.ok;
}

async function batchLine(line: string, number: number, checker: Checker, mode: PermissionMode | undefined) {
  const error = (reason: string) => ({ decision: 'error' as const, line: number, reason });
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (e) {
    return error(`Line ${number} is not valid JSON (${(e as Error).message}). Write one object per line: {"tool":"Bash","input":{"command":"npm test"}}.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return error(`Line ${number} must be a JSON object with "tool" and "input".`);
  const { tool, input, mode: lineMode } = parsed as Record<string, unknown>;
  if (typeof tool !== 'string' || tool === '') return error(`Line ${number} needs "tool": a tool name such as "Bash".`);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return error(`Line ${number} needs "input": the tool's input object, e.g. {"command":"npm test"}.`);
  let effective: PermissionMode;
  try {
    effective = checker.modeFor(parseMode(lineMode, `Line ${number}`) ?? mode);
  } catch (e) {
    return error((e as Error).message);
  }
  const request: ToolRequest = { tool, input: input as Record<string, unknown> };
  const decision = await checker.decide(request, effective);
  return decisionJson(decision, request, { mode: effective, trusted: checker.trusted });
}

async function readStream(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) throw new UsageError('check: --batch - needs standard input.');
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
