/**
 * The ProgressStore the app uses: progress is held in memory while the app runs and written to
 * IndexedDB only encrypted, one record per lesson and one for the settings, each under a random
 * id. Nothing on the disk names a lesson, a question, an option or a setting, in keys and index
 * values included, so a copy of the browser's files reveals nothing without the data key
 * (data-key.ts), and nothing once that key is destroyed.
 *
 * Each change is applied in memory, then the records it touched are encrypted and written, in the
 * order the changes were made; a call resolves once its write has committed.
 */
import { decryptRecord, encryptRecord, newRecordId } from './cipher';
import type { ProgressDb } from './lifecycle';
import { createMemoryStore, type LessonRecords, type MemoryStore } from './memory';
import { createIdbStore, type ProgressSnapshot, type ProgressStore, type StoreOptions } from './progress';
import { ANSWERS, CHECKLIST, LESSONS, REVIEWS, SEALED, SETTINGS } from './schema';

/** What one encrypted record holds. */
type Contents = ({ lesson: string } & LessonRecords) | { settings: [key: string, value: unknown][] };

/** The stores an earlier version kept progress in, in plain text. */
const PLAIN_STORES = [ANSWERS, LESSONS, CHECKLIST, SETTINGS, REVIEWS] as const;

const SETTINGS_RECORD = Symbol('settings');
type Target = string | typeof SETTINGS_RECORD;

function isEmpty(records: LessonRecords): boolean {
  return (
    records.answers.length === 0 &&
    records.record === undefined &&
    records.checklist.length === 0 &&
    records.reviews.length === 0
  );
}

/** Reads and decrypts every record; a record the key does not open is left alone and not read. */
async function readAll(db: ProgressDb, key: CryptoKey) {
  const tx = db.transaction(SEALED);
  const [ids, records] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
  const opened = await Promise.all(
    ids.map((id, i) => decryptRecord(key, id, records[i] as (typeof records)[number]).catch(() => null)),
  );
  return ids.map((id, i) => ({ id, contents: opened[i] as Contents | null }));
}

/** Whether a database written by an earlier version still holds progress in plain text. */
async function plainProgress(db: ProgressDb): Promise<ProgressSnapshot | null> {
  const tx = db.transaction([...PLAIN_STORES]);
  const counts = await Promise.all([...PLAIN_STORES.map((name) => tx.objectStore(name).count()), tx.done]);
  if (counts.every((count) => count === 0)) return null;
  return createIdbStore(db).snapshot();
}

/** Opens the encrypted store of `db` under `key`, first moving in any plain-text progress. */
export async function openSealedStore(
  db: ProgressDb,
  key: CryptoKey,
  options: StoreOptions = {},
): Promise<ProgressStore> {
  const ids = new Map<Target, string>();
  const seed: ProgressSnapshot = { answers: [], lessons: [], checklist: [], settings: [], reviews: [] };
  for (const { id, contents } of await readAll(db, key)) {
    if (!contents) continue;
    if ('settings' in contents) {
      ids.set(SETTINGS_RECORD, id);
      seed.settings.push(...contents.settings);
    } else {
      ids.set(contents.lesson, id);
      seed.answers.push(...contents.answers);
      seed.checklist.push(...contents.checklist);
      seed.reviews.push(...contents.reviews);
      if (contents.record) seed.lessons.push(contents.record);
    }
  }
  // Plain-text progress comes first, so an encrypted record of the same answer or tick wins.
  const plain = await plainProgress(db);
  const merged: ProgressSnapshot = plain
    ? {
        answers: [...plain.answers, ...seed.answers],
        lessons: [...plain.lessons, ...seed.lessons],
        checklist: [...plain.checklist, ...seed.checklist],
        settings: [...plain.settings, ...seed.settings],
        reviews: [...plain.reviews, ...seed.reviews],
      }
    : seed;
  const memory: MemoryStore = createMemoryStore({ now: options.now, seed: merged });

  function contentsOf(target: Target): Contents | null {
    if (target === SETTINGS_RECORD) {
      const settings = memory.settingEntries();
      return settings.length === 0 ? null : { settings };
    }
    const records = memory.lessonRecords(target);
    return isEmpty(records) ? null : { lesson: target, ...records };
  }

  /** Encrypts what `targets` hold now and writes it in one transaction; `clear` empties those stores too. */
  async function write(targets: Iterable<Target>, clear: readonly (typeof PLAIN_STORES)[number][] = []) {
    const puts: { id: string; contents: Contents }[] = [];
    const deletes: string[] = [];
    for (const target of new Set(targets)) {
      const contents = contentsOf(target);
      const id = ids.get(target);
      if (contents) {
        const recordId = id ?? newRecordId();
        ids.set(target, recordId);
        puts.push({ id: recordId, contents });
      } else if (id !== undefined) {
        ids.delete(target);
        deletes.push(id);
      }
    }
    // Encrypted before the transaction opens: it must not wait for anything but IndexedDB.
    const sealed = await Promise.all(puts.map(({ id, contents }) => encryptRecord(key, id, contents)));
    const tx = db.transaction([SEALED, ...clear], 'readwrite');
    const store = tx.objectStore(SEALED);
    await Promise.all([
      ...puts.map(({ id }, i) => store.put(sealed[i] as (typeof sealed)[number], id)),
      ...deletes.map((id) => store.delete(id)),
      ...clear.map((name) => tx.objectStore(name).clear()),
      tx.done,
    ]);
  }

  // Writes run one after another, each encrypting what memory holds when its turn comes.
  let queue: Promise<unknown> = Promise.resolve();
  function persist(targets: Iterable<Target>, clear?: readonly (typeof PLAIN_STORES)[number][]) {
    const job = queue.then(() => write(targets, clear));
    queue = job.catch(() => {});
    return job;
  }

  async function change<T>(targets: (result: T) => Iterable<Target>, operation: Promise<T>): Promise<T> {
    const result = await operation;
    await persist(targets(result));
    return result;
  }

  const everything = (): Target[] => [...memory.lessonIds(), ...ids.keys(), SETTINGS_RECORD];

  // Progress an earlier version left in plain text is moved in now, and its stores emptied.
  if (plain) await persist(everything(), PLAIN_STORES);

  return {
    saveAnswer: (answer, questionIds) =>
      change(() => [answer.lessonId], memory.saveAnswer(answer, questionIds)),
    getAnswers: (lessonId) => memory.getAnswers(lessonId),
    getAllAnswers: () => memory.getAllAnswers(),
    resetQuiz: (lessonId) => change(() => [lessonId], memory.resetQuiz(lessonId)),
    setChecklistItem: (lessonId, itemId, done) =>
      change(() => [lessonId], memory.setChecklistItem(lessonId, itemId, done)),
    getChecklist: (lessonId) => memory.getChecklist(lessonId),
    getAllChecklist: () => memory.getAllChecklist(),
    getLessonRecords: () => memory.getLessonRecords(),
    getSetting: (key) => memory.getSetting(key),
    setSetting: (name, value) => change(() => [SETTINGS_RECORD], memory.setSetting(name, value)),
    recordReview: (lessonId, questionId, correct) =>
      change(() => [lessonId], memory.recordReview(lessonId, questionId, correct)),
    getReviewCards: () => memory.getReviewCards(),
    async replaceAll(snapshot) {
      const before = everything();
      await memory.replaceAll(snapshot);
      await persist([...before, ...everything()]);
    },
    summary: (dueBefore) => memory.summary(dueBefore),
    snapshot: () => memory.snapshot(),
  };
}
