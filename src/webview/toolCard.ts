/** A tool call as a compact, collapsible card: what, where, and the result. */
import type { ToolCard, ToolStatus } from '../protocol/messages';
import { h, icon } from './dom';

const STATUS_LABEL: Record<ToolStatus, string> = {
  waiting: 'waiting for you',
  running: 'running',
  done: 'done',
  error: 'failed',
  denied: 'not run',
};

const STATUS_ICON: Record<ToolStatus, string> = {
  waiting: 'question',
  running: 'loading',
  done: 'check',
  error: 'error',
  denied: 'circle-slash',
};

const TOOL_ICON: Record<string, string> = {
  Bash: 'terminal',
  Read: 'file',
  Write: 'new-file',
  Edit: 'edit',
  MultiEdit: 'edit',
  Glob: 'search',
  Grep: 'search',
  WebFetch: 'globe',
  WebSearch: 'globe',
  ExitPlanMode: 'checklist',
};

export function renderToolCard(card: ToolCard, existing?: HTMLDetailsElement): HTMLDetailsElement {
  const details = existing ?? h('details', { class: 'tool-card' });
  const open = details.open;
  details.className = `tool-card status-${card.status}`;
  details.dataset.toolUseId = card.toolUseId;
  const toolIcon = card.tool.startsWith('mcp__') ? 'plug' : (TOOL_ICON[card.tool] ?? 'tools');
  const statusIcon = icon(STATUS_ICON[card.status]);
  if (card.status === 'running') statusIcon.classList.add('codicon-modifier-spin');
  const summary = h(
    'summary',
    {},
    icon(toolIcon),
    h('span', { class: 'tool-title', text: card.title }),
    h('code', { class: 'tool-detail', text: card.detail, attrs: { title: card.detail } }),
    h('span', { class: 'tool-status' }, statusIcon, h('span', { class: 'tool-status-text', text: STATUS_LABEL[card.status] })),
  );
  const body = h('div', { class: 'tool-body' });
  if (card.decision) body.append(h('p', { class: 'tool-decision', text: card.decision }));
  if (card.result !== undefined && card.result !== '') body.append(h('pre', { class: 'tool-result', text: card.result }));
  else if (card.status === 'running') body.append(h('p', { class: 'muted', text: 'Running…' }));
  details.replaceChildren(summary, body);
  details.open = open;
  return details;
}
