/**
 * Where the person writes: Enter sends, Shift+Enter adds a line, Escape stops the running turn,
 * "@" mentions workspace files or the editor selection. Attached context shows as removable chips.
 */
import { button, h, icon } from './dom';
import { MentionPopup, type MentionChoice } from './mentionPopup';

export interface ComposerHooks {
  send(text: string, files: string[], selection: boolean): void;
  stop(): void;
  searchMentions(query: string): void;
}

export class Composer {
  readonly element: HTMLElement;
  readonly input: HTMLTextAreaElement;
  private readonly popup: MentionPopup;
  private readonly chips: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly hint: HTMLElement;
  private files: string[] = [];
  private selection: string | null = null;
  private busy = false;
  private blockedReason: string | null = null;
  /** Where the "@" of the mention being typed stands in the text. */
  private mentionStart = -1;

  constructor(private readonly hooks: ComposerHooks) {
    this.input = h('textarea', {
      class: 'composer-input',
      attrs: {
        rows: 3,
        'aria-label': 'Message to AgentGate',
        placeholder: 'Ask AgentGate… (@ to add files, Enter to send, Shift+Enter for a new line)',
        'aria-autocomplete': 'list',
        'aria-controls': 'mention-list',
      },
    });
    this.popup = new MentionPopup(this.input, (choice) => this.choose(choice));
    this.chips = h('ul', { class: 'chips', attrs: { 'aria-label': 'Context to send' } });
    this.sendButton = button({ label: 'Send', icon: 'send', variant: 'primary', onClick: () => this.submit() });
    this.stopButton = button({ label: 'Stop', icon: 'debug-stop', variant: 'danger', onClick: () => this.hooks.stop() });
    this.stopButton.hidden = true;
    const mention = button({
      label: 'Add context (@)',
      icon: 'mention',
      iconOnly: true,
      variant: 'plain',
      onClick: () => {
        this.input.focus();
        this.input.setRangeText('@', this.input.selectionStart, this.input.selectionEnd, 'end');
        this.onInput();
      },
    });
    this.hint = h('p', { class: 'composer-hint', attrs: { role: 'status' } });
    this.element = h(
      'div',
      { class: 'composer' },
      this.popup.element,
      this.chips,
      this.input,
      h('div', { class: 'composer-actions' }, mention, this.hint, this.stopButton, this.sendButton),
    );
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('blur', () => setTimeout(() => this.popup.close(), 150));
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.stopButton.hidden = !busy;
    this.sendButton.hidden = busy;
    this.updateHint();
  }

  /** When set, sending is not possible (e.g. no provider) and the reason is shown. */
  setBlocked(reason: string | null): void {
    this.blockedReason = reason;
    this.sendButton.disabled = reason !== null;
    this.updateHint();
  }

  showMentions(files: readonly string[], selection: string | null): void {
    if (this.mentionStart < 0) return;
    this.popup.show(files, selection);
  }

  private updateHint(): void {
    this.hint.textContent = this.busy ? 'Working… Escape stops.' : (this.blockedReason ?? '');
  }

  private onKey(event: KeyboardEvent): void {
    if (this.popup.handleKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.submit();
    }
  }

  private onInput(): void {
    const caret = this.input.selectionStart;
    const before = this.input.value.slice(0, caret);
    const match = /(^|\s)@([^\s@]*)$/.exec(before);
    if (!match) {
      this.mentionStart = -1;
      this.popup.close();
      return;
    }
    this.mentionStart = caret - (match[2]?.length ?? 0) - 1;
    this.hooks.searchMentions(match[2] ?? '');
  }

  private choose(choice: MentionChoice): void {
    if (this.mentionStart >= 0) {
      const caret = this.input.selectionStart;
      this.input.setRangeText('', this.mentionStart, caret, 'end');
      this.mentionStart = -1;
    }
    if (choice.kind === 'file' && !this.files.includes(choice.path)) this.files.push(choice.path);
    if (choice.kind === 'selection') this.selection = choice.label;
    this.renderChips();
    this.input.focus();
  }

  private renderChips(): void {
    const chip = (label: string, glyph: string, remove: () => void) =>
      h(
        'li',
        { class: 'chip' },
        icon(glyph),
        h('span', { text: label, attrs: { title: label } }),
        button({
          label: `Remove ${label}`,
          icon: 'close',
          iconOnly: true,
          variant: 'plain',
          onClick: () => {
            remove();
            this.renderChips();
          },
        }),
      );
    const items = this.files.map((path) => chip(path, 'file', () => (this.files = this.files.filter((file) => file !== path))));
    if (this.selection) items.unshift(chip(`Selection: ${this.selection}`, 'selection', () => (this.selection = null)));
    this.chips.replaceChildren(...items);
    this.chips.hidden = items.length === 0;
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text || this.busy || this.blockedReason !== null) return;
    this.hooks.send(text, [...this.files], this.selection !== null);
    this.input.value = '';
    this.files = [];
    this.selection = null;
    this.renderChips();
  }
}
