/**
 * Moving progress never loses it: `mergeProgress` is checked against an independent reference of
 * the documented rules (./merge-reference.ts) over generated phones and files, with many records of
 * each kind, conflicts both ways, equal times, every language and setting, finished and unfinished
 * lessons. Then the whole way a learner takes: export, erase, import gives back the same progress.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mergeProgress,
  type ProgressFileData,
  type ProgressRecords,
  readProgressFile,
  toProgressFile,
} from '../../src/shared/progress-file.ts';
import { deleteProgressDatabase, type ProgressSnapshot } from '../../src/storage/index.ts';
import { openProgressDb } from '../../src/storage/lifecycle.ts';
import { createIdbStore } from '../../src/storage/progress.ts';
import { freshIndexedDB } from '../storage/helpers.ts';
import { inKeyOrder, referenceMerge } from './merge-reference.ts';

// Few ids and few distinct times, so the phone and the file often hold the same record, and often
// with the same time.
const lessonId = fc.constantFrom('passwords', 'phishing-email', 'backups', 'a1');
const itemId = fc.constantFrom('q1', 'q2', 'q3', 'use-a-manager');
const time = fc.integer({ min: 0, max: 6 }).map((t) => 1_764_000_000_000 + t);

const answer = fc.record({
  lessonId,
  questionId: itemId,
  selected: fc.subarray(['a', 'b', 'c', 'd']),
  correct: fc.boolean(),
  answeredAt: time,
});
/** Finished (a score and a completion) or unfinished (neither), and the odd mixture a file may hold. */
const lesson = fc.oneof(
  fc.record({
    lessonId,
    bestPercent: fc.integer({ min: 0, max: 100 }),
    completedAt: time,
    attempts: fc.integer({ min: 1, max: 9 }),
    updatedAt: time,
  }),
  fc.record({
    lessonId,
    bestPercent: fc.constant(null),
    completedAt: fc.constant(null),
    attempts: fc.constant(0),
    updatedAt: time,
  }),
  fc.record({
    lessonId,
    bestPercent: fc.option(fc.integer({ min: 0, max: 100 })),
    completedAt: fc.option(time),
    attempts: fc.nat({ max: 9 }),
    updatedAt: time,
  }),
);
const tick = fc.record({ lessonId, itemId, done: fc.boolean(), updatedAt: time });
const card = fc.record({
  lessonId,
  questionId: itemId,
  box: fc.integer({ min: 1, max: 5 }),
  due: time,
  updatedAt: time,
});

/** Every value each travelling setting can take, every language among them. */
const SETTING_VALUES = {
  locale: ['en', 'hi', 'ms', 'ur'],
  'text-size': ['100', '115', '130', '150'],
  theme: ['system', 'light', 'dark'],
  'last-lesson': ['passwords', 'backups'],
} as const;
type SettingKey = keyof typeof SETTING_VALUES;
const settingKeys = Object.keys(SETTING_VALUES) as SettingKey[];
const fileSettings = fc.record(
  Object.fromEntries(settingKeys.map((key) => [key, fc.constantFrom(...SETTING_VALUES[key])])) as {
    [K in SettingKey]: fc.Arbitrary<(typeof SETTING_VALUES)[K][number]>;
  },
  { requiredKeys: [] },
);
/** A phone's settings: some travelling ones, and one that stays on the phone. */
const phoneSettings = fc
  .tuple(fileSettings, fc.boolean())
  .map(([chosen, persisted]) => [
    ...Object.entries(chosen),
    ...(persisted ? [['storage.persist-requested', true] as [string, unknown]] : []),
  ]);

const uniqueBy = <T>(arb: fc.Arbitrary<T>, key: (value: T) => string) =>
  fc.uniqueArray(arb, { selector: key, maxLength: 12 });

/** What a phone can hold: one record per key. */
const phone: fc.Arbitrary<ProgressRecords> = fc.record({
  answers: uniqueBy(answer, (a) => `${a.lessonId} ${a.questionId}`),
  lessons: uniqueBy(lesson, (l) => l.lessonId),
  checklist: uniqueBy(tick, (c) => `${c.lessonId} ${c.itemId}`),
  reviews: uniqueBy(card, (r) => `${r.lessonId} ${r.questionId}`),
  settings: phoneSettings,
});

/** A valid progress file: a real export, or one edited by hand that lists a record twice. */
const file: fc.Arbitrary<ProgressFileData> = fc.oneof(
  phone.map((records) => toProgressFile(records, new Date('2026-12-01T00:00:00Z'))),
  fc
    .record({
      answers: fc.array(answer, { maxLength: 12 }),
      lessons: fc.array(lesson, { maxLength: 12 }),
      checklist: fc.array(tick, { maxLength: 12 }),
      reviews: fc.array(card, { maxLength: 12 }),
      settings: fileSettings,
    })
    .map(
      (records): ProgressFileData => ({
        app: 'safe-online',
        kind: 'progress',
        version: 1,
        exportedAt: '2026-12-01T00:00:00.000Z',
        ...records,
      }),
    ),
);

/** The file as the phone receives it: written out as text, then read and checked. */
function received(data: ProgressFileData): ProgressFileData {
  const text = JSON.stringify(data);
  const read = readProgressFile(text, text.length);
  if (!read.ok) throw new Error(`a valid file was refused as ${read.problem}: ${text}`);
  return read.data;
}

describe('merging an imported file follows the documented rules', () => {
  it('gives what the reference merge gives, for any phone and any valid file', () => {
    fc.assert(
      fc.property(phone, file, (mine, theirs) => {
        expect(inKeyOrder(mergeProgress(mine, received(theirs)))).toEqual(
          inKeyOrder(referenceMerge(mine, theirs)),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('changes nothing when the same file is opened a second time', () => {
    fc.assert(
      fc.property(phone, file, (mine, theirs) => {
        const once = mergeProgress(mine, received(theirs));
        expect(inKeyOrder(mergeProgress(once, received(theirs)))).toEqual(inKeyOrder(once));
      }),
      { numRuns: 200 },
    );
  });

  it('changes nothing when the phone opens a file of its own progress', () => {
    fc.assert(
      fc.property(phone, (mine) => {
        const own = received(toProgressFile(mine, new Date('2026-12-01T00:00:00Z')));
        expect(inKeyOrder(mergeProgress(mine, own))).toEqual(inKeyOrder(mine));
      }),
      { numRuns: 200 },
    );
  });
});

describe('export, erase, import', () => {
  const EMPTY: ProgressSnapshot = { answers: [], lessons: [], checklist: [], settings: [], reviews: [] };
  const TRAVELLING = new Set<string>(settingKeys);

  /** Opens the progress database of this (fake) browser as the app does. */
  async function open() {
    const db = await openProgressDb();
    return { db, store: createIdbStore(db) };
  }

  it('gives back exactly the same progress on the same phone', async () => {
    await fc.assert(
      fc.asyncProperty(phone, async (progress) => {
        freshIndexedDB();
        const before = await open();
        await before.store.replaceAll(progress);
        const saved = await before.store.snapshot();
        const text = JSON.stringify(toProgressFile(saved, new Date()), null, 1);

        before.db.close();
        expect(await deleteProgressDatabase()).toBe(true);
        const after = await open();
        expect(await after.store.snapshot()).toEqual(EMPTY);

        const read = readProgressFile(text, text.length);
        if (!read.ok) throw new Error(read.problem);
        await after.store.replaceAll(mergeProgress(await after.store.snapshot(), read.data));
        expect(await after.store.snapshot()).toEqual({
          ...saved,
          settings: saved.settings.filter(([key]) => TRAVELLING.has(key)),
        });
        after.db.close();
      }),
      { numRuns: 60 },
    );
  });
});
