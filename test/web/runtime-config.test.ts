import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadRuntimeConfig,
  parseRuntimeConfig,
  RuntimeConfigError,
  type PageLocation,
} from '../../web/src/config/runtime-config';

const httpsPage: PageLocation = {
  origin: 'https://plume.example',
  protocol: 'https:',
  host: 'plume.example',
};
const localPage: PageLocation = {
  origin: 'http://localhost:3000',
  protocol: 'http:',
  host: 'localhost:3000',
};

describe('parseRuntimeConfig', () => {
  it('fills every missing field from the page origin, with wss on an https page', () => {
    expect(parseRuntimeConfig({}, httpsPage)).toEqual({
      apiUrl: 'https://plume.example/api',
      wsUrl: 'wss://plume.example/ws',
    });
    expect(parseRuntimeConfig({}, localPage)).toEqual({
      apiUrl: 'http://localhost:3000/api',
      wsUrl: 'ws://localhost:3000/ws',
    });
  });

  it('keeps absolute URLs, drops trailing slashes and carries region and version', () => {
    const config = parseRuntimeConfig(
      {
        apiUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/api/',
        wsUrl: 'wss://def456.execute-api.eu-west-1.amazonaws.com/live',
        region: 'eu-west-1',
        version: '1.4.0',
        somethingNew: true,
      },
      httpsPage,
    );
    expect(config).toEqual({
      apiUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/api',
      wsUrl: 'wss://def456.execute-api.eu-west-1.amazonaws.com/live',
      region: 'eu-west-1',
      version: '1.4.0',
    });
  });

  it('turns http(s) WebSocket URLs into ws(s)', () => {
    expect(parseRuntimeConfig({ wsUrl: 'https://x.example/ws' }, localPage).wsUrl).toBe('wss://x.example/ws');
    expect(parseRuntimeConfig({ wsUrl: '/socket' }, localPage).wsUrl).toBe('ws://localhost:3000/socket');
  });

  it('rejects what would point the dashboard somewhere wrong', () => {
    expect(() => parseRuntimeConfig([], httpsPage)).toThrow(RuntimeConfigError);
    expect(() => parseRuntimeConfig('x', httpsPage)).toThrow(/JSON object/);
    expect(() => parseRuntimeConfig({ apiUrl: 42 }, httpsPage)).toThrow(/apiUrl .* must be a string/);
    expect(() => parseRuntimeConfig({ apiUrl: 'ftp://x/api' }, httpsPage)).toThrow(/http\(s\)/);
    expect(() => parseRuntimeConfig({ wsUrl: 'mailto:a@b.c' }, httpsPage)).toThrow(/ws\(s\)/);
  });
});

describe('loadRuntimeConfig over HTTP', () => {
  let server: Server;
  let page: PageLocation;
  const answers = new Map<string, { status: number; body: string }>();
  let current = 'ok';

  beforeAll(async () => {
    answers.set('ok', {
      status: 200,
      body: JSON.stringify({ apiUrl: '/api', wsUrl: '/ws', version: '0.1.0' }),
    });
    answers.set('missing', { status: 404, body: 'Not found' });
    answers.set('broken', { status: 502, body: '<html>Bad gateway</html>' });
    answers.set('garbled', { status: 200, body: '<!doctype html><html></html>' });
    server = createServer((request, response) => {
      const answer =
        request.url === '/config.json' ? answers.get(current)! : { status: 500, body: 'wrong path' };
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    page = { origin: `http://127.0.0.1:${port}`, protocol: 'http:', host: `127.0.0.1:${port}` };
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads /config.json', async () => {
    current = 'ok';
    await expect(loadRuntimeConfig(fetch, page)).resolves.toEqual({
      apiUrl: `${page.origin}/api`,
      wsUrl: `ws://${page.host}/ws`,
      version: '0.1.0',
    });
  });

  it('uses the defaults when there is no /config.json', async () => {
    current = 'missing';
    await expect(loadRuntimeConfig(fetch, page)).resolves.toEqual({
      apiUrl: `${page.origin}/api`,
      wsUrl: `ws://${page.host}/ws`,
    });
  });

  it('fails loudly on a server error or a body that is not JSON', async () => {
    current = 'broken';
    await expect(loadRuntimeConfig(fetch, page)).rejects.toThrow(/answered 502/);
    current = 'garbled';
    await expect(loadRuntimeConfig(fetch, page)).rejects.toThrow(/not valid JSON/);
  });
});
