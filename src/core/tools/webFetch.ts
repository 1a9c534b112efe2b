import { z } from 'zod';
import { defineTool } from './defineTool';
import { htmlToText } from './htmlToText';
import { isTextContentType, mediaType } from './nodeFetchText';
import { WebFetchError } from './toolErrors';
import { truncateEnd } from './truncate';
import type { FetchTextResult, ToolContext } from './types';

/** Characters of page text handed to the digesting model. */
export const WEB_FETCH_MAX_CONTENT_CHARS = 100_000;
const MAX_REDIRECTS = 10;

const inputSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'url must be a complete http:// or https:// URL' }).max(2000).describe('The URL to fetch content from'),
  prompt: z.string().min(1).describe('The prompt to run on the fetched content'),
});

/** Redirects are followed only where the approval for the original URL still holds. */
export function isPermittedRedirect(from: URL, to: URL): boolean {
  const protocolOk = to.protocol === from.protocol || (from.protocol === 'http:' && to.protocol === 'https:');
  return protocolOk && to.hostname === from.hostname && to.port === from.port && to.username === '' && to.password === '';
}

function redirectNotice(from: string, to: string, status: number, prompt: string): string {
  return [
    `The URL redirected (HTTP ${status}) to a different host, which was not fetched: WebFetch follows redirects only within the same host, so that a new host needs its own approval.`,
    `Original URL: ${from}`,
    `Redirect URL: ${to}`,
    `To read it, call WebFetch again with url "${to}" and the prompt ${JSON.stringify(prompt)}.`,
  ].join('\n');
}

async function fetchOnce(ctx: ToolContext, url: URL): Promise<FetchTextResult> {
  return ctx.fetchText(url.href, ctx.signal);
}

function pageText(url: string, page: FetchTextResult): string {
  if (page.status >= 400) throw new WebFetchError(`${url} answered HTTP ${page.status}; nothing to read.`);
  if (!isTextContentType(page.contentType)) {
    throw new WebFetchError(`${url} returned "${mediaType(page.contentType) || 'no content type'}", which is not text. WebFetch reads HTML, plain text, JSON, XML and similar text formats only.`);
  }
  const type = mediaType(page.contentType);
  const text = type === 'text/html' || type === 'application/xhtml+xml' ? htmlToText(page.body) : page.body;
  return truncateEnd(text, WEB_FETCH_MAX_CONTENT_CHARS, '[content truncated]');
}

export const webFetchTool = defineTool({
  name: 'WebFetch',
  description: [
    'Fetches a URL, converts the page to text and has a separate model answer the prompt about it; returns that answer, not the page itself.',
    '- url must be a complete http(s) URL; prompt says what to extract or answer from the page.',
    '- Redirects are followed within the same host only. A redirect to another host is reported with its URL: call WebFetch again with that URL.',
    '- Only text content (HTML, plain text, JSON, XML, ...) is read. Pages behind a login will not work.',
  ].join('\n'),
  inputSchema,
  readOnly: true,
  async run(input, ctx) {
    const original = new URL(input.url);
    let current = original;
    for (let hop = 0; ; hop++) {
      const page = await fetchOnce(ctx, current);
      if (page.status >= 300 && page.status < 400) {
        if (page.location === undefined) throw new WebFetchError(`${current.href} answered HTTP ${page.status} without a redirect location.`);
        const target = new URL(page.location, current);
        if (!isPermittedRedirect(current, target)) return { content: redirectNotice(original.href, target.href, page.status, input.prompt) };
        if (hop >= MAX_REDIRECTS) throw new WebFetchError(`${original.href} redirected more than ${MAX_REDIRECTS} times; giving up.`);
        current = target;
        continue;
      }
      // A fetcher that followed redirects on its own must not carry content in from another host.
      const final = new URL(page.finalUrl || current.href);
      if (!isPermittedRedirect(current, final) && final.href !== current.href) {
        return { content: redirectNotice(original.href, final.href, page.status, input.prompt) };
      }
      const content = pageText(current.href, page);
      const digest = await ctx.web.digest({ url: current.href, content, prompt: input.prompt, signal: ctx.signal });
      return { content: digest.trim() === '' ? `(The page at ${current.href} was fetched, but the summary came back empty.)` : digest };
    }
  },
});
