import { convert, type SelectorDefinition } from 'html-to-text';

const headings: SelectorDefinition[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } }));

const selectors: SelectorDefinition[] = [
  { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
  { selector: 'img', format: 'skip' },
  { selector: 'noscript', format: 'skip' },
  { selector: 'template', format: 'skip' },
  { selector: 'table', format: 'dataTable' },
  ...headings,
];

/** Readable text of an HTML page: scripts, styles and images dropped, links kept as [url]. */
export function htmlToText(html: string): string {
  return convert(html, { wordwrap: false, selectors }).replace(/\n{3,}/g, '\n\n').trim();
}
