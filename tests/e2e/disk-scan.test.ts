/**
 * A phone may be seized and its files copied. What does the copy of the browser's files say about
 * the learner? Each test uses the app in a browser with a profile folder of its own, closes the
 * browser so its files are written, and searches every file as an inspector would.
 */
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  areaOf,
  CACHE_STORAGE,
  describeHits,
  inProfile,
  type NeedleHits,
  newProfileDir,
  onlyFiles,
  removeProfileDir,
  type Scan,
  scanProfile,
} from './disk.ts';
import { answerQuestion, BUILD_DIR, type Server, serve, waitForServiceWorker } from './harness.ts';

// ——— What the learner does, and the ids it leaves ———

const LESSON = path.resolve('lessons/passwords/en.md');

/** The ids the app saves when the learner answers the first question and ticks the first action. */
interface LearnerIds {
  lesson: string;
  question: string;
  /** The first option of the first question: the one `answerQuestion(page)` picks. */
  option: string;
  checklistItem: string;
}

/** Reads the ids from the lesson's markdown: `::: question <type> <id>`, `- [ ] <id>: text`. */
async function learnerIds(): Promise<LearnerIds> {
  const markdown = await readFile(LESSON, 'utf8');
  const lesson = /^id: (\S+)$/m.exec(markdown)?.[1];
  const question = /^::: question \S+ (\S+)$([\s\S]*?)^:::$/m.exec(markdown);
  const option = question && /^- \[[ x]\] ([\w-]+):/m.exec(question[2] ?? '')?.[1];
  const checklist = /^::: checklist$\n^- \[ \] ([\w-]+):/m.exec(markdown)?.[1];
  if (!lesson || !question?.[1] || !option || !checklist) throw new Error(`${LESSON} has changed shape`);
  return { lesson, question: question[1], option, checklistItem: checklist };
}

let server: Server;
let ids: LearnerIds;
const profiles: string[] = [];

beforeAll(async () => {
  server = await serve();
  ids = await learnerIds();
});

afterAll(async () => {
  await server?.close();
  await Promise.all(profiles.map(removeProfileDir));
});

async function freshProfile(): Promise<string> {
  const dir = await newProfileDir();
  profiles.push(dir);
  return dir;
}

const lessonUrl = () => `${server.url}#/en/lessons/${ids.lesson}`;

/**
 * Answers the first question with its first option and ticks the first action, then reloads the
 * lesson: the answer and the tick are shown again only once they are saved (or, in a private
 * session, kept in memory).
 */
async function answerAndTick(page: Page, options: { reload: boolean }): Promise<void> {
  await page.goto(lessonUrl());
  await answerQuestion(page);
  await page.locator('.checklist label').first().click();
  await expect.poll(() => page.locator('.checklist-count').textContent()).toMatch(/^1 of/);
  if (!options.reload) return;
  await page.reload();
  await expect.poll(() => page.locator('fieldset.question .result').first().textContent()).not.toBe('');
  await expect.poll(() => page.locator('.checklist input').first().isChecked()).toBe(true);
}

/** Opens and closes the browser once more, with no page of the app: its files are written out again. */
const relaunch = (dir: string) => inProfile(dir, async () => {});

// ——— What is searched, and where ———

/**
 * Where the learner's data must not be. The question, option and checklist ids are also in the
 * app's own files (the lesson's chunk and the course index list every id of the lesson), and the
 * browser keeps copies of those: in Cache Storage, in the service worker's script cache, in the
 * HTTP cache, and compiled, in V8's code cache. Found there, an id says nothing about the learner,
 * so those folders ('app code') are left out of every search for learner data; the test of a
 * saved lesson checks instead that Cache Storage holds nothing but the app's own files.
 *
 * The lesson id is searched only in the site's storage: it is also in the address of the lesson
 * (#/en/lessons/<id>), which the browser keeps in its history, favicons and session-restore files
 * whether or not anything was saved; that the lesson was opened is not progress.
 */
const itemNeedles = (learner: LearnerIds) => [learner.question, learner.option, learner.checklistItem];
const allNeedles = (learner: LearnerIds) => [learner.lesson, ...itemNeedles(learner)];

const notAppCode = (file: string) => areaOf(file) !== 'app code';

async function scan(dir: string, label: string): Promise<Scan> {
  const result = await scanProfile(dir, allNeedles(ids), { skip: (file) => !notAppCode(file) });
  console.info(`${label}, outside the app's code:\n${describeHits(result.needles)}`);
  // Every LevelDB table and log was read through: nothing compressed was left unsearched.
  expect(result.unread, 'files the scan could not read through').toEqual([]);
  return result;
}

/** The learner's ids in the site's storage: IndexedDB, Local and Session Storage, Storage Buckets. */
const inSiteStorage = (result: Scan): NeedleHits[] =>
  onlyFiles(result.needles, (file) => areaOf(file) === 'site storage');

/** The question, option and checklist ids in the browser's own files: history, session restore… */
const inBrowserFiles = (result: Scan): NeedleHits[] =>
  onlyFiles(
    result.needles.filter((entry) => itemNeedles(ids).includes(entry.needle)),
    (file) => areaOf(file) === 'browser',
  );

const nothingFound = (found: NeedleHits[], where: string) =>
  expect(found, `Found in ${where}:\n${describeHits(found)}`).toEqual([]);

/**
 * Each scenario's profile is made and scanned once, then asserted on by more than one test; it may
 * be started early, to run while other tests do (a browser spends most of its start-up waiting).
 */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    if (!made) {
      made = make();
      // Its failure is reported by the tests that await it, not as an unhandled rejection.
      made.catch(() => {});
    }
    return made;
  };
}

// ——— The scenarios that must leave nothing ———

/** Answered, ticked, erased with the header's Erase; the browser closed, opened and closed again. */
const erased = once(async () => {
  const dir = await freshProfile();
  await inProfile(dir, async (page) => {
    await answerAndTick(page, { reload: true });
    await page.locator('header').getByRole('link', { name: 'Erase' }).click();
    await page.getByRole('button', { name: 'Yes, erase everything' }).click();
    await page.waitForURL('about:blank');
  });
  await relaunch(dir);
  return scan(dir, 'After Erase');
});

/** Answered and ticked, then a private session turned on and the same done in it; closed, opened, closed. */
const privateSession = once(async () => {
  const dir = await freshProfile();
  await inProfile(dir, async (page) => {
    await answerAndTick(page, { reload: true });
    await page.goto(`${server.url}#/en/settings`);
    await page.getByLabel("Don't keep my progress on this phone").check();
    await page.getByText('Private session on. The progress saved on this phone has been erased.').waitFor();
    // Answered again in the private session: kept in memory only.
    await answerAndTick(page, { reload: false });
  });
  await relaunch(dir);
  return scan(dir, 'After a private session');
});

const PIN = '482916';

/**
 * Answered and ticked, then the app lock set in Settings, the app opened again with the PIN; the
 * browser closed, opened and closed again.
 */
const locked = once(async () => {
  const dir = await freshProfile();
  await inProfile(dir, async (page) => {
    await answerAndTick(page, { reload: true });
    await page.goto(`${server.url}#/en/settings`);
    await page.getByRole('button', { name: 'Set a lock' }).click();
    await page.getByLabel('New PIN or passphrase').fill(PIN);
    await page.getByLabel('The same again').fill(PIN);
    await page.getByRole('button', { name: 'Turn the lock on' }).click();
    await page.getByText('The lock is on.').waitFor();
    await page.goto(lessonUrl());
    await page.reload();
    await page.getByLabel('PIN or passphrase').fill(PIN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.locator('.checklist input').first().isChecked()).toBe(true);
  });
  await relaunch(dir);
  return { dir, scan: await scan(dir, 'With the app lock on') };
});

// ——— The tests ———

describe('a forensic copy of the browser profile', () => {
  beforeAll(() => {
    // Both start now and run alongside the first tests.
    void erased();
    void privateSession();
    void locked();
  });

  it('shows the scan reads through the encodings and compression Chromium stores data with', async () => {
    // Strings this test writes itself, in shapes a LevelDB table stores differently: a key (UTF-16BE),
    // a one-byte string (Latin-1), a two-byte string (UTF-16LE), and a value large enough for Chromium
    // to compress it with Snappy. Their repeated tails compress to back-references, so the raw bytes of
    // a compressed block do not spell them out. A throwaway database, created and deleted, makes
    // LevelDB compact the log into a table, as it does in use.
    const canaries = {
      key: `canary-key-${'ab'.repeat(20)}`,
      oneByte: `canary-one-byte-${'cd'.repeat(20)}`,
      twoByte: `canary-two-byte-ह-${'ef'.repeat(20)}`,
      large: `canary-large-${'gh'.repeat(20)}`,
    };
    const dir = await freshProfile();
    await inProfile(dir, async (page) => {
      // A plain file of the site: the app does not start, and nothing but the canaries is stored.
      await page.goto(`${server.url}favicon.svg`);
      await page.evaluate(async (strings) => {
        const open = (name: string) =>
          new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name, 1);
            request.onupgradeneeded = () => request.result.createObjectStore('store');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
        const db = await open('canaries');
        const tx = db.transaction('store', 'readwrite');
        tx.objectStore('store').put({ one: strings.oneByte, two: strings.twoByte }, [strings.key]);
        tx.objectStore('store').put(`${strings.large} ${'x'.repeat(200_000)}`, 'large');
        await new Promise((resolve) => {
          tx.oncomplete = resolve;
        });
        db.close();
        (await open('throwaway')).close();
        await new Promise((resolve) => {
          indexedDB.deleteDatabase('throwaway').onsuccess = resolve;
        });
      }, canaries);
    });

    const result = await scanProfile(dir, Object.values(canaries));
    console.info(`Canaries written by the test:\n${describeHits(result.needles)}`);
    expect(result.unread).toEqual([]);
    const ways = (needle: string) =>
      (result.needles.find((entry) => entry.needle === needle)?.hits ?? [])
        .filter((hit) => areaOf(hit.file) === 'site storage')
        .map((hit) => `${hit.encoding} ${hit.layer}`);
    expect(ways(canaries.key)).toContain('utf-16be table key');
    expect(ways(canaries.oneByte).some((way) => way.startsWith('utf-8'))).toBe(true);
    expect(ways(canaries.twoByte).some((way) => way.startsWith('utf-16le'))).toBe(true);
    expect(ways(canaries.large)).toContain('utf-8 snappy value');
    // Some of them only read once decompressed: a search of the raw bytes would have missed them.
    const missedRaw = result.needles.filter((entry) => !entry.hits.some((hit) => hit.layer === 'raw'));
    expect(missedRaw.length).toBeGreaterThan(0);
  });

  it("holds none of the learner's ids while they are saved: progress is stored encrypted", async () => {
    // The test above proves the scan reads through IndexedDB's encodings and compression; here the
    // answer and the tick are saved (a reload shows them), and still none of their ids is on disk.
    const dir = await freshProfile();
    await inProfile(dir, async (page) => {
      await answerAndTick(page, { reload: true });
      await waitForServiceWorker(page);
    });
    const result = await scan(dir, 'While saved');
    nothingFound(inSiteStorage(result), "the site's storage while progress is saved");
    nothingFound(inBrowserFiles(result), "the browser's own files while progress is saved");

    // Cache Storage holds the app's own files, byte for byte, and nothing else: the ids the
    // learner-data searches leave out there are the app's, not the learner's.
    const build = await buildFiles();
    const cached = await scanProfile(dir, itemNeedles(ids), { skip: (file) => !CACHE_STORAGE.test(file) });
    const entries = await cacheStorageEntries(dir);
    expect(entries.length, 'responses in Cache Storage').toBeGreaterThan(0);
    const notFromBuild = entries.filter((entry) => !build.some((file) => entry.bytes.includes(file.bytes)));
    expect(notFromBuild.map((entry) => entry.file)).toEqual([]);
    const unexplained = cached.needles.flatMap((entry) =>
      entry.files
        .filter((file) => {
          const bytes = entries.find((cachedEntry) => cachedEntry.file === file)?.bytes;
          const needle = Buffer.from(entry.needle);
          return !build.some((app) => app.bytes.includes(needle) && bytes?.includes(app.bytes));
        })
        .map((file) => `${entry.needle} in ${file}`),
    );
    expect(unexplained).toEqual([]);
  });

  describe('after Erase, with the browser closed and opened again', () => {
    // A plain test, so that a scenario that breaks fails here rather than pass as an expected failure.
    it('reads every file of the profile', async () => {
      expect((await erased()).files).toBeGreaterThan(0);
    });

    it("the site's storage holds none of the learner's ids", async () => {
      nothingFound(inSiteStorage(await erased()), "the site's storage after Erase");
    });

    // Chromium's session-restore files would keep the lesson page's form state (each checkbox's and
    // radio button's name, which holds the ids, and whether it was checked) without autocomplete="off".
    it("the browser's own files hold none of the learner's answers or ticks", async () => {
      nothingFound(inBrowserFiles(await erased()), "the browser's own files after Erase");
    });
  });

  describe('with the app lock on', () => {
    it("the site's storage holds none of the learner's ids", async () => {
      nothingFound(inSiteStorage((await locked()).scan), "the site's storage with the lock on");
    });

    it('a new browser on a copy of the profile shows only the lock', async () => {
      const copy = await freshProfile();
      await cp((await locked()).dir, copy, { recursive: true });
      await inProfile(copy, async (page) => {
        await page.goto(lessonUrl());
        await page.getByRole('button', { name: 'Unlock' }).waitFor();
        expect(await page.locator('fieldset.question, .checklist, header').count()).toBe(0);
        expect(await page.title()).toBe('Safe Online');
      });
    });
  });

  describe('after switching to a private session, with the browser closed and opened again', () => {
    it('reads every file of the profile', async () => {
      expect((await privateSession()).files).toBeGreaterThan(0);
    });

    it("the site's storage holds none of the learner's ids", async () => {
      nothingFound(inSiteStorage(await privateSession()), "the site's storage in a private session");
    });

    it("the browser's own files hold none of the learner's answers or ticks", async () => {
      nothingFound(inBrowserFiles(await privateSession()), "the browser's own files in a private session");
    });
  });
});

// ——— The app's own files ———

interface FileBytes {
  file: string;
  bytes: Buffer;
}

/** Every file of the build the server serves. */
async function buildFiles(): Promise<FileBytes[]> {
  const entries = await readdir(BUILD_DIR, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file) => ({ file, bytes: await readFile(file) })));
}

/**
 * The responses in Cache Storage, as the disk cache stores them: one file per response, named
 * <hash>_0, with the address, the body and the headers. (The cache's indexes and <hash>_1 files,
 * V8's compiled code for a cached script, are not responses.)
 */
async function cacheStorageEntries(dir: string): Promise<FileBytes[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile() && /^[0-9a-f]{16}_0$/.test(entry.name))
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .filter((file) => CACHE_STORAGE.test(file))
      .map(async (file) => ({ file, bytes: await readFile(path.join(dir, file)) })),
  );
}
