/** What Settings reports about storage: persistence, space used, and lessons saved for offline use. */

export interface StorageReport {
  persisted: boolean | null;
  usedBytes: number | null;
  /** Lessons of the current language found in the offline cache; null when there is no cache. */
  offline: { saved: number; total: number } | null;
}

/**
 * Counts lessons saved offline by looking for their chunks in Cache Storage. Lesson chunks are named
 * `assets/<lesson>.<locale>-<hash>.js` by the lessons plugin (src/compiler/plugin.ts).
 */
async function countOffline(lessons: { id: string; locale: string }[]): Promise<StorageReport['offline']> {
  if (!('caches' in window)) return null;
  const urls: string[] = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
  }
  if (urls.length === 0) return null;
  const saved = lessons.filter(({ id, locale }) =>
    urls.some((url) => url.includes(`/assets/${id}.${locale}-`)),
  ).length;
  return { saved, total: lessons.length };
}

/** Everything Settings shows about storage; parts the browser does not tell are null. */
export async function storageReport(lessons: { id: string; locale: string }[]): Promise<StorageReport> {
  const manager = navigator.storage;
  const [persisted, estimate, offline] = await Promise.all([
    manager?.persisted?.().catch(() => null) ?? null,
    manager?.estimate?.().catch(() => null) ?? null,
    countOffline(lessons).catch(() => null),
  ]);
  return { persisted, usedBytes: estimate?.usage ?? null, offline };
}
