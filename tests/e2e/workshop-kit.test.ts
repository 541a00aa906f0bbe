/** `npm run workshop`: the app served from a laptop to phones on the same network, with no internet. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanAddresses } from '../../src/tools/workshop.ts';
import { encodes, matrixFromHalfBlocks, trimBorder } from '../shared/qr-reference.ts';
import { BUILD_DIR } from './harness.ts';

let child: ChildProcess;
let output = '';

beforeAll(async () => {
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/tools/workshop.ts', '--dir', BUILD_DIR, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const started = Date.now();
  while (!output.includes('Press Ctrl+C') && Date.now() - started < 90_000)
    await new Promise((r) => setTimeout(r, 100));
});

afterAll(() => {
  child?.kill();
});

describe('the workshop server', () => {
  it('listens on every interface and prints a URL, with a QR code, for each network address', () => {
    const bound = /served on all network interfaces \(([^)]+)\)/.exec(output)?.[1] ?? '';
    expect(bound).toMatch(/^(0\.0\.0\.0|::):\d+$/);
    const port = bound.split(':').at(-1);
    const printed = [...output.matchAll(/Open on a phone on the same network: (\S+)/g)].map(
      (match) => match[1],
    );
    expect(printed).toEqual(lanAddresses().map((address) => `http://${address}:${port}/`));
    expect(output).toContain('cannot save it for offline use');
    if (printed.length === 0) expect(output).toContain('No network found');
    // Each address is followed by its QR code, which a phone reads back as that address.
    for (const url of printed as string[]) {
      const after = output.slice(output.indexOf(`: ${url}\n`) + url.length + 3).split('\n');
      const code = after.slice(
        0,
        after.findIndex((line) => !/^[█▀▄ ]+$/.test(line)),
      );
      expect(encodes(trimBorder(matrixFromHalfBlocks(code)), url), url).toBe(true);
    }
  });

  it('serves the app through loopback with the right types, compressed', async () => {
    const port = /served on all network interfaces \([^)]*:(\d+)\)/.exec(output)?.[1];
    const base = `http://127.0.0.1:${port}`;
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<div id="app">');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");

    const script = readdirSync(`${BUILD_DIR}/assets`).find((file) => file.endsWith('.js'));
    const asset = await fetch(`${base}/assets/${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    const font = readdirSync(`${BUILD_DIR}/assets`).find((file) => file.endsWith('.woff2'));
    expect((await fetch(`${base}/assets/${font}`)).headers.get('content-type')).toBe('font/woff2');
    expect((await fetch(`${base}/manifest.webmanifest`)).headers.get('content-type')).toBe(
      'application/manifest+json',
    );
  });

  it('offers the single-file app for download', async () => {
    const port = /served on all network interfaces \([^)]*:(\d+)\)/.exec(output)?.[1];
    const response = await fetch(`http://127.0.0.1:${port}/safe-online.html`);
    expect(response.headers.get('content-disposition')).toContain('safe-online.html');
    expect(await response.text()).toContain('<script type="module">');
  });

  it('offers a zip of the whole app for a partner to host', async () => {
    const port = /served on all network interfaces \([^)]*:(\d+)\)/.exec(output)?.[1];
    const zip = Buffer.from(
      await (await fetch(`http://127.0.0.1:${port}/safe-online-site.zip`)).arrayBuffer(),
    );
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    expect(zip.toString('latin1')).toContain('index.html');
    expect(zip.toString('latin1')).toContain('sw.js');
  });
});
