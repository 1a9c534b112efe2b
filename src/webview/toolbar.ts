/** The top bar: new session, history, the permission mode, and the session's tokens and cost. */
import type { ModeChanged, PanelMode, UsageTotals } from '../protocol/messages';
import { MODE_LABEL, MODE_SUMMARY } from '../protocol/modes';
import { button, formatCost, formatTokens, h } from './dom';

export interface ToolbarHooks {
  newSession(): void;
  showHistory(): void;
  setMode(mode: PanelMode): void;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly mode: HTMLSelectElement;
  private readonly modeHelp: HTMLElement;
  private readonly usage: HTMLElement;
  private current: PanelMode = 'default';

  constructor(hooks: ToolbarHooks) {
    this.mode = h('select', { class: 'mode-select', attrs: { 'aria-label': 'Permission mode', 'aria-describedby': 'mode-help' } });
    this.mode.addEventListener('change', () => {
      const chosen = this.mode.value as PanelMode;
      this.mode.value = this.current;
      hooks.setMode(chosen);
    });
    this.modeHelp = h('p', { class: 'mode-help', attrs: { id: 'mode-help' } });
    this.usage = h('span', { class: 'usage', attrs: { role: 'status', 'aria-label': 'Session usage' } });
    this.element = h(
      'header',
      { class: 'toolbar' },
      h(
        'div',
        { class: 'toolbar-row' },
        button({ label: 'New session', icon: 'add', iconOnly: true, variant: 'plain', onClick: () => hooks.newSession() }),
        button({ label: 'Session history', icon: 'history', iconOnly: true, variant: 'plain', onClick: () => hooks.showHistory() }),
        h('label', { class: 'mode-label' }, h('span', { class: 'visually-hidden', text: 'Mode' }), this.mode),
        this.usage,
      ),
      this.modeHelp,
    );
  }

  setMode(message: ModeChanged): void {
    this.current = message.mode;
    this.mode.replaceChildren(
      ...message.options.map((option) =>
        h('option', {
          text: option.available ? MODE_LABEL[option.mode] : `${MODE_LABEL[option.mode]} (unavailable)`,
          attrs: { value: option.mode, disabled: !option.available, title: option.unavailableReason ?? MODE_SUMMARY[option.mode] },
        }),
      ),
    );
    this.mode.value = message.mode;
    this.mode.dataset.mode = message.mode;
    const unavailable = message.options.find((option) => !option.available && option.unavailableReason);
    this.modeHelp.textContent = `${MODE_LABEL[message.mode]}: ${MODE_SUMMARY[message.mode]}`;
    this.modeHelp.title = [this.modeHelp.textContent, unavailable?.unavailableReason].filter(Boolean).join('\n');
  }

  setUsage(totals: UsageTotals, costUsd: number | null): void {
    const tokens = totals.inputTokens + totals.outputTokens + totals.cacheReadTokens + totals.cacheWriteTokens;
    const cost = costUsd === null ? 'cost unknown' : formatCost(costUsd);
    this.usage.textContent = `${formatTokens(tokens)} tokens · ${cost}`;
    this.usage.title = `Input ${totals.inputTokens}, output ${totals.outputTokens}, cache read ${totals.cacheReadTokens}, cache write ${totals.cacheWriteTokens} tokens; ${costUsd === null ? 'the model’s price is unknown' : `estimated cost ${cost}`}`;
  }

  clearUsage(): void {
    this.usage.textContent = '';
    this.usage.title = '';
  }
}
