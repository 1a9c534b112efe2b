import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { resolveProviderConfig } from '../../../../src/core/providers/config';
import { createModelProvider } from '../../../../src/core/providers/createProvider';
import { bypassesProxy, proxyFor } from '../../../../src/core/providers/proxy';
import { say, startModelServer, type ModelServer, type ModelServerKind } from '../../../support/modelServers';
import { startForwardProxy, type ForwardProxy } from './forwardProxy';
import { collect, request, TEXT_OF } from './helpers';

describe('proxy settings', () => {
  it('matches NO_PROXY entries: hosts, domain suffixes, ports and *', () => {
    const url = new URL('https://api.corp.example.com/v1');
    assert.equal(bypassesProxy(url, undefined), false);
    assert.equal(bypassesProxy(url, 'localhost'), false);
    assert.equal(bypassesProxy(url, 'api.corp.example.com'), true);
    assert.equal(bypassesProxy(url, 'localhost, .example.com'), true);
    assert.equal(bypassesProxy(url, 'example.com'), true);
    assert.equal(bypassesProxy(url, '*.corp.example.com'), true);
    assert.equal(bypassesProxy(url, 'ample.com'), false);
    assert.equal(bypassesProxy(url, 'api.corp.example.com:8443'), false);
    assert.equal(bypassesProxy(url, 'api.corp.example.com:443'), true);
    assert.equal(bypassesProxy(url, '*'), true);
  });

  it('uses HTTPS_PROXY for https targets (falling back to HTTP_PROXY) and HTTP_PROXY for http targets', () => {
    const settings = { httpProxy: 'http://plain:1', httpsProxy: 'http://secure:2' };
    assert.equal(proxyFor(new URL('https://x.example'), settings), 'http://secure:2');
    assert.equal(proxyFor(new URL('http://x.example'), settings), 'http://plain:1');
    assert.equal(proxyFor(new URL('https://x.example'), { httpProxy: 'http://plain:1' }), 'http://plain:1');
    assert.equal(proxyFor(new URL('http://x.example'), { httpsProxy: 'http://secure:2' }), undefined);
  });
});

describe('requests through a proxy', () => {
  const closers: { close(): Promise<void> }[] = [];
  after(() => Promise.all(closers.map((item) => item.close())));

  async function setup(kind: ModelServerKind): Promise<{ server: ModelServer; proxy: ForwardProxy }> {
    const server = await startModelServer(kind, [say('via proxy'), say('direct')]);
    const proxy = await startForwardProxy();
    closers.push(server, proxy);
    return { server, proxy };
  }

  for (const kind of ['anthropic', 'bedrock', 'vertex'] as const) {
    it(`${kind}: goes through HTTP_PROXY when set, and straight when NO_PROXY exempts the host`, async () => {
      const { server, proxy } = await setup(kind);
      const host = new URL(server.url).host;

      const proxied = { ...server.env, HTTP_PROXY: proxy.url };
      const viaProxy = createModelProvider(resolveProviderConfig(proxied), { env: proxied, cwd: process.cwd() });
      const config = resolveProviderConfig(proxied);
      assert.equal(TEXT_OF(await viaProxy.stream(request(config.model), collect())), 'via proxy');
      assert.deepEqual(proxy.targets, [host]);

      const exempt = { ...proxied, NO_PROXY: '127.0.0.1' };
      const direct = createModelProvider(resolveProviderConfig(exempt), { env: exempt, cwd: process.cwd() });
      assert.equal(TEXT_OF(await direct.stream(request(config.model), collect())), 'direct');
      assert.deepEqual(proxy.targets, [host], 'no new proxy traffic');
      assert.equal(server.requests.length, 2);
    });
  }
});
