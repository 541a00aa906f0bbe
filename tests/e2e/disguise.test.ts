/**
 * A disguised build (`npm run build -- --profile disguise`): on the phone it is "Notes", with a
 * notepad icon, plain page titles and a plain first screen, and nothing in it says Safe Online.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildWith } from './build-with.ts';
import { launch, phone, type Server, serve, setVisibility } from './harness.ts';

const OUT = path.resolve('dist-e2e-disguise');
let server: Server;
let browser: Browser;

beforeAll(async () => {
  await buildWith(OUT, { SITE_PROFILE: 'disguise' });
  server = await serve(OUT);
  browser = await launch(inject('chromePath'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every file of the build, with its text (icons and fonts are read as bytes, which do not match). */
function files(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file: path.relative(dir, file), text: readFileSync(file, 'latin1') };
    });
}

describe('a disguised build', () => {
  it('is named Notes in its manifest, with the notepad icon and grey colours', async () => {
    const manifest = await (await fetch(`${server.url}manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({
      name: 'Notes',
      short_name: 'Notes',
      description: 'Notes',
      theme_color: '#5f6368',
    });
    const icon = await (await fetch(`${server.url}${manifest.icons[0].src}`)).arrayBuffer();
    expect(Buffer.from(icon).equals(readFileSync('site/disguise/public/icons/icon-192.png'))).toBe(true);
    expect(await (await fetch(`${server.url}favicon.svg`)).text()).toContain('<title>Notes</title>');
  });

  it('says Safe Online nowhere, in any file', () => {
    const named = files(OUT).filter(({ text }) => text.includes('Safe Online'));
    expect(named.map(({ file }) => file)).toEqual([]);
  });

  it('opens on a plain cover, titled Notes on every page, and opens the lessons from there', async () => {
    const { context, page } = await phone(browser);
    try {
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
      // The whole page is the cover: nothing else is drawn.
      expect(await page.locator('#app > *').count()).toBe(1);
      expect(await page.locator('#app main > *').allTextContents()).toEqual([
        'Notes',
        'No notes yet.',
        'Open',
      ]);
      expect(await page.title()).toBe('Notes');

      // The first time, the app asks for a language; after that, Open goes to the lessons.
      await page.getByRole('button', { name: 'Open' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Learn to stay safe online' }).waitFor();
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
      expect(await page.getByText('Learn to stay safe online').count()).toBe(0);
      await page.getByRole('button', { name: 'Open' }).click();
      await page.getByRole('heading', { name: 'Learn to stay safe online' }).waitFor();
      expect(await page.title()).toBe('Notes');
      await page.locator('.app-bar .brand', { hasText: 'Notes' }).waitFor();
      // Grey, not the app's own teal.
      expect(await page.locator('.app-bar').evaluate((bar) => getComputedStyle(bar).backgroundColor)).toBe(
        'rgb(95, 99, 104)',
      );

      // A lesson does not name itself in the title, which the browser history keeps.
      await page.goto(`${server.url}#/en/lessons/passwords`);
      await page.locator('fieldset.question').first().waitFor();
      expect(await page.title()).toBe('Notes');
      // In the background, for the phone's list of open apps, the screen shows "Notes" alone.
      await setVisibility(page, 'hidden');
      expect(await page.evaluate(() => getComputedStyle(document.body, '::after').content)).toBe('"Notes"');
      expect(await page.locator('.lesson h1').isVisible()).toBe(false);
      await setVisibility(page, 'visible');
      // A link to a page inside the app goes straight there, without the cover.
      await page.goto(`${server.url}#/en/settings`);
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      expect(await page.title()).toBe('Notes');
    } finally {
      await context.close();
    }
  });

  it("shows the cover in the phone's language, right to left in Urdu", async () => {
    const context = await browser.newContext({ locale: 'ur-PK', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'نوٹس' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await page.getByRole('button', { name: 'کھولیں' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
