/**
 * The ProgressStore the app uses: progress is held in memory while the app runs and written to
 * IndexedDB only encrypted, one record per lesson and one for the settings, each under an opaque
 * id. Nothing on the disk names a lesson, a question, an option or a setting, in keys and index
 * values included, so a copy of the browser's files reveals nothing without the keys (keys.ts),
 * and nothing once they are destroyed.
 *
 * A change is made in memory, encrypted, and written in one transaction that checks the
 * records' nonces: when another tab wrote one of them since this tab last saw it, nothing is
 * written, the records are read again and the change is made on what is there, until a write goes
 * through. IndexedDB runs one write transaction on a store at a time, so that check is all the
 * tabs need to keep each other's changes; a save waits for no lock between tabs.
 * Changes made while the tab's previous write runs join the next one, so a burst of them (a
 * setting page saving three settings, quick ticks) costs one read and one write.
 * A call resolves once its write has committed.
 */
import { decryptRecord, encryptRecord, type ProgressKeys, recordId, type SealedRecord } from './cipher';
import type { ProgressDb } from './lifecycle';
import { createMemoryStore, type LessonRecords, type MemoryStore } from './memory';
import { createIdbStore, type ProgressSnapshot, type ProgressStore, type StoreOptions } from './progress';
import { ANSWERS, CHECKLIST, LESSONS, REVIEWS, SEALED, SETTINGS } from './schema';

/** What one encrypted record holds. */
type Contents = ({ lesson: string } & LessonRecords) | { settings: [key: string, value: unknown][] };

/** The stores an earlier version kept progress in, in plain text. */
const PLAIN_STORES = [ANSWERS, LESSONS, CHECKLIST, SETTINGS, REVIEWS] as const;

/** A record: a lesson's (by its id) or the settings'. */
type Target = { lesson: string } | 'settings';

/** A change to progress, waiting for its turn. */
interface Change {
  targets: Target[];
  operation: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** What names a record's id: its HMAC input (see cipher.ts, recordId). */
// Stryker disable next-line ConditionalExpression,StringLiteral: the settings' record only needs a name of its own, the same each time
const nameOf = (target: Target): string => (typeof target === 'string' ? target : `lesson ${target.lesson}`);

/** A record's nonce as text ('' for no record): fresh for every write, so it tells writes apart. */
function nonceOf(record: SealedRecord | undefined): string {
  // Stryker disable next-line StringLiteral: nonces are 12 random bytes, so two writes never match however the bytes are joined
  return record ? Array.from(record.iv).join(',') : '';
}

/** `targets` with each record once. */
function distinct(targets: Target[]): Target[] {
  return [...new Map(targets.map((target) => [nameOf(target), target])).values()];
}

const NONE: LessonRecords = { answers: [], record: undefined, checklist: [], reviews: [] };

function isEmpty(records: LessonRecords): boolean {
  return (
    records.answers.length === 0 &&
    records.record === undefined &&
    records.checklist.length === 0 &&
    records.reviews.length === 0
  );
}

/** Runs each `work` after this tab's earlier work has finished. */
function inTurn(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const job = queue.then(work);
    queue = job.catch(() => {});
    return job;
  };
}

/** Changes made and not yet settled, in every store of this page. */
let unsettled = 0;

/**
 * Marks a change made, and then settled (written or failed), for the end-to-end tests to wait on
 * as a learner pauses before reloading; once none is unsettled the marks are cleared, so they
 * never pile up.
 */
function mark(name: 'progress-change' | 'progress-settled'): void {
  // Stryker disable next-line ConditionalExpression,StringLiteral: performance exists wherever the app and its tests run; the check only keeps the module loadable without it
  if (typeof performance === 'undefined') return;
  unsettled += name === 'progress-change' ? 1 : -1;
  performance.mark(name);
  if (unsettled > 0) return;
  performance.clearMarks('progress-change');
  performance.clearMarks('progress-settled');
}

/** Checked writes a change tries before it writes what it has: only a tab writing without pause beats them all. */
const TRIES = 5;

/** Whether a database written by an earlier version still holds progress in plain text. */
async function plainProgress(db: ProgressDb): Promise<ProgressSnapshot | null> {
  const tx = db.transaction([...PLAIN_STORES]);
  // Stryker disable next-line ArrowFunction: without the counts, an empty move runs, which writes nothing
  const [counts] = await Promise.all([
    Promise.all(PLAIN_STORES.map((name) => tx.objectStore(name).count())),
    tx.done,
  ]);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArrowFunction: as above; the check only spares that work
  if (counts.every((count) => count === 0)) return null;
  return createIdbStore(db).snapshot();
}

/** Opens the encrypted store of `db` under `keys`, first moving in any plain-text progress. */
export async function openSealedStore(
  db: ProgressDb,
  keys: ProgressKeys,
  options: StoreOptions = {},
): Promise<ProgressStore> {
  const ids = new Map<string, Promise<string>>();
  const idOf = (target: Target) => {
    const what = nameOf(target);
    let id = ids.get(what);
    // Stryker disable next-line ConditionalExpression: a cache: the same HMAC again gives the same id
    if (!id) {
      id = recordId(keys, what);
      ids.set(what, id);
    }
    return id;
  };
  const open = (id: string, record: SealedRecord) =>
    decryptRecord(keys, id, record).then(
      (contents) => contents as Contents,
      // A record these keys do not open (changed, or moved from another id) is as good as missing.
      // Stryker disable next-line ArrowFunction: undefined is as missing as null
      () => null,
    );

  const tx = db.transaction(SEALED);
  const [storedIds, records] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
  /** The nonce of each record as this tab last read or wrote it: another tab's write changes it. */
  const seen = new Map<string, string>();
  storedIds.forEach((id, i) => {
    seen.set(id, nonceOf(records[i] as SealedRecord));
  });
  const opened = await Promise.all(storedIds.map((id, i) => open(id, records[i] as SealedRecord)));
  // Plain-text progress comes first, so an encrypted record of the same answer or tick wins.
  const plain = await plainProgress(db);
  const seed: ProgressSnapshot = plain ?? {
    answers: [],
    lessons: [],
    checklist: [],
    settings: [],
    reviews: [],
  };
  for (const contents of opened) {
    if (!contents) continue;
    if ('settings' in contents) {
      seed.settings.push(...contents.settings);
    } else {
      seed.answers.push(...contents.answers);
      seed.checklist.push(...contents.checklist);
      seed.reviews.push(...contents.reviews);
      if (contents.record) seed.lessons.push(contents.record);
    }
  }
  const memory: MemoryStore = createMemoryStore({ now: options.now, seed });
  const turn = inTurn();

  /** Reads `targets` again from the disk into memory: another tab may have changed them. */
  async function refresh(targets: Target[]): Promise<void> {
    const targetIds = await Promise.all(targets.map(idOf));
    const read = db.transaction(SEALED);
    const found = await Promise.all([...targetIds.map((id) => read.store.get(id)), read.done]);
    targetIds.forEach((id, i) => {
      seen.set(id, nonceOf(found[i] as SealedRecord | undefined));
    });
    const contents = await Promise.all(
      targetIds.map((id, i) => {
        const record = found[i] as SealedRecord | undefined;
        return record ? open(id, record) : null;
      }),
    );
    targets.forEach((target, i) => {
      const now = contents[i];
      // Each id names one kind of record (see idOf), so what it holds is known.
      if (target === 'settings')
        memory.replaceSettings((now as { settings: [string, unknown][] } | null)?.settings ?? []);
      else memory.replaceLesson(target.lesson, (now as LessonRecords | null) ?? NONE);
    });
  }

  /**
   * Encrypts what `targets` hold now and writes it in one transaction; `clear` empties those stores
   * too. With `unlessChanged`, it first reads the records' nonces in that same transaction and
   * writes nothing, resolving to false, when another tab wrote one of them since this tab saw it.
   */
  async function write(
    targets: Target[],
    clear: readonly (typeof PLAIN_STORES)[number][] = [],
    unlessChanged = false,
  ): Promise<boolean> {
    const ids = await Promise.all(targets.map(idOf));
    const puts: { id: string; contents: Contents }[] = [];
    // Stryker disable next-line ArrayDeclaration: deleting a record that does not exist changes nothing
    const deletes: string[] = [];
    targets.forEach((target, i) => {
      const id = ids[i] as string;
      if (target === 'settings') {
        puts.push({ id, contents: { settings: memory.settingEntries() } });
      } else {
        const records = memory.lessonRecords(target.lesson);
        if (isEmpty(records)) deletes.push(id);
        else puts.push({ id, contents: { lesson: target.lesson, ...records } });
      }
    });
    // Encrypted before the transaction opens: it must not wait for anything but IndexedDB.
    const sealed = await Promise.all(puts.map(({ id, contents }) => encryptRecord(keys, id, contents)));
    const writing = db.transaction([SEALED, ...clear], 'readwrite');
    const store = writing.objectStore(SEALED);
    // The reads and the writes are asked for together, which spares a round trip to the database:
    // requests run in order, so the reads see the records as they were, and should one have
    // changed, aborting the transaction undoes the writes before anything is committed.
    const changed = Promise.all(ids.map((id) => (unlessChanged ? store.get(id) : undefined))).then((now) => {
      if (!unlessChanged || ids.every((id, i) => nonceOf(now[i]) === (seen.get(id) ?? ''))) return false;
      writing.abort();
      return true;
    });
    try {
      await Promise.all([
        changed,
        ...puts.map(({ id }, i) => store.put(sealed[i] as SealedRecord, id)),
        ...deletes.map((id) => store.delete(id)),
        ...clear.map((name) => writing.objectStore(name).clear()),
        writing.done,
      ]);
    } catch (error) {
      // Stryker disable next-line ArrowFunction,BooleanLiteral: the checks are asked for before the writes and answered in order, so none is pending when a write fails: `changed` never rejects
      if (await changed.catch(() => false)) return false;
      throw error;
    }
    puts.forEach(({ id }, i) => {
      seen.set(id, nonceOf(sealed[i]));
    });
    for (const id of deletes) seen.set(id, '');
    return true;
  }

  /** Changes waiting for the tab's next turn; they share it: one read and one write for all. */
  let waiting: Change[] | null = null;

  function change<T>(targets: Target[], operation: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Change = { targets, operation, resolve: resolve as (value: unknown) => void, reject };
      if (waiting) {
        mark('progress-change');
        waiting.push(job);
        return;
      }
      const batch = [job];
      waiting = batch;
      mark('progress-change');
      turn(async () => {
        // Changes made from now on wait for the next turn.
        waiting = null;
        const touched = distinct(batch.flatMap((one) => one.targets));
        const run = async () => {
          const outcomes: Outcome[] = [];
          for (const one of batch) {
            outcomes.push(
              await one.operation().then(
                (value) => ({ ok: true as const, value }),
                (error: unknown) => ({ ok: false as const, error }),
              ),
            );
          }
          return outcomes;
        };
        // Usually no other tab wrote these records since this tab last did: one transaction checks
        // that and writes. Otherwise they are read again and the changes made on what is there.
        let outcomes = await run();
        // Stryker disable next-line EqualityOperator: one checked try more or fewer before writing what it has changes nothing a learner sees
        for (let tries = 1; !(await write(touched, [], tries < TRIES)); tries++) {
          await refresh(touched);
          outcomes = await run();
        }
        return outcomes;
      }).then(
        (outcomes) =>
          outcomes.forEach((outcome, i) => {
            const one = batch[i] as Change;
            mark('progress-settled');
            if (outcome.ok) one.resolve(outcome.value);
            else one.reject(outcome.error);
          }),
        (error: unknown) => {
          for (const one of batch) {
            mark('progress-settled');
            one.reject(error);
          }
        },
      );
    });
  }

  /** The records of these lessons and the settings' record. */
  const recordsOf = (lessons: Iterable<string>): Target[] => [
    ...[...new Set(lessons)].map((lesson) => ({ lesson })),
    'settings',
  ];

  // Progress an earlier version left in plain text is moved in now, and its stores emptied.
  // Stryker disable next-line ConditionalExpression: with nothing to move, moving writes what was just read
  if (plain) await turn(() => write(recordsOf(memory.lessonIds()), PLAIN_STORES));

  return {
    saveAnswer: (answer, questionIds) =>
      change([{ lesson: answer.lessonId }], () => memory.saveAnswer(answer, questionIds)),
    getAnswers: (lessonId) => memory.getAnswers(lessonId),
    getAllAnswers: () => memory.getAllAnswers(),
    resetQuiz: (lessonId) => change([{ lesson: lessonId }], () => memory.resetQuiz(lessonId)),
    setChecklistItem: (lessonId, itemId, done) =>
      change([{ lesson: lessonId }], () => memory.setChecklistItem(lessonId, itemId, done)),
    getChecklist: (lessonId) => memory.getChecklist(lessonId),
    getAllChecklist: () => memory.getAllChecklist(),
    getLessonRecords: () => memory.getLessonRecords(),
    getSetting: (key) => memory.getSetting(key),
    setSetting: (name, value) => change(['settings'], () => memory.setSetting(name, value)),
    // A retry runs `update` again on what the other tab wrote (see change).
    updateSetting: (name, update) => change(['settings'], () => memory.updateSetting(name, update)),
    recordReview: (lessonId, questionId, correct) =>
      change([{ lesson: lessonId }], () => memory.recordReview(lessonId, questionId, correct)),
    getReviewCards: () => memory.getReviewCards(),
    replaceAll: (snapshot) =>
      turn(async () => {
        // Lessons no longer in the snapshot have their records deleted.
        const before = memory.lessonIds();
        await memory.replaceAll(snapshot);
        await write(recordsOf([...before, ...memory.lessonIds()]));
      }),
    summary: (dueBefore) => memory.summary(dueBefore),
    snapshot: () => memory.snapshot(),
  };
}
