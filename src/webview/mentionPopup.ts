/**
 * The @-mention list: workspace files matching what follows "@", and the editor's current
 * selection. A listbox driven from the textarea (aria-activedescendant), keyboard first.
 */
import { h, icon } from './dom';

export type MentionChoice = { kind: 'file'; path: string } | { kind: 'selection'; label: string };

export class MentionPopup {
  readonly element: HTMLElement;
  private choices: MentionChoice[] = [];
  private active = 0;

  constructor(
    private readonly input: HTMLTextAreaElement,
    private readonly onChoose: (choice: MentionChoice) => void,
  ) {
    this.element = h('ul', { class: 'mention-popup', attrs: { role: 'listbox', id: 'mention-list', 'aria-label': 'Files and selection to add as context' } });
    this.element.hidden = true;
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  show(files: readonly string[], selection: string | null): void {
    this.choices = [...(selection ? [{ kind: 'selection', label: selection } as const] : []), ...files.map((path) => ({ kind: 'file', path }) as const)];
    this.active = 0;
    this.render();
  }

  close(): void {
    this.element.hidden = true;
    this.choices = [];
    this.input.removeAttribute('aria-activedescendant');
  }

  /** Handles a key from the textarea; returns true when the popup used it. */
  handleKey(event: KeyboardEvent): boolean {
    if (!this.isOpen) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.choices.length) % Math.max(1, this.choices.length);
      this.render();
      return true;
    }
    if ((event.key === 'Enter' || event.key === 'Tab') && this.choices.length > 0) {
      const choice = this.choices[this.active];
      if (choice) this.onChoose(choice);
      this.close();
      return true;
    }
    if (event.key === 'Escape') {
      this.close();
      return true;
    }
    return false;
  }

  private render(): void {
    this.element.hidden = false;
    if (this.choices.length === 0) {
      this.element.replaceChildren(h('li', { class: 'muted', attrs: { role: 'option', 'aria-disabled': 'true' }, text: 'No matching files' }));
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    this.element.replaceChildren(
      ...this.choices.map((choice, index) => {
        const id = `mention-${index}`;
        const label = choice.kind === 'file' ? choice.path : `Current selection: ${choice.label}`;
        const item = h(
          'li',
          { class: index === this.active ? 'active' : '', attrs: { role: 'option', id, 'aria-selected': String(index === this.active) } },
          icon(choice.kind === 'file' ? 'file' : 'selection'),
          h('span', { text: label }),
        );
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          this.onChoose(choice);
          this.close();
        });
        return item;
      }),
    );
    this.input.setAttribute('aria-activedescendant', `mention-${this.active}`);
    this.element.querySelector('.active')?.scrollIntoView({ block: 'nearest' });
  }
}
