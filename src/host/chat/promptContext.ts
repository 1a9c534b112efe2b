/**
 * The prompt the model receives: the person's text, with the files and selection they attached
 * and anything the model should know since the last turn (e.g. an edit the person undid). Pure.
 */
export interface Attachment {
  kind: 'file' | 'selection';
  /** Workspace-relative path. */
  path: string;
  /** "3-9" for a selection. */
  lines?: string;
  text: string;
}

export const MAX_ATTACHMENT_CHARS = 100_000;

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function attachmentBlock(attachment: Attachment): string {
  const cut = attachment.text.length > MAX_ATTACHMENT_CHARS;
  const text = cut ? `${attachment.text.slice(0, MAX_ATTACHMENT_CHARS)}\n[… cut: the file continues; read it for the rest]` : attachment.text;
  const lines = attachment.lines ? ` lines="${escapeAttr(attachment.lines)}"` : '';
  return `<${attachment.kind} path="${escapeAttr(attachment.path)}"${lines}>\n${text}\n</${attachment.kind}>`;
}

const NOTES_HEADING = 'Since your last answer:';
const CONTEXT_HEADING = 'The person attached this context:';

/** The person's text first (it titles the session), then what happened since, then attachments. */
export function buildPrompt(text: string, attachments: readonly Attachment[], notes: readonly string[]): string {
  const parts: string[] = [text];
  if (notes.length > 0) parts.push(`${NOTES_HEADING}\n${notes.map((note) => `- ${note}`).join('\n')}`);
  if (attachments.length > 0) parts.push(`${CONTEXT_HEADING}\n${attachments.map(attachmentBlock).join('\n')}`);
  return parts.join('\n\n');
}

/** What the person wrote, from a prompt built by buildPrompt (for history titles and replay). */
export function personText(prompt: string): string {
  const cuts = [`\n\n${NOTES_HEADING}\n`, `\n\n${CONTEXT_HEADING}\n`].map((marker) => prompt.indexOf(marker)).filter((index) => index >= 0);
  return cuts.length > 0 ? prompt.slice(0, Math.min(...cuts)) : prompt;
}

/** How an attachment is listed under the prompt in the panel. */
export function attachmentLabel(attachment: Pick<Attachment, 'kind' | 'path' | 'lines'>): string {
  return attachment.kind === 'selection' ? `selection in ${attachment.path}:${attachment.lines ?? ''}` : attachment.path;
}
