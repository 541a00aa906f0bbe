/**
 * Another site framing the app, on a host that sends no security headers at all (so no
 * `frame-ancestors`): the frame shows a calm notice and a link to open the app on its own, and
 * none of the app's buttons. Opened on its own, the same build shows the app.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUILD_DIR, launch } from './harness.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/** A bare static server: no Content-Security-Policy, no frame-ancestors, nothing but the files. */
function bareHost(): Promise<Server> {
  const server = createServer(async (request, response) => {
    const name = (request.url ?? '/').split('?')[0] === '/' ? 'index.html' : (request.url ?? '').slice(1);
    try {
      const body = await readFile(path.join(BUILD_DIR, path.normalize(name).replace(/^(\.\.[/\\])+/, '')));
      response.writeHead(200, { 'Content-Type': TYPES[path.extname(name)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A page of another origin (another port) that frames `url`. */
function framingSite(url: string): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(
      `<!doctype html><title>Prize</title><h1>Win a prize</h1><iframe src="${url}" width="360" height="600"></iframe>`,
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let host: Server;
let framer: Server;
let browser: Browser;
const portOf = (server: Server) => (server.address() as AddressInfo).port;

beforeAll(async () => {
  host = await bareHost();
  framer = await framingSite(`http://127.0.0.1:${portOf(host)}/`);
  browser = await launch(inject('chromePath'));
});

afterAll(async () => {
  await browser?.close();
  for (const server of [host, framer]) server?.close();
});

describe('the app framed by another site, on a host that sends no headers', () => {
  it('shows a notice and a link to open it on its own, and no app', async () => {
    const page = await browser.newPage({ viewport: { width: 400, height: 740 } });
    await page.goto(`http://127.0.0.1:${portOf(framer)}/`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('alert').waitFor({ timeout: 20_000 });
    expect(await frame.getByRole('alert').textContent()).toContain(
      'For your safety, Safe Online does not open inside another website.',
    );
    expect(
      await frame.getByRole('link', { name: 'Open Safe Online on its own' }).getAttribute('target'),
    ).toBe('_blank');
    // A moment later, still nothing of the app to click.
    await page.waitForTimeout(1_000);
    expect(await frame.locator('.app-bar, button').count()).toBe(0);
    await page.close();
  });

  it('opens as usual on its own', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`http://127.0.0.1:${portOf(host)}/`);
    await page.locator('.app-bar').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });
});
