/** What a disguise leaves where someone inspecting the phone could look: names, history, records. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** The names of everything the page's origin keeps: databases, caches, buckets and stored flags. */
export function storedNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const buckets = (navigator as unknown as { storageBuckets?: { keys(): Promise<string[]> } })
      .storageBuckets;
    return [
      ...(await indexedDB.databases()).map((database) => `database ${database.name}`),
      ...(await caches.keys()).map((name) => `cache ${name}`),
      ...((await buckets?.keys()) ?? []).map((name) => `bucket ${name}`),
      ...Object.keys(localStorage).map((key) => `localStorage ${key}`),
      ...Object.keys(sessionStorage).map((key) => `sessionStorage ${key}`),
    ];
  });
}

/** Every record of every database of the origin's default storage, as text (bytes read as UTF-8). */
export function databaseText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const text = (value: unknown): string => {
      if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
      if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
      if (value && typeof value === 'object') return Object.values(value).map(text).join(' ');
      return String(value);
    };
    const out: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        out.push(...all.map(text));
      }
      db.close();
    }
    return out.join('\n');
  });
}

/** Every address of the tab's history (the entries Back and Forward go through). */
export async function historyAddresses(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { entries } = await session.send('Page.getNavigationHistory');
    return entries.map((entry) => entry.url);
  } finally {
    await session.detach();
  }
}

/** The ids of the course's lessons (its folders with lesson files). */
export function lessonIds(dir = 'lessons'): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(path.join(dir, entry.name)).includes('en.md'))
    .map((entry) => entry.name)
    .filter((id) => id !== 'glossary' && id !== 'workshops');
}

/** Every file of a build, relative to it, with its text (binary files are read as bytes). */
export function builtFiles(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file: path.relative(dir, file), text: readFileSync(file, 'latin1') };
    });
}
