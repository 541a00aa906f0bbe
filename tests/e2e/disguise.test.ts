/**
 * A disguised build (`npm run build -- --profile disguise`): on the phone it is "Notes", a working
 * notepad that opens the lessons only on its code word, and nothing it shows, stores or ships
 * names the app or a lesson.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildWith } from './build-with.ts';
import { builtFiles, databaseText, historyAddresses, lessonIds, storedNames } from './disguise-helpers.ts';
import {
  BUILD_DIR,
  launch,
  openFirstStepsCard,
  phone,
  progressSaved,
  type Server,
  serve,
  setVisibility,
  waitForServiceWorker,
} from './harness.ts';
import { pdfText } from './pdf.ts';
import { installSpeech } from './speech-stand-in.ts';

const OUT = path.resolve('dist-e2e-disguise');
const LESSONS = lessonIds();
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

/** Saves `text` as a note, the way a learner does. */
async function writeNote(page: Page, text: string): Promise<void> {
  await page.getByLabel('New note').fill(text);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

/** Opens the lessons from the notepad with the code word (the first time, after choosing English). */
async function openLessons(page: Page, word = 'Sunflower'): Promise<void> {
  await writeNote(page, word);
  const home = page.getByRole('heading', { name: 'Reading list', level: 1 });
  const language = page.getByRole('button', { name: 'Continue' });
  await Promise.race([home.waitFor(), language.waitFor()]);
  if (await language.isVisible()) await language.click();
  await home.waitFor();
}

/** Words an address, a name or a file may not hold in a disguise. */
function givesAway(text: string): string[] {
  const words = ['lessons', 'glossary', 'erase', 'safe-online', 'Safe Online', ...LESSONS];
  return words.filter((word) => text.includes(word));
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

  it('ships no file named after a lesson, and no file that says Safe Online', () => {
    const files = builtFiles(OUT);
    expect(files.length).toBeGreaterThan(20);
    expect(
      files.filter(({ file }) => LESSONS.some((id) => file.includes(id))).map(({ file }) => file),
    ).toEqual([]);
    const named = files.filter(({ text }) => text.includes('Safe Online') || text.includes('safe-online'));
    expect(named.map(({ file }) => file)).toEqual([]);
  });

  it("ships no build manifest, in the disguise or the default profile's build", () => {
    expect(existsSync(path.join(OUT, '.vite'))).toBe(false);
    expect(existsSync(path.join(BUILD_DIR, '.vite'))).toBe(false);
    expect(existsSync(path.join(BUILD_DIR, 'index.html'))).toBe(true);
  });

  it('opens on a notepad that keeps, edits and deletes notes, unreadable in its database', async () => {
    const { context, page } = await phone(browser);
    try {
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
      await page.getByText('No notes yet.').waitFor();
      expect(await page.title()).toBe('Notes');
      await writeNote(page, 'Buy rice and lentils');
      await page.getByText('Buy rice and lentils').waitFor();
      await progressSaved(page);
      await page.reload();
      await page.getByText('Buy rice and lentils').waitFor();
      expect(await page.getByText('No notes yet.').count()).toBe(0);
      // Kept encrypted, like progress: the words are nowhere in the database.
      const stored = await databaseText(page);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored).not.toContain('lentils');

      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('Edit note').fill('Buy rice and onions');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Buy rice and onions').waitFor();
      expect(await page.getByText('lentils').count()).toBe(0);
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByText('No notes yet.').waitFor();
      await progressSaved(page);
      await page.reload();
      await page.getByText('No notes yet.').waitFor();
    } finally {
      await context.close();
    }
  });

  it('opens the lessons on the code word, which is not kept, behind neutral words', async () => {
    const { context, page } = await phone(browser);
    try {
      await page.goto(server.url);
      await page.getByText('No notes yet.').waitFor();
      await openLessons(page);
      expect(await page.title()).toBe('Notes');
      await page.locator('.app-bar .brand', { hasText: 'Notes' }).waitFor();
      await page.getByRole('button', { name: 'Close' }).waitFor();
      await page.getByRole('link', { name: 'Clear' }).waitFor();
      expect(await page.getByText('Quick exit').count()).toBe(0);
      // First aid is there, one tap away, under a word that gives nothing away.
      expect(await page.getByText('Help now', { exact: true }).count()).toBe(0);
      await page.getByRole('link', { name: 'Guide', exact: true }).click();
      await page.getByRole('heading', { name: 'Guide', level: 1 }).waitFor();
      expect(await page.title()).toBe('Notes');
      expect(givesAway(page.url())).toEqual([]);
      expect(page.url()).not.toMatch(/help/);
      expect(await page.getByText('Learn to stay safe online').count()).toBe(0);
      // Grey, not the app's own teal.
      expect(await page.locator('.app-bar').evaluate((bar) => getComputedStyle(bar).backgroundColor)).toBe(
        'rgb(95, 99, 104)',
      );
      await setVisibility(page, 'hidden');
      expect(await page.evaluate(() => getComputedStyle(document.body, '::after').content)).toBe('"Notes"');
      await setVisibility(page, 'visible');

      await progressSaved(page);
      await page.reload();
      await page.getByText('No notes yet.').waitFor();
      expect(await page.getByText('Sunflower').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('with the lock on, opens the lessons on the PIN only; the decoy PIN stays in the notes', async () => {
    const { context, page } = await phone(browser);
    try {
      await page.goto(server.url);
      await openLessons(page);
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Set a lock' }).click();
      await page.getByLabel('New PIN or passphrase').fill('482916');
      await page.getByLabel('The same again').fill('482916');
      await page.getByRole('button', { name: 'Turn the lock on' }).click();
      await page.getByText('The lock is on.').waitFor();
      await page.getByRole('button', { name: 'Set a decoy PIN' }).click();
      await page.getByLabel('Your PIN or passphrase').fill('482916');
      await page.getByLabel('Decoy PIN').fill('735102');
      await page.getByRole('button', { name: 'Set a decoy PIN' }).click();
      await page.getByText('The decoy PIN was set.').waitFor();

      // The decoy opens the notes, where the code word is only a note.
      await page.reload();
      await page.getByLabel('PIN or passphrase').fill('735102');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByText('No notes yet.').waitFor({ timeout: 30_000 });
      await writeNote(page, 'Sunflower');
      await page.locator('.notes', { hasText: 'Sunflower' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Reading list' }).count()).toBe(0);

      // The real PIN opens the lessons, without the notes in between.
      await page.reload();
      await page.getByLabel('PIN or passphrase').fill('482916');
      await page.getByRole('button', { name: 'Unlock' }).click();
      await page.getByRole('heading', { name: 'Reading list', level: 1 }).waitFor({ timeout: 30_000 });
      expect(await page.title()).toBe('Notes');
    } finally {
      await context.close();
    }
  });

  it('opens on a code word the learner changed in Settings, and no longer on the old one', async () => {
    const { context, page } = await phone(browser);
    try {
      await page.goto(server.url);
      await openLessons(page);
      await page.getByRole('link', { name: 'Settings' }).click();
      await page
        .getByText('Saving a note that says only this word opens the lessons from the notes.')
        .waitFor();
      await page.getByLabel('Code word').fill('blue kettle');
      await page.getByRole('button', { name: 'Save code word' }).click();
      await page.getByText('The code word was changed.').waitFor();
      await progressSaved(page);

      await page.reload();
      await writeNote(page, 'sunflower');
      // The old word is now just a note.
      await page.locator('.note-text', { hasText: 'sunflower' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Reading list' }).count()).toBe(0);
      await openLessons(page, 'Blue kettle');
    } finally {
      await context.close();
    }
  });

  it('does not offer to read a lesson aloud, even with a voice on the phone', async () => {
    const { context, page } = await phone(browser);
    const voices = [{ name: 'Phone English', lang: 'en-GB', localService: true }];
    const events = await installSpeech(page, { voices });
    try {
      await page.goto(server.url);
      await openLessons(page);
      await page.locator('.card a').first().click();
      await page.locator('.lesson h1').waitFor();
      await page.waitForTimeout(1000);
      expect(await page.locator('.listen').count()).toBe(0);
      // A phone reading lessons aloud would give the notes app away: it does not even look for a voice.
      expect(events).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the notepad on any reload, and no address it went through names a lesson or a page', async () => {
    const { context, page } = await phone(browser);
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });
    try {
      await page.goto(server.url);
      await openLessons(page);
      await page.locator('.card a').first().click();
      await page.locator('.lesson h1').waitFor();
      const inLesson = await page
        .locator('.lesson a[href^="#"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(inLesson.flatMap(givesAway)).toEqual([]);
      await page.getByRole('link', { name: /^Next lesson/ }).click();
      await page.locator('.lesson h1').waitFor();
      await page.goBack();
      await page.locator('.lesson h1').waitFor();
      await page.getByRole('link', { name: 'Search' }).first().click();
      await page.getByRole('searchbox').fill('password');
      await page
        .locator('.result-group')
        .filter({ hasNotText: 'Glossary' })
        .first()
        .locator('.result-sections a')
        .first()
        .click();
      await page.locator('.lesson h1').waitFor();
      const lesson = page.url();
      await page.getByRole('link', { name: 'Glossary' }).click();
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      const addresses = [...visited, ...(await historyAddresses(page))];
      expect(addresses.length).toBeGreaterThan(6);
      expect(addresses.flatMap(givesAway)).toEqual([]);

      for (const address of [lesson, page.url()]) {
        await page.goto(address);
        await page.reload();
        await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
        expect(await page.locator('.lesson, .settings').count()).toBe(0);
      }
      expect((await historyAddresses(page)).flatMap(givesAway)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("prints the first-steps card from the trainer's tools, naming neither itself nor its app", async () => {
    const { context, page } = await phone(browser);
    try {
      await page.goto(server.url);
      await openLessons(page);
      await page.getByRole('link', { name: 'Workshops' }).click();
      await openFirstStepsCard(page, 'Pakistan');
      expect(await page.title()).toBe('Notes');
      expect(givesAway(page.url())).toEqual([]);
      expect(page.url()).not.toMatch(/help|PK/);
      await page.emulateMedia({ media: 'print' });
      const printed = await pdfText(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      expect(printed).toHaveLength(1);
      expect(printed[0]).toContain('0800 39393');
      for (const name of ['Safe Online', 'safe-online', 'Notes']) expect(printed[0]).not.toContain(name);
    } finally {
      await context.close();
    }
  });

  it('keeps everything on the phone under neutral names, even before the lessons open', async () => {
    const { context, page } = await phone(browser);
    try {
      await page.goto(server.url);
      await waitForServiceWorker(page);
      await writeNote(page, 'Call the landlord');
      await progressSaved(page);
      const beforeOpening = await storedNames(page);
      await openLessons(page);
      // Saved for offline use: the notice says so, and closes with OK, not with Close (quick exit).
      await page.getByRole('button', { name: 'OK' }).click();
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('checkbox', { name: "Don't keep my progress on this phone" }).check();
      await page.getByText(/Private session on/).waitFor();
      const names = [...beforeOpening, ...(await storedNames(page))];
      expect(names).toEqual(
        expect.arrayContaining(['database notes', expect.stringMatching(/^cache notes-/)]),
      );
      expect(
        names.filter((name) => !/^(database|cache|bucket|localStorage|sessionStorage) notes\b/.test(name)),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("is named in the reader's script, right to left in Urdu", async () => {
    const context = await browser.newContext({ locale: 'ur-PK', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    try {
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'نوٹس', level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await page.getByLabel('نیا نوٹ').fill('sunflower');
      await page.getByRole('button', { name: 'محفوظ کریں' }).click();
      await page.getByRole('radio', { name: 'اردو' }).check();
      await page.getByRole('button', { name: 'جاری رکھیں', exact: true }).click();
      await page.locator('.app-bar .brand', { hasText: 'نوٹس' }).waitFor();
      await page.getByRole('button', { name: 'بند کریں' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
