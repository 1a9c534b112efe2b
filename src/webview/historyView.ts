/** Earlier sessions of this workspace, newest first, each with a "Resume" button. */
import type { SessionListResult } from '../protocol/messages';
import { button, h } from './dom';

export interface HistoryHooks {
  resume(sessionId: string): void;
  close(): void;
}

export class HistoryView {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;

  constructor(private readonly hooks: HistoryHooks) {
    this.list = h('ul', { class: 'history-list' });
    this.element = h(
      'section',
      { class: 'history', attrs: { 'aria-label': 'Session history' } },
      h('div', { class: 'history-header' }, h('h2', { text: 'Session history' }), button({ label: 'Back to chat', icon: 'arrow-left', variant: 'plain', onClick: () => hooks.close() })),
      this.list,
    );
    this.element.hidden = true;
  }

  loading(): void {
    this.list.replaceChildren(h('li', { class: 'muted', text: 'Loading sessions…' }));
  }

  show(result: SessionListResult): void {
    if (result.error) {
      this.list.replaceChildren(h('li', { class: 'notice notice-error', attrs: { role: 'alert' }, text: result.error }));
      return;
    }
    if (result.sessions.length === 0) {
      this.list.replaceChildren(h('li', { class: 'muted', text: 'No earlier sessions in this workspace yet.' }));
      return;
    }
    this.list.replaceChildren(
      ...result.sessions.map((session) => {
        const when = new Date(session.updatedAt);
        const date = Number.isNaN(when.getTime()) ? session.updatedAt : when.toLocaleString();
        return h(
          'li',
          { class: 'history-item' },
          h('div', { class: 'history-text' }, h('span', { class: 'history-title', text: session.title }), h('span', { class: 'muted', text: `${date} · ${session.messageCount} messages` })),
          button({ label: 'Resume', icon: 'debug-continue', onClick: () => this.hooks.resume(session.sessionId) }),
        );
      }),
    );
    for (const item of this.list.querySelectorAll('.history-item')) {
      const title = item.querySelector('.history-title')?.textContent ?? '';
      item.querySelector('button')?.setAttribute('aria-label', `Resume “${title}”`);
    }
  }
}
