/** What the browser and the phone see of the built app: manifest, icons, policy, headers. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/compiler/security-headers.ts';
import { answerQuestion, launch, phone, type Server, serve } from './harness.ts';

let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await serve();
  browser = await launch(inject('chromePath'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the installable app', () => {
  it('has a complete web app manifest whose icons load', async () => {
    const html = await (await fetch(server.url)).text();
    const link = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(link).toBeDefined();
    const manifest = await (await fetch(new URL(link as string, server.url))).json();
    expect(manifest).toMatchObject({
      name: 'Safe Online',
      short_name: 'Safe Online',
      display: 'standalone',
      start_url: './',
      scope: './',
    });
    expect(manifest.description).toBeTruthy();
    expect(manifest.theme_color).toMatch(/^#/);
    expect(manifest.background_color).toMatch(/^#/);
    const sizes = manifest.icons.map(
      (icon: { sizes: string; purpose?: string }) => `${icon.sizes} ${icon.purpose ?? 'any'}`,
    );
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    for (const icon of manifest.icons) {
      const response = await fetch(new URL(icon.src, new URL(link as string, server.url)));
      expect(response.headers.get('content-type')).toBe('image/png');
    }
  });

  it('sets a strict Content-Security-Policy in index.html', async () => {
    const html = await (await fetch(server.url)).text();
    const attribute = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const policy = attribute.replaceAll('&#39;', "'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    // No inline script anywhere in the page.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("is served by npm start's server with the security headers", async () => {
    const response = await fetch(server.url);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(response.headers.get(name), name).toBe(value);
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-');
  });

  it('says once it is saved for offline use, covering nothing and pushing nothing down', async () => {
    const { context, page } = await phone(browser);
    try {
      await page.goto(`${server.url}#/en/lessons/passwords`);
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      const before = await heading.boundingBox();
      const notice = page.getByText('Safe Online is saved on this device and now works offline.');
      await notice.waitFor();
      expect(await heading.boundingBox()).toEqual(before);
      // Read from top to bottom: every line of text and every quiz option in view is seen, not covered.
      const covered = await page.evaluate(async () => {
        const found: string[] = [];
        const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
        for (let y = 0; y < document.documentElement.scrollHeight; y += 300) {
          window.scrollTo(0, y);
          await new Promise(requestAnimationFrame);
          for (const element of document.querySelectorAll('main p, main li, main label')) {
            const box = element.getBoundingClientRect();
            if (box.height === 0 || box.top < header || box.bottom > window.innerHeight) continue;
            const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            if (onTop && !element.contains(onTop) && !onTop.contains(element))
              found.push(element.textContent?.slice(0, 40) ?? '');
          }
        }
        return found;
      });
      expect(covered).toEqual([]);
      await page.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => notice.count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('a phone where IndexedDB does not work', () => {
  it('still shows lessons, keeps answers for the session and says so calmly', async () => {
    const { context, page } = await phone(browser);
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('IndexedDB is disabled', 'SecurityError');
        },
      });
    });
    try {
      await page.goto(`${server.url}#/en/lessons/passwords`);
      await page.getByRole('heading', { level: 1, name: 'Strong passwords and password managers' }).waitFor();
      await page.getByText('Your progress cannot be saved on this device right now.').waitFor();
      expect(await answerQuestion(page)).toMatch(/Correct\.|Not quite\./);

      // Kept in memory while the app is open: visible again after moving to another page and back.
      await page.getByRole('link', { name: 'Lessons', exact: true }).click();
      await expect
        .poll(() => page.locator('.card', { hasText: 'Strong passwords' }).locator('.state').textContent())
        .toBe('In progress');
      await page
        .locator('.card')
        .getByRole('link', { name: 'Strong passwords and password managers' })
        .click();
      await expect
        .poll(() => page.locator('fieldset.question').first().locator('.result').textContent())
        .toMatch(/Correct\.|Not quite\./);
    } finally {
      await context.close();
    }
  });
});
