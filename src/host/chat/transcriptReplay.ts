/**
 * Rebuilds the panel's view of an earlier session from its transcript records: prompts, the
 * model's text, tool cards with their results, usage. Pure; never imports vscode.
 */
import type { TranscriptRecord } from '../../core/agent/transcript';
import type { HostToWebview } from '../../protocol/messages';
import type { EventMapper } from './eventMapper';
import { personText } from './promptContext';

export function replayTranscript(records: readonly TranscriptRecord[], mapper: EventMapper): HostToWebview[] {
  const messages: HostToWebview[] = [];
  let turnId = 'resumed-0';
  let prompts = 0;
  for (const record of records) {
    if (record.type === 'prompt') {
      turnId = `resumed-${++prompts}`;
      messages.push({ type: 'chat/user', requestId: turnId, text: personText(record.text), context: [] });
    } else if (record.type === 'assistant') {
      record.message.content.forEach((block, index) => {
        if (block.type === 'text' && block.text !== '') {
          messages.push({ type: 'chat/text', requestId: turnId, blockId: `r${record.turn}.${prompts}.${index}`, delta: block.text });
        }
      });
      for (const block of record.message.content) {
        if (block.type === 'tool_use') {
          const input = typeof block.input === 'object' && block.input !== null ? (block.input as Record<string, unknown>) : {};
          messages.push(...mapper.map(turnId, { type: 'tool/start', toolUseId: block.id, tool: block.name, input }));
        }
      }
    } else if (record.event.type !== 'session/start' && record.event.type !== 'tool/start') {
      messages.push(...mapper.map(turnId, record.event));
    }
  }
  return messages;
}
