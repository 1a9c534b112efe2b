import { PERMISSION_MODES, type PermissionMode } from '../core/settings/types';
import { splitToolList } from '../core/settings/commandLineRules';
import { parseCommandLine } from './args';
import { UsageError } from './io';

export type OutputFormat = 'text' | 'json' | 'stream-json';
const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'stream-json'];

export interface RunArgs {
  /** The prompt; `-` means: read it from standard input. */
  prompt: string;
  cwd?: string;
  permissionMode?: PermissionMode;
  allowedTools: string[];
  disallowedTools: string[];
  settingsFiles: string[];
  /** `--mcp-config FILE`: MCP servers the person configured for this run (they start as configured). */
  mcpConfigFiles: string[];
  model?: string;
  maxTurns?: number;
  outputFormat: OutputFormat;
  resume?: string;
}

export const runHelp = `agentgate run -p PROMPT [options]
  Run the agent without a person at the keyboard: it works on PROMPT until it is done, then
  prints the answer. Actions that would need approval are refused and reported to the model
  (and listed as permission_denials in json output); allow them with --allowedTools or rules.

  -p, --print PROMPT          what to do ("-" reads the prompt from standard input)
  --cwd DIR                   the working directory (default: the current one)
  --permission-mode MODE      default | acceptEdits | plan | bypassPermissions
  --allowedTools RULE...      allow rules, e.g. "Bash(npm test:*)" Edit (repeatable)
  --disallowedTools RULE...   deny rules (repeatable)
  --settings FILE             extra settings file at command-line precedence (repeatable)
  --mcp-config FILE           MCP servers to start for this run ({"mcpServers": {...}}, repeatable);
                              a repository's .mcp.json servers start only when already approved
                              (agentgate mcp approve) and the folder is trusted
  --model M                   model id or alias (opus, sonnet, haiku)
  --max-turns N               stop after N model turns
  --output-format FORMAT      text (default) | json | stream-json (one JSON event per line)
  --resume ID                 continue the session with this id

  Transcripts: ~/.agentgate/projects/<workspace>/<session id>.jsonl
  Exit codes: 0 done, 1 the session failed or hit the turn limit, 2 usage error.`;

const VARIADIC = new Set(['--allowedTools', '--allowed-tools', '--disallowedTools', '--disallowed-tools']);

/**
 * `--allowedTools A B C` takes every following word up to the next option (as Claude Code
 * does); parseArgs wants one value per flag, so the list is spread into repeated flags.
 */
function spreadVariadic(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    out.push(arg);
    if (!VARIADIC.has(arg)) continue;
    let taken = 0;
    while (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) {
      if (taken++ > 0) out.push(arg);
      out.push(argv[++i]!);
    }
  }
  return out;
}

function positiveInteger(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`run: ${flag} must be a whole number of at least 1 (got "${text}").`);
  return value;
}

function oneOf<T extends string>(flag: string, text: string | undefined, allowed: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) throw new UsageError(`run: ${flag} must be one of ${allowed.join(', ')} (got "${text}").`);
  return text as T;
}

export function parseRunArgs(argv: readonly string[]): RunArgs {
  const { values, positionals } = parseCommandLine('run', spreadVariadic(argv), {
    print: { type: 'string', short: 'p' },
    cwd: { type: 'string' },
    'permission-mode': { type: 'string' },
    allowedTools: { type: 'string', multiple: true },
    'allowed-tools': { type: 'string', multiple: true },
    disallowedTools: { type: 'string', multiple: true },
    'disallowed-tools': { type: 'string', multiple: true },
    settings: { type: 'string', multiple: true },
    'mcp-config': { type: 'string', multiple: true },
    model: { type: 'string' },
    'max-turns': { type: 'string' },
    'output-format': { type: 'string' },
    resume: { type: 'string', short: 'r' },
  });
  if (positionals.length > 0) throw new UsageError(`run: unexpected argument '${positionals[0]}'. Give the prompt with -p "PROMPT".`);
  const prompt = values.print;
  if (prompt === undefined || prompt.trim() === '') throw new UsageError('run: the prompt is missing. Give it with -p "PROMPT" (or -p - to read it from standard input).');
  const permissionMode = oneOf('--permission-mode', values['permission-mode'], PERMISSION_MODES);
  const maxTurns = positiveInteger('--max-turns', values['max-turns']);
  return {
    prompt,
    allowedTools: [...(values.allowedTools ?? []), ...(values['allowed-tools'] ?? [])].flatMap(splitToolList),
    disallowedTools: [...(values.disallowedTools ?? []), ...(values['disallowed-tools'] ?? [])].flatMap(splitToolList),
    settingsFiles: values.settings ?? [],
    mcpConfigFiles: values['mcp-config'] ?? [],
    outputFormat: oneOf('--output-format', values['output-format'], OUTPUT_FORMATS) ?? 'text',
    ...(values.cwd === undefined ? {} : { cwd: values.cwd }),
    ...(permissionMode === undefined ? {} : { permissionMode }),
    ...(values.model === undefined ? {} : { model: values.model }),
    ...(maxTurns === undefined ? {} : { maxTurns }),
    ...(values.resume === undefined ? {} : { resume: values.resume }),
  };
}
