/** A small helper to build DOM nodes without innerHTML. */
export type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [name, handler] of Object.entries(props.on ?? {})) {
    el.addEventListener(name, handler as EventListener);
  }
  append(el, children);
  return el;
}

export function append(parent: Element | DocumentFragment, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child);
  }
}

/** A codicon glyph; decorative, so hidden from assistive technology. */
export function icon(name: string): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name}`, attrs: { 'aria-hidden': 'true' } });
}

export interface ButtonOptions {
  /** The accessible name; also the visible text unless `iconOnly`. */
  label: string;
  icon?: string;
  iconOnly?: boolean;
  variant?: 'primary' | 'secondary' | 'danger' | 'plain';
  title?: string;
  onClick(event: MouseEvent): void;
}

export function button(options: ButtonOptions): HTMLButtonElement {
  const variant = options.variant ?? 'secondary';
  const el = h('button', {
    class: `btn btn-${variant}${options.iconOnly ? ' btn-icon' : ''}`,
    attrs: { type: 'button', title: options.title ?? (options.iconOnly ? options.label : undefined) },
    on: { click: options.onClick },
  });
  if (options.icon) el.append(icon(options.icon));
  if (options.iconOnly) el.setAttribute('aria-label', options.label);
  else el.append(h('span', { text: options.label }));
  return el;
}

/** Plain text where `backticked` parts become <code> (the engine writes commands that way). */
export function inlineText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  text.split(/(`[^`\n]+`)/).forEach((part) => {
    if (part === '') return;
    fragment.append(part.length > 2 && part.startsWith('`') && part.endsWith('`') ? h('code', { text: part.slice(1, -1) }) : part);
  });
  return fragment;
}

export function formatTokens(count: number): string {
  if (count < 1000) return String(count);
  if (count < 1_000_000) return `${(count / 1000).toFixed(count < 10_000 ? 1 : 0)}k`;
  return `${(count / 1_000_000).toFixed(1)}M`;
}

export function formatCost(usd: number): string {
  if (usd === 0) return '$0.00';
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}
