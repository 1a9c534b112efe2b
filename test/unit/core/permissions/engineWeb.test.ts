import { runCases, type Case } from './harness';

const fetch = (url: string) => ({ url, prompt: 'summarize' });
const ALLOW_EXAMPLE = { allow: ['WebFetch(domain:example.com)'] };
const ALLOW_SUBS = { allow: ['WebFetch(domain:*.example.com)'] };

const domains: Case[] = [
  { name: 'WebFetch(domain:example.com) allows that host', tool: 'WebFetch', input: fetch('https://example.com/page'), options: ALLOW_EXAMPLE, expect: 'allow', rule: 'WebFetch(domain:example.com)' },
  { name: 'host matching ignores case', tool: 'WebFetch', input: fetch('https://EXAMPLE.com/'), options: ALLOW_EXAMPLE, expect: 'allow' },
  { name: 'a trailing dot on the host is removed', tool: 'WebFetch', input: fetch('https://example.com./'), options: ALLOW_EXAMPLE, expect: 'allow' },
  { name: 'an explicit port is still the same host', tool: 'WebFetch', input: fetch('http://example.com:8080/x'), options: ALLOW_EXAMPLE, expect: 'allow' },
  { name: 'an upper-case rule matches the lower-case host', tool: 'WebFetch', input: fetch('https://example.com/'), options: { allow: ['WebFetch(domain:Example.COM)'] }, expect: 'allow' },
  { name: 'an international rule matches the punycode host', tool: 'WebFetch', input: fetch('https://xn--bcher-kva.example/'), options: { allow: ['WebFetch(domain:bücher.example)'] }, expect: 'allow' },
  { name: 'an international URL matches the punycode rule', tool: 'WebFetch', input: fetch('https://bücher.example/'), options: { allow: ['WebFetch(domain:xn--bcher-kva.example)'] }, expect: 'allow' },
  { name: '*.example.com matches a subdomain', tool: 'WebFetch', input: fetch('https://docs.example.com/'), options: ALLOW_SUBS, expect: 'allow' },
  { name: '*.example.com matches a deeper subdomain', tool: 'WebFetch', input: fetch('https://a.b.example.com/'), options: ALLOW_SUBS, expect: 'allow' },
  { name: '*.example.com does not match example.com itself', tool: 'WebFetch', input: fetch('https://example.com/'), options: ALLOW_SUBS, expect: 'ask' },
  { name: 'example.com does not match its subdomain', tool: 'WebFetch', input: fetch('https://docs.example.com/'), options: ALLOW_EXAMPLE, expect: 'ask' },
  { name: 'WebFetch asks by default, naming the rule that would allow it', tool: 'WebFetch', input: fetch('https://example.com/'), expect: 'ask', reason: 'Fetching from example.com asks unless a WebFetch(domain:example.com) rule allows it.' },
  { name: 'a deny for a subdomain beats an allow for all subdomains', tool: 'WebFetch', input: fetch('https://evil.example.com/'), options: { ...ALLOW_SUBS, deny: ['WebFetch(domain:evil.example.com)'] }, expect: 'deny' },
  { name: 'a deny rule with a URL instead of domain: applies to every fetch (fails safe)', tool: 'WebFetch', input: fetch('https://example.com/'), options: { ...ALLOW_EXAMPLE, deny: ['WebFetch(https://evil.example)'] }, expect: 'deny', reason: 'cannot interpret' },
  { name: 'an allow rule with a URL instead of domain: allows nothing', tool: 'WebFetch', input: fetch('https://example.com/'), options: { allow: ['WebFetch(https://example.com)'] }, expect: 'ask' },
  { name: 'an allow rule with a port allows nothing', tool: 'WebFetch', input: fetch('https://example.com:8443/'), options: { allow: ['WebFetch(domain:example.com:8443)'] }, expect: 'ask' },
];

const domainConfusion: Case[] = [
  { name: 'domain-prefix confusion: example.com.evil.net', tool: 'WebFetch', input: fetch('https://example.com.evil.net/'), options: ALLOW_EXAMPLE, expect: 'ask' },
  { name: 'domain-prefix confusion: evil-example.com', tool: 'WebFetch', input: fetch('https://evil-example.com/'), options: ALLOW_EXAMPLE, expect: 'ask' },
  { name: 'domain-prefix confusion: evilexample.com against *.example.com', tool: 'WebFetch', input: fetch('https://evilexample.com/'), options: ALLOW_SUBS, expect: 'ask' },
  { name: 'domain-prefix confusion: example.com in the path', tool: 'WebFetch', input: fetch('https://evil.net/example.com'), options: ALLOW_EXAMPLE, expect: 'ask' },
  { name: 'domain-prefix confusion: example.com in the query', tool: 'WebFetch', input: fetch('https://evil.net/?u=https://example.com'), options: ALLOW_EXAMPLE, expect: 'ask' },
  { name: 'domain-prefix confusion: userinfo example.com@evil.net is refused', tool: 'WebFetch', input: fetch('https://example.com@evil.net/'), options: ALLOW_EXAMPLE, expect: 'deny', reason: 'user name or password' },
  { name: 'domain-prefix confusion: user and password before the host are refused', tool: 'WebFetch', input: fetch('https://example.com:443@evil.net/'), options: ALLOW_EXAMPLE, expect: 'deny' },
  { name: 'domain-prefix confusion: backslash trick http://example.com\\@evil is refused', tool: 'WebFetch', input: fetch('http://example.com\\@evil.net/'), options: ALLOW_EXAMPLE, expect: 'deny', reason: 'backslash' },
  { name: 'domain-prefix confusion: backslash in place of slashes is refused', tool: 'WebFetch', input: fetch('https:\\\\example.com\\'), options: ALLOW_EXAMPLE, expect: 'deny' },
  { name: 'domain-prefix confusion: encoded @ in the host part', tool: 'WebFetch', input: fetch('https://example.com%40evil.net/'), options: ALLOW_EXAMPLE, expect: 'deny' },
  { name: 'domain-prefix confusion: whitespace inside the URL is refused', tool: 'WebFetch', input: fetch('https://example.com /@evil.net'), options: ALLOW_EXAMPLE, expect: 'deny' },
  { name: 'domain-prefix confusion: a newline inside the URL is refused', tool: 'WebFetch', input: fetch('https://example.com\n.evil.net/'), options: ALLOW_EXAMPLE, expect: 'deny' },
  { name: 'domain-prefix confusion: a URL without a scheme is refused', tool: 'WebFetch', input: fetch('example.com/x'), options: ALLOW_EXAMPLE, expect: 'deny' },
  { name: 'non-http scheme: file:// is refused', tool: 'WebFetch', input: fetch('file:///etc/passwd'), options: { allow: ['WebFetch'] }, expect: 'deny', reason: 'is not http or https' },
  { name: 'non-http scheme: javascript: is refused', tool: 'WebFetch', input: fetch('javascript:alert(1)'), expect: 'deny' },
  { name: 'non-http scheme: ftp is refused', tool: 'WebFetch', input: fetch('ftp://example.com/x'), options: ALLOW_EXAMPLE, expect: 'deny' },
  { name: 'non-http scheme: data: is refused', tool: 'WebFetch', input: fetch('data:text/plain,hi'), expect: 'deny' },
  { name: 'an IP address is not covered by a domain rule', tool: 'WebFetch', input: fetch('http://127.0.0.1/'), options: ALLOW_EXAMPLE, expect: 'ask' },
  { name: 'a decimal IP is normalised before matching a deny rule', tool: 'WebFetch', input: fetch('http://2130706433/'), options: { deny: ['WebFetch(domain:127.0.0.1)'] }, expect: 'deny' },
];

const webSearch: Case[] = [
  { name: 'WebSearch asks by default', tool: 'WebSearch', input: { query: 'x' }, expect: 'ask', reason: 'Web searches ask' },
  { name: 'WebSearch allowed by a bare rule', tool: 'WebSearch', input: { query: 'x' }, options: { allow: [['user', 'WebSearch']] }, expect: 'allow' },
  { name: 'WebSearch is not read-only: plan mode does not auto-allow it', tool: 'WebSearch', input: { query: 'x' }, mode: 'plan', expect: 'ask' },
];

const mcp: Case[] = [
  { name: 'MCP tools ask by default', tool: 'mcp__github__create_issue', input: { title: 't' }, expect: 'ask', reason: 'The MCP tool create_issue of server github asks' },
  { name: 'mcp__server allows every tool of the server', tool: 'mcp__github__create_issue', input: {}, options: { allow: ['mcp__github'] }, expect: 'allow', rule: 'mcp__github' },
  { name: 'mcp__server__* allows every tool of the server', tool: 'mcp__github__list_prs', input: {}, options: { allow: ['mcp__github__*'] }, expect: 'allow', rule: 'mcp__github__*' },
  { name: 'mcp__server__tool allows that tool', tool: 'mcp__github__list_prs', input: {}, options: { allow: ['mcp__github__list_prs'] }, expect: 'allow' },
  { name: 'mcp__server__tool does not allow another tool', tool: 'mcp__github__delete_repo', input: {}, options: { allow: ['mcp__github__list_prs'] }, expect: 'ask' },
  { name: 'server-prefix confusion: mcp__git does not cover mcp__github', tool: 'mcp__github__list_prs', input: {}, options: { allow: ['mcp__git'] }, expect: 'ask' },
  { name: 'server-prefix confusion: mcp__git__* does not cover mcp__github', tool: 'mcp__github__list_prs', input: {}, options: { allow: ['mcp__git__*'] }, expect: 'ask' },
  { name: 'a server deny beats a tool allow', tool: 'mcp__db__query', input: {}, options: { allow: ['mcp__db__query'], deny: [['managed', 'mcp__db']] }, expect: 'deny' },
  { name: 'a tool ask beats a server allow', tool: 'mcp__db__drop', input: {}, options: { allow: ['mcp__db'], ask: ['mcp__db__drop'] }, expect: 'ask' },
  { name: 'a bare tool deny removes one MCP tool', tool: 'mcp__db__drop', input: {}, mode: 'bypassPermissions', options: { deny: ['mcp__db__drop'] }, expect: 'deny' },
  { name: 'server names with underscores', tool: 'mcp__my_server__run', input: {}, options: { allow: ['mcp__my_server'] }, expect: 'allow' },
  { name: 'an MCP rule with a specifier never allows', tool: 'mcp__db__query', input: {}, options: { allow: ['mcp__db__query(select)'] }, expect: 'ask' },
];

const unknownTools: Case[] = [
  { name: 'an unknown tool asks by default', tool: 'TodoWrite', input: {}, expect: 'ask', reason: 'The TodoWrite tool asks unless a TodoWrite rule allows it.' },
  { name: 'an unknown tool allowed by a bare rule', tool: 'TodoWrite', input: {}, options: { allow: ['TodoWrite'] }, expect: 'allow' },
];

runCases('permission engine: WebFetch, WebSearch, MCP and other tools', [...domains, ...domainConfusion, ...webSearch, ...mcp, ...unknownTools]);
