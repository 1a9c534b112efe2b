/**
 * A one-line description of a command line for the approval prompt: what runs (and how the
 * commands are joined), what reaches the network, which files are written.
 * Example: "Runs `npm test`, then `git push origin main` (reaches the network). Writes out.txt."
 */
import type { BashAnalysis, Joiner, ResolvedCommand } from './model';
import { code, shorten } from './text';
import type { Verdict } from './subcommand';
import { basename } from './wrappers';

const JOIN_WORDS: Record<Exclude<Joiner, null>, string> = {
  '&&': ', then',
  '||': ', or if that fails',
  ';': ', then',
  newline: ', then',
  '&': ', then',
  '|': ' piped into',
  '|&': ' piped into',
};

/** Files a few common commands write or delete, named by their arguments. */
function fileEffects(command: ResolvedCommand): { writes: string[]; deletes: string[] } {
  const name = command.argv[0]?.static ? basename(command.argv[0].value) : '';
  const operands = command.argv
    .slice(1)
    .filter((word) => !word.value.startsWith('-') && word.value !== '{}')
    .map((word) => word.value);
  switch (name) {
    case 'tee':
    case 'touch':
    case 'mkdir':
      return { writes: operands, deletes: [] };
    case 'cp':
    case 'mv':
    case 'ln':
      return { writes: operands.slice(-1), deletes: name === 'mv' ? operands.slice(0, -1) : [] };
    case 'rm':
    case 'rmdir':
    case 'unlink':
      return { writes: [], deletes: operands };
    default:
      return { writes: [], deletes: [] };
  }
}

function notes(command: ResolvedCommand, verdict: Verdict | undefined, nested: ResolvedCommand[]): string[] {
  const out: string[] = [];
  if (command.privileged) out.push(`as another user via ${command.wrappers.find((name) => name === 'sudo' || name === 'doas') ?? 'sudo'}`);
  if (verdict?.network) out.push('reaches the network');
  if (command.inlineCode && nested.length === 0) out.push(`runs ${command.inlineCode}`);
  if (nested.length > 0) {
    const shown = nested.slice(0, 2).map((inner) => code(inner.text, 40)).join(', ');
    out.push(`which runs ${shown}${nested.length > 2 ? ` and ${nested.length - 2} more` : ''}`);
  }
  if (command.background) out.push('in the background');
  return out;
}

function list(items: string[]): string {
  const unique = [...new Set(items)].map((item) => shorten(item, 60));
  if (unique.length <= 3) return unique.length === 2 ? unique.join(' and ') : unique.join(', ');
  return `${unique.slice(0, 3).join(', ')} and ${unique.length - 3} more`;
}

/** Each top-level command with the commands nested directly inside it (one pass). */
function groups(commands: readonly ResolvedCommand[]): { command: ResolvedCommand; nested: ResolvedCommand[] }[] {
  const out: { command: ResolvedCommand; nested: ResolvedCommand[] }[] = [];
  for (const command of commands) {
    if (command.depth === 0) out.push({ command, nested: [] });
    else if (command.depth === 1) out[out.length - 1]?.nested.push(command);
  }
  return out;
}

/** Describes the command line in one line of plain language. */
export function describeCommand(analysis: BashAnalysis, verdicts: readonly Verdict[]): string {
  const verdictOf = new Map(analysis.commands.map((command, i) => [command, verdicts[i]]));
  const top = groups(analysis.commands);
  if (top.length === 0) return analysis.issues.length > 0 ? `${analysis.issues[0]}.` : 'Runs nothing.';
  let sentence: string;
  if (top.length > 6) {
    const shown = top.slice(0, 4).map(({ command }) => code(command.text, 30)).join(', ');
    sentence = `Runs ${top.length} commands: ${shown} and ${top.length - 4} more`;
    if (verdicts.some((verdict) => verdict.network)) sentence += ' (some reach the network)';
  } else {
    sentence = top
      .map(({ command, nested }, index) => {
        const extra = notes(command, verdictOf.get(command), nested);
        const piece = `${code(command.text, 60)}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
        return index === 0 ? `Runs ${piece}` : `${JOIN_WORDS[command.joiner ?? ';']} ${piece}`;
      })
      .join('');
  }
  const writes: string[] = [];
  const deletes: string[] = [];
  for (const command of analysis.commands) {
    for (const check of verdictOf.get(command)?.writes ?? []) writes.push(check.target);
    const effects = fileEffects(command);
    writes.push(...effects.writes);
    deletes.push(...effects.deletes);
  }
  let description = `${sentence}.`;
  if (writes.length > 0) description += ` Writes ${list(writes)}.`;
  if (deletes.length > 0) description += ` Deletes ${list(deletes)}.`;
  return description;
}
