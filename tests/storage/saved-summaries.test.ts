/**
 * Help now summaries a learner chose to save: read back after the app is opened again, newest
 * first; deleted one at a time; encrypted on the disk like answers; and never in a progress file.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { toProgressFile } from '../../src/shared/progress-file';
import { openStorage } from '../../src/storage';
import { openProgressDb } from '../../src/storage/lifecycle';
import {
  deleteSummary,
  SAVED_SUMMARIES_SETTING,
  savedSummaries,
  saveSummary,
} from '../../src/storage/saved-summaries';
import { freshIndexedDB, onDisk } from './helpers';

const T = 1_764_000_000_000;

const ARREST = {
  flowId: 'someone-detained',
  endingId: 'phone-taken',
  title: 'Someone was detained',
  texts: [
    { locale: 'ur', text: 'صورتحال: Farah Qureshi کو حراست میں لیا گیا' },
    { locale: 'en', text: 'Situation: Farah Qureshi was detained' },
  ],
};
const HACKED = {
  flowId: 'account-hacked',
  endingId: 'locked-out',
  title: 'An account was taken over',
  texts: [{ locale: 'en', text: 'Situation: the group page of Dinesh Rao was taken over' }],
};
const WORDS = ['Farah Qureshi', 'Dinesh Rao', 'detained', 'someone-detained', 'account-hacked', 'حراست'];

/** Every byte of the encrypted records, read as text an inspector could search. */
async function sealedText(): Promise<string> {
  const db = await openProgressDb();
  try {
    const records = await db.getAll('sealed');
    return records
      .map((record) =>
        Object.values(record)
          .map((part) =>
            part instanceof ArrayBuffer || ArrayBuffer.isView(part)
              ? Buffer.from(part instanceof ArrayBuffer ? part : part.buffer).toString('latin1')
              : String(part),
          )
          .join(' '),
      )
      .join('\n');
  } finally {
    db.close();
  }
}

describe('saved Help now summaries', () => {
  beforeEach(() => freshIndexedDB());

  it('are read back, newest first, with both languages, when the app is opened again', async () => {
    const { store, close } = await openStorage();
    await saveSummary(store, ARREST, T);
    await saveSummary(store, HACKED, T + 60_000);
    close();

    const reopened = await onDisk();
    const saved = await savedSummaries(reopened);
    expect(saved.map(({ title, savedAt }) => [title, savedAt])).toEqual([
      [HACKED.title, T + 60_000],
      [ARREST.title, T],
    ]);
    expect(saved[1]).toMatchObject(ARREST);
  });

  it('are deleted one at a time, the others kept', async () => {
    const { store, close } = await openStorage();
    const first = await saveSummary(store, ARREST, T);
    await saveSummary(store, HACKED, T + 1);
    await deleteSummary(store, first.id);
    close();

    expect((await savedSummaries(await onDisk())).map((summary) => summary.title)).toEqual([HACKED.title]);
  });

  it('are all kept when two tabs save and delete at the same moment', async () => {
    const first = await openStorage();
    const second = await openStorage();
    const early = await saveSummary(first.store, HACKED, T);
    const late = { ...HACKED, title: 'Another account' };
    await Promise.all([
      saveSummary(first.store, ARREST, T + 1),
      saveSummary(second.store, late, T + 2),
      deleteSummary(second.store, early.id),
    ]);
    first.close();
    second.close();

    expect((await savedSummaries(await onDisk())).map((summary) => summary.title)).toEqual([
      late.title,
      ARREST.title,
    ]);
  });

  it('are written to the disk only encrypted', async () => {
    const { store, close } = await openStorage();
    await saveSummary(store, ARREST, T);
    await saveSummary(store, HACKED, T);
    close();

    const stored = await sealedText();
    expect(stored.length).toBeGreaterThan(200);
    for (const word of WORDS) expect(stored).not.toContain(word);
  });

  it('are left out of the progress file, which may be carried to another phone', async () => {
    const { store, close } = await openStorage();
    await store.setSetting('theme', 'dark');
    await saveSummary(store, ARREST, T);
    const file = JSON.stringify(toProgressFile(await store.snapshot(), new Date(T)));
    close();

    expect(file).toContain('dark');
    for (const word of WORDS) expect(file).not.toContain(word);
  });

  it('skip a damaged entry and still show the rest', async () => {
    const { store, close } = await openStorage();
    const kept = await saveSummary(store, HACKED, T);
    await store.setSetting(SAVED_SUMMARIES_SETTING, [
      kept,
      { id: 'x', title: 'no texts', savedAt: T },
      'text',
    ]);
    close();

    expect((await savedSummaries(await onDisk())).map((summary) => summary.id)).toEqual([kept.id]);
  });

  it('skip every entry a field of which is missing or of another kind, and show the sound ones', async () => {
    const { store, close } = await openStorage();
    const kept = await saveSummary(store, HACKED, T);
    const sound = { ...ARREST, id: 'sound', savedAt: T - 1 };
    const text = { locale: 'en', text: 'Situation: someone was detained' };
    await store.setSetting(SAVED_SUMMARIES_SETTING, [
      null,
      { ...sound, id: 7 },
      { ...sound, flowId: undefined },
      { ...sound, endingId: null },
      { ...sound, title: ['Someone was detained'] },
      { ...sound, savedAt: String(T) },
      { ...sound, texts: 'Situation: someone was detained' },
      { ...sound, texts: [] },
      { ...sound, texts: [text, null] },
      { ...sound, texts: [text, { locale: 'ur' }] },
      { ...sound, texts: [{ text: text.text }] },
      kept,
      sound,
    ]);
    close();

    expect((await savedSummaries(await onDisk())).map((summary) => summary.id)).toEqual([kept.id, 'sound']);
  });

  it('are listed newest first, however they were stored', async () => {
    const { store, close } = await openStorage();
    const at = (savedAt: number) => ({ ...HACKED, id: `at-${savedAt}`, savedAt });
    await store.setSetting(SAVED_SUMMARIES_SETTING, [at(T + 1), at(T + 3), at(T), at(T + 2)]);
    await saveSummary(store, ARREST, T - 5);

    expect((await savedSummaries(store)).map((summary) => summary.savedAt)).toEqual([
      T + 3,
      T + 2,
      T + 1,
      T,
      T - 5,
    ]);
    close();
  });

  it('start a list again when what was stored is not one', async () => {
    const { store, close } = await openStorage();
    await store.setSetting(SAVED_SUMMARIES_SETTING, 'not a list');
    expect(await savedSummaries(store)).toEqual([]);

    const saved = await saveSummary(store, ARREST, T);
    close();

    expect(await savedSummaries(await onDisk())).toEqual([saved]);
  });
});
