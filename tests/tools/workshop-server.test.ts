/**
 * The workshop server against what anyone on the room's Wi-Fi can send it: every hostile request
 * gets a 4xx and a log line, nothing outside the build leaks, and the server keeps answering.
 */
import { rmSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/tools/workshop-server.ts';
import { hostileFixture, rawRequest, SECRET, statusOf } from './hostile-requests.ts';

const fixture = hostileFixture();
const logged: string[] = [];
let server: Server;
let port: number;

beforeAll(async () => {
  server = await startServer({
    dir: fixture.site,
    port: 0,
    host: '127.0.0.1',
    single: fixture.single,
    log: (line) => logged.push(line),
    urls: () => ['http://192.0.2.7:8080/'],
    headersTimeout: 1_500,
    requestTimeout: 3_000,
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(fixture.root, { recursive: true, force: true });
});

const get = (target: string, headers = '') =>
  rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`);

/** Fetches `target` with Node's client, which (unlike fetch) does not decompress. */
function fetchRaw(
  target: string,
  encoding: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      path: target,
      headers: { 'Accept-Encoding': encoding },
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

const HOSTILE: [string, string][] = [
  ['bad percent-encoding', '/%'],
  ['bad percent-encoding in a folder', '/assets/%zz'],
  ['traversal to a sibling folder', '/..%2fsite-x/secret.txt'],
  ['traversal to a sibling file', '/..%2fsite.env'],
  ['encoded dots', '/%2e%2e/site-x/secret.txt'],
  ['encoded dots and slash', '/%2e%2e%2foutside.txt'],
  ['double-encoded dots', '/%252e%252e/outside.txt'],
  ['plain dots', '/../outside.txt'],
  ['dots inside a folder', '/assets/../../outside.txt'],
  ['encoded backslashes', '/..%5csite-x%5csecret.txt'],
  ['raw backslashes', '/..\\site.env'],
  ['overlong UTF-8 dots', '/%c0%ae%c0%ae/outside.txt'],
  ['overlong UTF-8 slash', '/..%c0%afoutside.txt'],
  ['NUL byte', '/index.html%00.js'],
  ['absolute path', `/${fixture.root}/outside.txt`],
  ['encoded absolute path', `/${encodeURIComponent(`${fixture.root}/outside.txt`)}`],
  ['absolute URL', 'http://127.0.0.1/../outside.txt'],
  ['no leading slash', 'outside.txt'],
  ['Vite manifest', '/.vite/manifest.json'],
  ['dotfile', '/.env'],
  ['encoded dotfile', '/%2eenv'],
  ['symlink to a file outside', '/leak.txt'],
  ['symlink to a folder outside', '/out/secret.txt'],
  ['missing file', '/nothing-here.js'],
];

describe('the workshop server refuses hostile requests', () => {
  it.each(HOSTILE)('%s: a 4xx, a log line and nothing from outside', async (_name, target) => {
    const before = logged.length;
    const answer = await get(target);
    expect(statusOf(answer)).toBeGreaterThanOrEqual(400);
    expect(statusOf(answer)).toBeLessThan(500);
    expect(answer).not.toContain(SECRET);
    expect(logged.length).toBeGreaterThan(before);
    // And the server is still there.
    expect(statusOf(await get('/'))).toBe(200);
  });

  it('refuses other methods and request bodies', async () => {
    expect(
      statusOf(await rawRequest(port, 'DELETE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')),
    ).toBe(405);
    const body = 'x'.repeat(1_000_000);
    const post = await rawRequest(
      port,
      `GET / HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(statusOf(post)).toBe(413);
  });

  it('refuses 100 kB of headers and a request line that is not HTTP', async () => {
    const huge = await get('/', `X-Junk: ${'a'.repeat(100_000)}\r\n`);
    expect(statusOf(huge)).toBe(431);
    expect(statusOf(await rawRequest(port, 'HELLO\r\n\r\n'))).toBe(400);
    expect(statusOf(await get('/'))).toBe(200);
  });

  it('cuts off a client that sends its headers slowly, and answers others meanwhile', async () => {
    const started = Date.now();
    const slow = new Promise<string>((resolve) => {
      import('node:net').then(({ connect }) => {
        const socket = connect(port, '127.0.0.1');
        let answer = '';
        socket.write('GET / HTTP/1.1\r\nHost: x\r\n');
        const drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 300);
        socket.on('data', (chunk: Buffer) => {
          answer += chunk.toString();
        });
        socket.on('close', () => {
          clearInterval(drip);
          resolve(answer);
        });
        socket.on('error', () => undefined);
      });
    });
    expect(statusOf(await get('/'))).toBe(200);
    expect(statusOf(await slow)).toBe(408);
    expect(Date.now() - started).toBeLessThan(6_000);
  });
});

describe('the workshop server under load', () => {
  it('answers a bounded burst of 200 requests, 60 at a time, mixed with hostile ones', async () => {
    const targets = Array.from({ length: 200 }, (_, i) =>
      i % 4 === 0 ? (HOSTILE[i % HOSTILE.length]?.[1] as string) : i % 2 ? '/' : '/assets/app-abc123.js',
    );
    const statuses: number[] = [];
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 60 }, async () => {
        while (next < targets.length) {
          const target = targets[next++] as string;
          statuses.push(statusOf(await get(target, 'Accept-Encoding: gzip, br\r\n')));
        }
      }),
    );
    expect(statuses).toHaveLength(200);
    expect(statuses.every((status) => status > 0 && status < 500)).toBe(true);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('answers a small request before most of 60 large ones under way, not after them all', async () => {
    const started = Date.now();
    const finished: number[] = [];
    const large = Array.from({ length: 60 }, () =>
      fetchRaw('/assets/lazy-def456.js', 'gzip').then(() => finished.push(Date.now() - started)),
    );
    const small = await fetchRaw('/', 'gzip');
    const smallAt = Date.now() - started;
    await Promise.all(large);
    expect(small.status).toBe(200);
    // Work done per request on the event loop would make the small one wait for every large one.
    finished.sort((a, b) => a - b);
    expect(smallAt).toBeLessThan(finished[30] as number);
  }, 30_000);
});

describe('the workshop server compresses once and by Accept-Encoding', () => {
  it('sends the single file with Brotli or gzip as the phone accepts, and plain otherwise', async () => {
    const br = await fetchRaw('/safe-online.html', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.body.length).toBeLessThan(fixture.big.length / 2);
    expect(brotliDecompressSync(br.body).toString()).toContain(fixture.big);
    const gz = await fetchRaw('/safe-online.html', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toContain(fixture.big);
    const plain = await fetchRaw('/safe-online.html', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain(fixture.big);
  });

  it('leaves hidden files out of the zip', async () => {
    const zip = await fetchRaw('/safe-online-site.zip', 'identity');
    expect(zip.body.subarray(0, 2).toString()).toBe('PK');
    expect(zip.body.toString('latin1')).toContain('index.html');
    expect(zip.body.toString('latin1')).not.toContain('.vite');
    expect(zip.body.toString('latin1')).not.toContain('.env');
  });
});

describe("the laptop's addresses", () => {
  it('are told to a page on the laptop itself, and to no one else', async () => {
    const local = await get('/workshop-addresses.json');
    expect(statusOf(local)).toBe(200);
    expect(local).toContain('{"urls":["http://192.0.2.7:8080/"]}');
    // A page of another site that made its name point at the laptop (DNS rebinding).
    const rebound = await rawRequest(
      port,
      'GET /workshop-addresses.json HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    );
    expect(statusOf(rebound)).toBe(404);
    expect(rebound).not.toContain('192.0.2.7');
  });
});
