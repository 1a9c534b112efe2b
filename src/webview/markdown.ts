/**
 * The model's Markdown, rendered safely: markdown-it with raw HTML off, links limited to http(s)
 * and mailto, images shown as links (the CSP blocks remote images anyway), then the allow-list
 * sanitizer. Code blocks get a language label, a copy button and idle-time highlighting.
 */
import MarkdownIt from 'markdown-it';
import { button, h } from './dom';
import { highlightLater } from './highlight';
import { isSafeHref, sanitizeHtml } from './sanitize';

const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });
md.validateLink = (url: string) => isSafeHref(url);
md.disable(['image']);

export interface MarkdownHooks {
  copy(text: string): void;
}

/** Runs the renderer once on a small sample so its first real use is not its slowest. */
export function warmUpMarkdown(): void {
  sanitizeHtml(md.render('# Title\n\nSome *text* with `code`, a [link](https://example.com) and\n\n- a\n- list\n\n```ts\nconst a = 1;\n```\n'));
}

/** Renders Markdown source into a sanitized fragment (code blocks decorated). */
export function renderMarkdown(source: string, hooks: MarkdownHooks): DocumentFragment {
  const fragment = sanitizeHtml(md.render(source));
  for (const pre of [...fragment.querySelectorAll('pre')]) decorateCodeBlock(pre, hooks);
  return fragment;
}

function decorateCodeBlock(pre: HTMLPreElement, hooks: MarkdownHooks): void {
  const code = pre.querySelector('code');
  const language = /language-([\w+#-]+)/.exec(code?.className ?? '')?.[1] ?? '';
  const copy = button({
    label: language ? `Copy ${language} code` : 'Copy code',
    icon: 'copy',
    iconOnly: true,
    variant: 'plain',
    onClick: () => {
      hooks.copy(code?.textContent ?? pre.textContent ?? '');
      const glyph = copy.querySelector('.codicon');
      glyph?.classList.replace('codicon-copy', 'codicon-check');
      copy.title = 'Copied';
      setTimeout(() => {
        glyph?.classList.replace('codicon-check', 'codicon-copy');
        copy.title = copy.getAttribute('aria-label') ?? 'Copy code';
      }, 1500);
    },
  });
  const bar = h('div', { class: 'code-bar' }, h('span', { class: 'code-lang', text: language }), copy);
  const wrapper = h('div', { class: 'code-block' });
  pre.replaceWith(wrapper);
  wrapper.append(bar, pre);
  if (code) highlightLater(code);
}
