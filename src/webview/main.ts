/**
 * The panel's browser code: builds the view, sends the person's actions to the host, and applies
 * every message from the host in one exhaustive switch. It holds no agent logic.
 */
import { assertNever } from '../protocol/assertNever';
import type { HostToWebview, PanelMode, WebviewToHost } from '../protocol/messages';
import { MODE_LABEL, MODE_SUMMARY } from '../protocol/modes';
import { renderBanners } from './banners';
import { Composer } from './composer';
import { h } from './dom';
import { EditsDock } from './editsDock';
import { HistoryView } from './historyView';
import { warmUpHighlighting } from './highlight';
import { renderMarkdown, warmUpMarkdown } from './markdown';
import { Toolbar } from './toolbar';
import { Transcript } from './transcript';
import { vscodeApi } from './vscodeApi';

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;
type Outbound = WebviewToHost extends infer M ? (M extends WebviewToHost ? Omit<M, 'requestId'> : never) : never;
function send(message: Outbound): string {
  const requestId = nextId(message.type.replace('/', '-'));
  vscodeApi.postMessage({ ...message, requestId } as WebviewToHost);
  return requestId;
}

let helloId = '';
let mode: PanelMode = 'default';
let workspaceName: string | null = null;
let extensionVersion: string | null = null;
let mentionRequest = '';

const status = h('p', { class: 'visually-hidden', attrs: { role: 'status', id: 'announcer' } });
const announce = (text: string) => {
  status.textContent = text;
};

const hooks = {
  copy: (text: string) => send({ type: 'clipboard/write', text }),
  reply: (requestId: string, reply: Parameters<typeof replyMessage>[1]) => vscodeApi.postMessage(replyMessage(requestId, reply)),
  setMode: (next: PanelMode) => send({ type: 'mode/set', mode: next }),
  markdown: (source: string) => renderMarkdown(source, { copy: hooks.copy }),
  rendered: (chars: number) => {
    transcript.element.dataset.renderedChars = String(chars);
  },
  emptyState: () =>
    h(
      'div',
      { class: 'empty-state' },
      h('h2', { text: 'AgentGate' }),
      h('p', { text: `Ask the agent to explain, change or run things in ${workspaceName ? `“${workspaceName}”` : 'your workspace'}.` }),
      h('p', { text: `It asks before it edits files, runs commands or uses the network, unless a rule or the mode allows it. Mode now: ${MODE_LABEL[mode]} (${MODE_SUMMARY[mode]})` }),
      h('p', { class: 'muted', text: 'Type @ to attach files or your editor selection. Enter sends, Shift+Enter adds a line, Escape stops.' }),
      h('p', { class: 'muted version', attrs: { 'aria-label': 'Version' }, text: extensionVersion ? `AgentGate ${extensionVersion}` : '' }),
    ),
};

function replyMessage(requestId: string, reply: Extract<WebviewToHost, { type: 'permission/reply' }>['reply']): WebviewToHost {
  return { type: 'permission/reply', requestId, reply };
}

const transcript = new Transcript(hooks);
const toolbar = new Toolbar({
  newSession: () => send({ type: 'session/new' }),
  showHistory: () => {
    history.loading();
    showHistory(true);
    send({ type: 'session/list' });
  },
  setMode: hooks.setMode,
});
const history = new HistoryView({
  resume: (sessionId) => {
    send({ type: 'session/resume', sessionId });
    showHistory(false);
  },
  close: () => showHistory(false),
});
const edits = new EditsDock({
  accept: (editId) => send({ type: 'edit/accept', editId }),
  reject: (editId) => send({ type: 'edit/reject', editId }),
  acceptAll: () => send({ type: 'edit/acceptAll' }),
  rejectAll: () => send({ type: 'edit/rejectAll' }),
  review: (editId) => send({ type: 'edit/review', editId }),
  undo: (editId) => send({ type: 'edit/undo', editId }),
  open: (path) => send({ type: 'file/open', path }),
});
let turnId: string | null = null;
const composer = new Composer({
  send: (text, files, selection) => send({ type: 'chat/send', text, context: { files, selection } }),
  stop: () => stop(),
  searchMentions: (query) => {
    mentionRequest = send({ type: 'mention/search', query });
  },
});
const banners = h('div', { class: 'banners' });

function stop(): void {
  if (turnId) send({ type: 'chat/stop', turnId });
}

function showHistory(visible: boolean): void {
  history.element.hidden = !visible;
  transcript.element.hidden = visible;
  if (!visible) composer.input.focus();
}

function receive(message: HostToWebview): void {
  switch (message.type) {
    case 'app/welcome':
      if (message.requestId !== helloId) return;
      workspaceName = message.workspaceName;
      extensionVersion = message.version;
      document.body.dataset.connected = 'true';
      transcript.refreshEmptyState();
      return;
    case 'setup/status':
      banners.replaceChildren(...renderBanners(message, (action) => send({ type: 'setup/run', action })));
      composer.setBlocked(message.provider.configured ? null : 'Set up a model provider to start (see above).');
      return;
    case 'mode/changed':
      mode = message.mode;
      toolbar.setMode(message);
      transcript.refreshEmptyState();
      return;
    case 'session/started':
      if (message.sessionId === null) toolbar.clearUsage();
      document.body.dataset.sessionId = message.sessionId ?? '';
      return;
    case 'transcript/reset':
      transcript.reset();
      return;
    case 'session/list':
      history.show(message);
      return;
    case 'chat/user':
      transcript.user(message);
      return;
    case 'chat/text':
      transcript.text(message);
      return;
    case 'chat/tool':
      transcript.tool(message);
      return;
    case 'chat/usage':
      toolbar.setUsage(message.session, message.sessionCostUsd);
      return;
    case 'chat/notice':
      transcript.notice(message);
      return;
    case 'chat/done':
      transcript.done(message);
      announce(message.reason === 'done' ? 'The agent finished.' : message.reason === 'cancelled' ? 'Stopped.' : 'The agent stopped.');
      return;
    case 'chat/busy':
      turnId = message.turnId;
      composer.setBusy(message.turnId !== null);
      document.body.dataset.busy = String(message.turnId !== null);
      return;
    case 'permission/request':
      transcript.permissionRequest(message);
      announce(`Approval needed: ${message.prompt.title}`);
      return;
    case 'permission/resolved':
      transcript.permissionResolved(message);
      return;
    case 'permission/error':
      transcript.permissionError(message.requestId, message.error);
      return;
    case 'edit/list':
      edits.update(message.edits);
      return;
    case 'mention/results':
      if (message.requestId === mentionRequest) composer.showMentions(message.files, message.selection);
      return;
    case 'pending/count':
      document.body.dataset.pending = String(message.count);
      return;
    default:
      assertNever(message);
  }
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !event.defaultPrevented && turnId) {
    event.preventDefault();
    stop();
  }
});
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!link) return;
  event.preventDefault();
  send({ type: 'link/open', href: link.getAttribute('href') ?? '' });
});

const app = document.getElementById('app') as HTMLElement;
app.replaceChildren(
  toolbar.element,
  banners,
  h('div', { class: 'body' }, transcript.element, history.element),
  edits.element,
  composer.element,
  status,
);
window.addEventListener('message', (event: MessageEvent<HostToWebview>) => receive(event.data));
helloId = send({ type: 'app/hello' });
// Warm the renderer and the common grammars while the panel is idle, before any answer streams.
setTimeout(() => {
  warmUpMarkdown();
  warmUpHighlighting(() => {
    document.body.dataset.warm = 'true';
  });
}, 0);
