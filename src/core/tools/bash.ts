import { z } from 'zod';
import { defineTool } from './defineTool';
import { truncateMiddle } from './truncate';

export const BASH_DEFAULT_TIMEOUT_MS = 120_000;
export const BASH_MAX_TIMEOUT_MS = 600_000;
/** Characters of output the model sees; the middle of longer output is left out. */
export const BASH_MAX_OUTPUT_CHARS = 30_000;
/** Bytes kept per stream by the process runner (start and end) before formatting. */
const RUNNER_OUTPUT_BYTES = 256 * 1024;

const inputSchema = z.strictObject({
  command: z.string().min(1).describe('The command to execute'),
  timeout: z.number().int().positive().max(BASH_MAX_TIMEOUT_MS).optional().describe(`Optional timeout in milliseconds (max ${BASH_MAX_TIMEOUT_MS})`),
  description: z.string().optional().describe('Clear, concise description of what this command does in 5-10 words'),
});

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

export const bashTool = defineTool({
  name: 'Bash',
  description: [
    'Runs a command in a shell (bash when available) in the working directory and returns its output.',
    `- Default timeout ${seconds(BASH_DEFAULT_TIMEOUT_MS)}, at most ${seconds(BASH_MAX_TIMEOUT_MS)} (timeout is in milliseconds). On timeout the command and everything it started is stopped.`,
    `- Output beyond ${BASH_MAX_OUTPUT_CHARS} characters is shortened in the middle.`,
    '- Each call starts a fresh shell: cd and variables do not carry over. stdin is closed, so interactive prompts fail; pass flags like --yes instead.',
    '- Background processes (&) are stopped when the command finishes.',
    '- Prefer Read, Glob, Grep, Edit and Write over cat, find, grep, sed and echo redirections.',
  ].join('\n'),
  inputSchema,
  readOnly: false,
  async run(input, ctx) {
    const timeoutMs = input.timeout ?? BASH_DEFAULT_TIMEOUT_MS;
    const result = await ctx.processes.run(input.command, {
      cwd: ctx.cwd,
      timeoutMs,
      maxOutputBytes: RUNNER_OUTPUT_BYTES,
      signal: ctx.signal,
    });
    const stdout = result.stdout.replace(/\n$/, '');
    const stderr = result.stderr.replace(/\n$/, '');
    const output = [stdout, stderr].filter((part) => part !== '').join('\n');
    const shown = truncateMiddle(output, BASH_MAX_OUTPUT_CHARS);
    const notes: string[] = [];
    if (shown.truncated || result.truncated) notes.push('(Output was too long and has been shortened in the middle.)');
    if (result.timedOut) {
      notes.push(`Command timed out after ${seconds(timeoutMs)} and was stopped. Use a longer timeout (up to ${seconds(BASH_MAX_TIMEOUT_MS)}) or a narrower command.`);
    } else if (result.exitCode !== null && result.exitCode !== 0) {
      notes.push(`Exit code ${result.exitCode}`);
    } else if (result.exitCode === null && result.signal) {
      notes.push(`Killed by signal ${result.signal}`);
    }
    const failed = result.timedOut || result.exitCode !== 0;
    const body = shown.text === '' && notes.length === 0 ? '(no output)' : shown.text;
    return { content: [body, ...notes].filter((part) => part !== '').join('\n'), isError: failed };
  },
});
