/**
 * The session's file edits, docked above the composer: pending edits with "Accept" and "Reject"
 * (and all at once when there are several), applied edits with "Review" and "Undo".
 */
import type { EditCard, EditStatus } from '../protocol/messages';
import { button, h, icon } from './dom';

export interface EditHooks {
  accept(editId: string): void;
  reject(editId: string): void;
  acceptAll(): void;
  rejectAll(): void;
  review(editId: string): void;
  undo(editId: string): void;
  open(path: string): void;
}

const STATUS_TEXT: Record<EditStatus, string> = {
  pending: 'waiting for your review',
  applied: 'applied',
  rejected: 'rejected',
  conflict: 'not applied: the file changed',
  undone: 'undone',
  cancelled: 'cancelled',
};

export class EditsDock {
  readonly element: HTMLElement;
  /** The person's choice; until they choose, the list is open only while edits wait for review. */
  private expanded: boolean | undefined;

  constructor(private readonly hooks: EditHooks) {
    this.element = h('section', { class: 'edits-dock', attrs: { 'aria-label': 'Edits' } });
    this.element.hidden = true;
  }

  update(edits: readonly EditCard[]): void {
    this.element.hidden = edits.length === 0;
    if (edits.length === 0) return;
    const pending = edits.filter((edit) => edit.status === 'pending');
    const heading = pending.length > 0 ? `${pending.length} edit${pending.length === 1 ? '' : 's'} waiting for your review` : `Edits this session (${edits.length})`;
    const open = pending.length > 0 || (this.expanded ?? false);
    const toggle = button({
      label: heading,
      icon: open ? 'chevron-down' : 'chevron-right',
      variant: 'plain',
      onClick: () => {
        this.expanded = !open;
        this.update(edits);
      },
    });
    toggle.setAttribute('aria-expanded', String(open));
    const header = h('div', { class: 'edits-header' }, toggle);
    if (pending.length > 1) {
      header.append(
        button({ label: 'Accept all', icon: 'check-all', variant: 'primary', onClick: () => this.hooks.acceptAll() }),
        button({ label: 'Reject all', icon: 'close-all', onClick: () => this.hooks.rejectAll() }),
      );
    }
    const list = h('ul', { class: 'edits-list' });
    list.hidden = !open;
    for (const edit of edits) list.append(this.row(edit));
    this.element.replaceChildren(header, list);
  }

  private row(edit: EditCard): HTMLElement {
    const name = edit.path.split('/').pop() ?? edit.path;
    const stats = h('span', { class: 'edit-stats' }, h('span', { class: 'added', text: `+${edit.added}` }), h('span', { class: 'removed', text: `−${edit.removed}` }));
    const status = edit.automatic && edit.status === 'applied' ? 'applied automatically (Accept Edits mode)' : STATUS_TEXT[edit.status];
    const actions = h('span', { class: 'edit-actions' });
    if (edit.status === 'pending') {
      actions.append(
        button({ label: `Open diff of ${name}`, icon: 'diff', iconOnly: true, variant: 'plain', onClick: () => this.hooks.review(edit.editId) }),
        button({ label: 'Accept', icon: 'check', variant: 'primary', onClick: () => this.hooks.accept(edit.editId) }),
        button({ label: 'Reject', icon: 'close', onClick: () => this.hooks.reject(edit.editId) }),
      );
    } else if (edit.status === 'applied') {
      actions.append(
        button({ label: 'Review', icon: 'diff', iconOnly: true, variant: 'plain', title: `Review: show what changed in ${edit.path}`, onClick: () => this.hooks.review(edit.editId) }),
        button({ label: 'Undo', icon: 'discard', iconOnly: true, variant: 'plain', title: `Undo: restore ${edit.path} as it was before this edit`, onClick: () => this.hooks.undo(edit.editId) }),
      );
    }
    const pathId = `edit-path-${edit.editId}`;
    for (const action of actions.querySelectorAll('button')) action.setAttribute('aria-describedby', pathId);
    return h(
      'li',
      { class: `edit-row edit-${edit.status}`, attrs: { 'data-edit-id': edit.editId } },
      icon(edit.created ? 'new-file' : 'edit'),
      h(
        'span',
        { class: 'edit-main' },
        h('button', { class: 'edit-path', text: edit.path, attrs: { type: 'button', title: `Open ${edit.path}`, id: pathId }, on: { click: () => this.hooks.open(edit.path) } }),
        stats,
        h('span', { class: 'edit-status', text: status }),
      ),
      actions,
      edit.note ? h('p', { class: 'edit-note', text: edit.note }) : null,
    );
  }
}
