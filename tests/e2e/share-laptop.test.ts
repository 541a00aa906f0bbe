/**
 * *Share* opened on the workshop laptop itself (at 127.0.0.1, which no phone can open) shows the
 * laptop's address on the room's network, as the workshop server tells it, with its QR code.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer } from '../../src/tools/workshop-server.ts';
import { BUILD_DIR, launch } from './harness.ts';

const ROOM = 'http://192.0.2.7:8080/';
let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({
    dir: BUILD_DIR,
    port: 0,
    host: '127.0.0.1',
    urls: () => [ROOM],
    log: () => {},
  });
  browser = await launch(inject('chromePath'));
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

describe('Share on the workshop laptop', () => {
  it("shows the laptop's address on the room's network, not 127.0.0.1", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/#/en/share`);
    await page.locator('.share .address').waitFor();
    expect(await page.locator('.share .address').textContent()).toBe(`${ROOM}#/en/`);
    expect(await page.locator('.qr').getAttribute('aria-label')).toBe(`QR code for ${ROOM}#/en/`);
    await page.close();
  });
});
