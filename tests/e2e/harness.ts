/** Serving a build on localhost and driving it in a real headless Chromium. */
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/tools/chromium.ts';
import { type Served, serve as serveBuild } from '../../src/tools/serve.ts';

/**
 * Where the end-to-end build goes (apart from `npm run build`'s dist/); E2E_BUILD_DIR moves it, so
 * that two runs at once do not rebuild each other's.
 */
export const BUILD_DIR = path.resolve(process.env.E2E_BUILD_DIR || 'dist-e2e');

export type Server = Served;

/** Serves `dir` with `vite preview` (the server `npm start` uses) on a free loopback port. */
export function serve(dir = BUILD_DIR, port = 0): Promise<Server> {
  return serveBuild(dir, port);
}

export async function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the page or its service worker requested. */
  requests: string[];
}

/** A fresh phone-sized browser profile that records every request and CSP violation. */
export async function phone(browser: Browser): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => w.cspViolations.push(event.blockedURI));
  });
  const page = await context.newPage();
  return { context, page, requests };
}

/** Requests that went anywhere but `origin` (data: and blob: URLs never leave the phone). */
export function foreignRequests(requests: string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url));
}

/** Waits until a service worker controls the page, so it can work offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
    timeout: 30_000,
  });
}

/**
 * Picks option `option` of the `index`th question on the page and checks it, the way a learner does;
 * resolves to the verdict shown. `check` is the button's name in the interface's language.
 */
export async function answerQuestion(
  page: Page,
  index = 0,
  option = 0,
  check = 'Check answer',
): Promise<string> {
  const question = page.locator('fieldset.question').nth(index);
  await question.locator('label').nth(option).click();
  await question.getByRole('button', { name: check }).click();
  const result = question.locator('.result');
  await expect.poll(() => result.textContent()).not.toBe('');
  return (await result.textContent()) ?? '';
}

/**
 * Waits until the page has saved what it was changing: a learner's pause before reloading or
 * closing the app. The store marks each change when it is made and when it has settled (storage/sealed.ts).
 */
export async function progressSaved(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const count = (name: string) => performance.getEntriesByName(name, 'mark').length;
      return count('progress-change') === count('progress-settled');
    },
    null,
    { timeout: 10_000 },
  );
}

/** Tells the page, as the browser does, that it went to the background (`hidden`) or came back. */
export function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  return page.evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** True when the page is wider than the screen (something would need horizontal scrolling). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** One Chromium and one server for a whole test file, started before its tests and stopped after. */
export function browserAndServer(): { browser: () => Browser; server: () => Server } {
  let browser: Browser | undefined;
  let server: Server | undefined;
  beforeAll(async () => {
    browser = await launch(inject('chromePath'));
    server = await serve();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('The browser and server start in beforeAll.');
    return value;
  };
  return { browser: () => started(browser), server: () => started(server) };
}

/** Follows the workshop page's link to `country`'s printed first-steps card, and waits for the card. */
export async function openFirstStepsCard(page: Page, country: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'First-steps card' })
    .getByRole('link', { name: country })
    .click();
  await page.getByRole('heading', { level: 1, name: `First steps and who to contact: ${country}` }).waitFor();
}
