import type { TextBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import type { EnvironmentFacts } from './environment';
import type { MemoryFile } from './memory';

const INSTRUCTIONS = `You are AgentGate, a coding agent working in the user's workspace. You help with software engineering tasks: reading and changing code, running commands, explaining and fixing problems.

How you work:
- Use the tools to look before you change anything. Read a file before you edit it.
- Keep changes focused on what was asked. Follow the conventions of the code around you.
- Every action that writes files, runs commands or reaches the network goes through a permission check. Some actions run at once, some need the person's approval, some are refused. When an action is refused, the tool result says why and may carry the person's feedback: take it into account, do not retry the same action unchanged.
- Independent read-only lookups may be requested together in one message; they run in parallel.
- Never print, store or send secrets such as API keys, tokens or passwords.
- When the task is done, say briefly what you did and anything the person should check.`;

const SCOPE_LABEL: Record<MemoryFile['scope'], string> = {
  user: "the user's own instructions for every project",
  project: 'project instructions, shared with the team',
  local: "the user's private instructions for this project",
};

function environmentText(env: EnvironmentFacts): string {
  const folders = env.workspaceFolders.length > 0 ? env.workspaceFolders.join(', ') : '(none)';
  return [
    '<environment>',
    `Working directory: ${env.cwd}`,
    `Workspace folders: ${folders}`,
    `Is a git repository: ${env.isGitRepo ? 'yes' : 'no'}`,
    `Platform: ${env.platform}`,
    `OS version: ${env.osVersion}`,
    `Today's date: ${env.date}`,
    '</environment>',
  ].join('\n');
}

function memoryText(files: readonly MemoryFile[]): string {
  const parts = files.map((file) => {
    const note = file.truncated ? '\n(The file is longer; only its beginning is shown.)' : '';
    return `Contents of ${file.path} (${SCOPE_LABEL[file.scope]}):\n\n${file.content}${note}`;
  });
  return [
    'Instructions from memory files follow. They override default behaviour: follow them exactly as written. Later files are more specific than earlier ones.',
    ...parts,
  ].join('\n\n');
}

/**
 * The system prompt as text blocks: the agent's instructions, the environment, and the memory
 * files when there are any. The loop marks the last block for prompt caching.
 */
export function buildSystemPrompt(env: EnvironmentFacts, memory: readonly MemoryFile[]): TextBlockParam[] {
  const blocks: TextBlockParam[] = [
    { type: 'text', text: INSTRUCTIONS },
    { type: 'text', text: environmentText(env) },
  ];
  if (memory.length > 0) blocks.push({ type: 'text', text: memoryText(memory) });
  return blocks;
}
