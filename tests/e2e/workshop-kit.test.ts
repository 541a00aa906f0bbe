/**
 * `npm run workshop`: the app served from a laptop to phones on the same network, with no internet,
 * built with the trainer's site profile for the site, the single file and the zip alike.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanAddresses, workshopPaths } from '../../src/tools/workshop.ts';
import { encodes, matrixFromHalfBlocks, trimBorder } from '../shared/qr-reference.ts';

const DIR = mkdtempSync(path.join(tmpdir(), 'workshop-kit-'));
const BUILD_DIR = workshopPaths(DIR).site;
let child: ChildProcess;
let output = '';

/** Runs `npm run workshop` with `args` until it serves; resolves to the process and what it printed. */
async function workshop(args: string[]): Promise<{ child: ChildProcess; output: () => string }> {
  const started = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/tools/workshop.ts', '--dir', DIR, '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let printed = '';
  started.stdout?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  started.stderr?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const since = Date.now();
  while (!printed.includes('Press Ctrl+C') && started.exitCode === null && Date.now() - since < 170_000)
    await new Promise((r) => setTimeout(r, 100));
  return { child: started, output: () => printed };
}

const stop = (running: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (running.exitCode !== null || running.signalCode !== null) return resolve();
    running.once('exit', () => resolve());
    running.kill();
  });

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

beforeAll(async () => {
  const started = await workshop(['--profile', 'disguise']);
  child = started.child;
  output = started.output();
});

afterAll(async () => {
  if (child) await stop(child);
  rmSync(DIR, { recursive: true, force: true });
});

describe('a disguised workshop', () => {
  const base = () =>
    `http://127.0.0.1:${/served on all network interfaces \([^)]*:(\d+)\)/.exec(output)?.[1]}`;

  it('tells the trainer which profile it serves', () => {
    expect(output).toContain('Site profile: disguise');
    expect(output).toContain('Notes is served on all network interfaces');
  });

  it('serves the disguise as the page, the single file and the zip alike', async () => {
    expect(titleOf(await (await fetch(`${base()}/`)).text())).toBe('Notes');
    const single = await (await fetch(`${base()}/safe-online.html`)).text();
    expect(titleOf(single)).toBe('Notes');
    expect(single).not.toContain('Safe Online</title>');
    const zip = unzipSync(
      new Uint8Array(await (await fetch(`${base()}/safe-online-site.zip`)).arrayBuffer()),
    );
    expect(titleOf(Buffer.from(zip['index.html'] ?? []).toString())).toBe('Notes');
    expect(Buffer.from(zip['manifest.webmanifest'] ?? []).toString()).toContain('"name":"Notes"');
  });
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

describe('the workshop build', () => {
  it('builds again for another profile, and reuses a build only when nothing changed', async () => {
    await stop(child);
    const plain = await workshop([]);
    try {
      expect(plain.output()).toContain('Site profile: default');
      expect(plain.output()).toContain('Built the app');
      const port = /served on all network interfaces \([^)]*:(\d+)\)/.exec(plain.output())?.[1];
      expect(titleOf(await (await fetch(`http://127.0.0.1:${port}/safe-online.html`)).text())).toBe(
        'Safe Online',
      );
    } finally {
      await stop(plain.child);
    }
    const again = await workshop([]);
    try {
      expect(again.output()).toContain('unchanged since the last build');
      const port = /served on all network interfaces \([^)]*:(\d+)\)/.exec(again.output())?.[1];
      expect(titleOf(await (await fetch(`http://127.0.0.1:${port}/`)).text())).toBe('Safe Online');
    } finally {
      await stop(again.child);
    }
  }, 180_000);
});
