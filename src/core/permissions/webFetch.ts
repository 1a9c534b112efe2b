import { domainToASCII } from 'node:url';

/**
 * WebFetch addresses and `WebFetch(domain:...)` rules. Hosts are compared after WHATWG URL
 * parsing (lowercase, punycode for international names, trailing dot removed), never as string
 * prefixes. Addresses that different URL parsers read differently (backslashes, user names,
 * whitespace) are refused outright rather than guessed at.
 */

export type FetchUrlResult =
  | { ok: true; url: URL; host: string }
  | { ok: false; reason: string };

/** Parses and vets a WebFetch address. `reason` completes "WebFetch of <url> is refused: …". */
export function parseFetchUrl(raw: string): FetchUrlResult {
  if (raw.includes('\\')) return { ok: false, reason: 'it contains a backslash, which URL parsers read differently' };
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(raw)) return { ok: false, reason: 'it contains whitespace or control characters' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'it is not a valid absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `its scheme ${url.protocol} is not http or https` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'it contains a user name or password before the host' };
  }
  const host = normalizeHost(url.hostname);
  if (host === '') return { ok: false, reason: 'it has no host' };
  return { ok: true, url, host };
}

function normalizeHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.+$/, '');
}

export type DomainPattern = { kind: 'exact'; host: string } | { kind: 'subdomains'; parent: string };

/**
 * Parses the specifier of `WebFetch(domain:example.com)` or `WebFetch(domain:*.example.com)`.
 * Returns undefined for anything else (a URL, a port, a path), which the engine treats as a
 * specifier it cannot interpret.
 */
export function parseDomainSpecifier(specifier: string): DomainPattern | undefined {
  const match = /^domain:(.+)$/.exec(specifier.trim());
  if (!match) return undefined;
  let name = match[1].trim();
  const wildcard = name.startsWith('*.');
  if (wildcard) name = name.slice(2);
  if (name === '' || /[/:@\\*?#\s[\]]/.test(name)) return undefined;
  const ascii = normalizeHost(domainToASCII(name.toLowerCase()));
  if (ascii === '') return undefined;
  return wildcard ? { kind: 'subdomains', parent: ascii } : { kind: 'exact', host: ascii };
}

/** `example.com` matches only that host; `*.example.com` matches its subdomains, not itself. */
export function domainMatches(pattern: DomainPattern, host: string): boolean {
  if (pattern.kind === 'exact') return host === pattern.host;
  return host.endsWith(`.${pattern.parent}`) && host.length > pattern.parent.length + 1;
}
