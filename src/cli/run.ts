/**
 * `agentgate run -p PROMPT`: the agent without a person at the keyboard. Settings, trust,
 * provider and tools are the same as in VS Code; "ask" decisions are refused (nobody can
 * approve) and reported to the model. See runHelp for the options and runOutput for the shapes
 * it prints.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gatherEnvironment } from '../core/agent/environment';
import { AgentSession } from '../core/agent/loop';
import { loadMemoryFiles } from '../core/agent/memory';
import type { SessionRecorder } from '../core/agent/sessionRecorder';
import { buildSystemPrompt } from '../core/agent/systemPrompt';
import { transcriptPath, TranscriptWriter } from '../core/agent/transcript';
import { removeOldTranscripts } from '../core/agent/transcriptCleanup';
import { findTranscript, loadTranscript, type ResumedSession } from '../core/agent/transcriptReader';
import { ExitCode, UsageError } from './io';
import { parseRunArgs, runHelp, type RunArgs } from './runArgs';
import { printResult, StreamJsonPrinter } from './runOutput';
import { createRunServices, type RunServices } from './runServices';

export { runHelp };

export interface RunIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  stdin?: NodeJS.ReadableStream;
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (stream === undefined) throw new UsageError('run: -p - reads the prompt from standard input, but there is none.');
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') throw new UsageError('run: standard input was empty; there is no prompt.');
  return text;
}

async function workingDirectory(dir: string | undefined): Promise<string> {
  const cwd = path.resolve(dir ?? process.cwd());
  const info = await stat(cwd).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`run: --cwd ${cwd} is not a folder.`);
  return cwd;
}

/** The session's transcript and its conversation so far, when resuming. */
async function openSession(args: RunArgs, cwd: string, home: string, warn: (text: string) => void) {
  let resumed: ResumedSession | undefined;
  if (args.resume !== undefined) {
    resumed = await loadTranscript(await findTranscript(home, cwd, args.resume), args.resume);
    if (resumed.truncatedTail) warn(`the last record of ${resumed.file} was cut short (a crash?); it was ignored.`);
  }
  const sessionId = resumed?.sessionId ?? randomUUID();
  return { sessionId, resumed, file: resumed?.file ?? transcriptPath(home, cwd, sessionId) };
}

/** Runs one headless session with the given services; returns the exit code. */
export async function runHeadless(options: { args: RunArgs; prompt: string; cwd: string; home: string; io: RunIo; services: RunServices }): Promise<number> {
  const { args, prompt, cwd, home, io, services } = options;
  const startedAt = performance.now();
  const warn = (text: string) => io.stderr(`agentgate run: warning: ${text}\n`);
  const { sessionId, resumed, file } = await openSession(args, cwd, home, warn);
  const cleanup = await removeOldTranscripts({ home, periodDays: services.settings.cleanupPeriodDays?.value, keep: file });
  for (const problem of cleanup.problems) warn(`could not clean up ${problem.path}: ${problem.message}`);

  const memory = await loadMemoryFiles({ cwd, home });
  for (const problem of memory.problems) warn(`could not read the memory file ${problem.path}: ${problem.message}`);
  const system = buildSystemPrompt(await gatherEnvironment({ cwd, workspaceFolders: [cwd] }), memory.files);

  const transcript = await TranscriptWriter.open(file, { secrets: services.secrets });
  const recorders: SessionRecorder[] = [transcript];
  if (args.outputFormat === 'stream-json') {
    recorders.push(new StreamJsonPrinter(io.stdout, { tools: services.tools.map((tool) => tool.name), permissionMode: services.mode }));
  }
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  try {
    const session = new AgentSession({
      sessionId,
      provider: services.provider,
      model: services.model,
      system,
      tools: services.tools,
      toolContext: services.toolContext,
      decide: services.decide,
      sink: { emit: () => undefined },
      recorders,
      ...(args.maxTurns === undefined ? {} : { maxTurns: args.maxTurns }),
      ...(resumed === undefined ? {} : { resume: resumed }),
    });
    const result = await session.run(prompt, controller.signal);
    printResult(args.outputFormat, result, Math.round(performance.now() - startedAt), io);
    return result.reason === 'done' ? ExitCode.ok : ExitCode.failure;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
    await transcript.close();
  }
}

/** `agentgate run ...` (argv without the command name); returns the exit code. */
export async function runCommand(argv: string[], io: RunIo): Promise<number> {
  const home = io.env.HOME ?? os.homedir();
  try {
    const args = parseRunArgs(argv);
    const cwd = await workingDirectory(args.cwd);
    const prompt = args.prompt === '-' ? await readAll(io.stdin) : args.prompt;
    const services = await createRunServices({ args, cwd, home, env: io.env, warn: (text) => io.stderr(`agentgate run: warning: ${text}\n`) });
    try {
      return await runHeadless({ args, prompt, cwd, home, io, services });
    } finally {
      await services.dispose();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`agentgate ${error.message}\nRun 'agentgate help run' for its options.\n`);
      return ExitCode.usage;
    }
    io.stderr(`agentgate run: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failure;
  }
}
