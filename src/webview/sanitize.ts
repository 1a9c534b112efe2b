/**
 * Defence in depth after markdown-it (which already runs with raw HTML disabled): parse the HTML
 * into an inert <template>, keep only an allow-list of elements and attributes, and unwrap or
 * drop everything else. Nothing from the model reaches the live DOM without passing here.
 */
import { isSafeHref } from './links';
const ALLOWED: Record<string, readonly string[]> = {
  p: [], br: [], hr: [], h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  strong: [], em: [], s: [], del: [], code: ['class'], pre: [], blockquote: [],
  ul: [], ol: ['start'], li: [], a: ['href'], table: [], thead: [], tbody: [], tr: [],
  th: [], td: [], span: ['class'], sup: [], sub: [],
};
/** Dropped with their content. */
const DROPPED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'form', 'img', 'video', 'audio']);

export { isSafeHref };

function cleanAttributes(el: Element, allowed: readonly string[]): void {
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    if (!allowed.includes(name)) {
      el.removeAttribute(attr.name);
      continue;
    }
    if (name === 'href' && !isSafeHref(attr.value)) el.removeAttribute(attr.name);
    if (name === 'class' && !/^(language-[\w+#-]+|hljs[\w -]*)$/.test(attr.value)) el.removeAttribute(attr.name);
    if (name === 'start' && !/^\d{1,9}$/.test(attr.value)) el.removeAttribute(attr.name);
  }
}

function cleanChildren(parent: Node): void {
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE) continue;
    if (node.nodeType !== Node.ELEMENT_NODE) {
      node.remove();
      continue;
    }
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (DROPPED.has(tag)) {
      el.remove();
      continue;
    }
    const allowed = ALLOWED[tag];
    cleanChildren(el);
    if (allowed === undefined) {
      el.replaceWith(...el.childNodes);
      continue;
    }
    cleanAttributes(el, allowed);
  }
}

/** Returns a fragment holding only allowed elements and attributes. */
export function sanitizeHtml(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  cleanChildren(template.content);
  return template.content;
}
