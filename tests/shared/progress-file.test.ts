/** The progress file: what export writes, what import refuses (changing nothing), and how it merges. */
import { describe, expect, it } from 'vitest';
import {
  FILE_VERSION,
  MAX_FILE_BYTES,
  mergeProgress,
  type ProgressRecords,
  readProgressFile,
  toProgressFile,
} from '../../src/shared/progress-file.ts';

const records: ProgressRecords = {
  answers: [{ lessonId: 'passwords', questionId: 'q1', selected: ['a'], correct: true, answeredAt: 100 }],
  lessons: [{ lessonId: 'passwords', bestPercent: 80, completedAt: 90, attempts: 2, updatedAt: 100 }],
  checklist: [{ lessonId: 'passwords', itemId: 'manager', done: true, updatedAt: 100 }],
  reviews: [{ lessonId: 'passwords', questionId: 'q1', box: 2, due: 500, updatedAt: 100 }],
  settings: [
    ['locale', 'ur'],
    ['theme', 'dark'],
    ['storage.persist-requested', true],
  ],
};
const NOW = new Date('2026-11-28T10:00:00.000Z');
const file = () => toProgressFile(records, NOW);
const text = (value: unknown) => JSON.stringify(value);

describe('exporting', () => {
  it('writes a versioned file with every record and only the settings that travel', () => {
    expect(file()).toEqual({
      app: 'safe-online',
      kind: 'progress',
      version: FILE_VERSION,
      exportedAt: '2026-11-28T10:00:00.000Z',
      answers: records.answers,
      lessons: records.lessons,
      checklist: records.checklist,
      reviews: records.reviews,
      settings: { locale: 'ur', theme: 'dark' },
    });
  });

  it('leaves out a setting it cannot send, and still sends the others', () => {
    const odd: ProgressRecords = {
      ...records,
      settings: [
        ['locale', 'en-XA'],
        ['theme', 'dark'],
        ['text-size', 130],
      ],
    };
    expect(toProgressFile(odd, NOW).settings).toEqual({ theme: 'dark' });
  });

  it('reads a file of exactly the largest size accepted', () => {
    const written = text(file());
    expect(readProgressFile(written.padEnd(MAX_FILE_BYTES, ' '), MAX_FILE_BYTES)).toEqual({
      ok: true,
      data: file(),
    });
  });

  it('reads back what it wrote', () => {
    const written = text(file());
    expect(readProgressFile(written, written.length)).toEqual({ ok: true, data: file() });
  });
});

describe('importing refuses, with a reason', () => {
  const withFile = (change: (data: Record<string, unknown>) => void) => {
    const data = JSON.parse(text(file())) as Record<string, unknown>;
    change(data);
    return text(data);
  };
  const cases: [string, string, number | undefined, string][] = [
    ['truncated JSON', text(file()).slice(0, 60), undefined, 'not-json'],
    ['an empty file', '', undefined, 'not-json'],
    ['another app’s JSON', text({ app: 'notes', items: [] }), undefined, 'not-ours'],
    ['a JSON array', '[1,2,3]', undefined, 'not-ours'],
    [
      'a newer version',
      withFile((d) => {
        d.version = FILE_VERSION + 1;
      }),
      undefined,
      'newer-version',
    ],
    [
      'an older, unknown version',
      withFile((d) => {
        d.version = 0;
      }),
      undefined,
      'damaged',
    ],
    [
      'a wrong type',
      withFile((d) => {
        d.answers = [{ ...(d.answers as object[])[0], correct: 'yes' }];
      }),
      undefined,
      'damaged',
    ],
    [
      'an id with markup',
      withFile((d) => {
        d.answers = [{ ...(d.answers as object[])[0], lessonId: '<script>' }];
      }),
      undefined,
      'damaged',
    ],
    [
      'an unknown field',
      withFile((d) => {
        d.extra = 1;
      }),
      undefined,
      'damaged',
    ],
    [
      'a __proto__ key',
      text(file()).replace('"settings":{', '"settings":{"__proto__":{"polluted":true},'),
      undefined,
      'damaged',
    ],
    [
      'a constructor key',
      withFile((d) => {
        Object.assign(d.settings as object, { toString: 'x' });
      }),
      undefined,
      'damaged',
    ],
    [
      'an id that only ends with markup',
      withFile((d) => {
        d.answers = [{ ...(d.answers as object[])[0], questionId: 'q1<script>' }];
      }),
      undefined,
      'damaged',
    ],
    [
      'an id that only starts with markup',
      withFile((d) => {
        d.checklist = [{ ...(d.checklist as object[])[0], itemId: '<b>manager' }];
      }),
      undefined,
      'damaged',
    ],
    [
      'a version that is not a number',
      withFile((d) => {
        d.version = String(FILE_VERSION + 1);
      }),
      undefined,
      'damaged',
    ],
    ['a huge file', '{}', MAX_FILE_BYTES + 1, 'too-large'],
  ];

  it.each(cases)('%s', (_name, content, bytes, problem) => {
    expect(readProgressFile(content, bytes ?? content.length)).toEqual({ ok: false, problem });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('merging an imported file', () => {
  const mine = records;
  const theirs = (): ReturnType<typeof file> => ({
    ...file(),
    answers: [
      { lessonId: 'passwords', questionId: 'q1', selected: ['b'], correct: false, answeredAt: 50 },
      { lessonId: 'phishing-email', questionId: 'q9', selected: ['c'], correct: true, answeredAt: 70 },
    ],
    lessons: [{ lessonId: 'passwords', bestPercent: 100, completedAt: 120, attempts: 1, updatedAt: 130 }],
    checklist: [{ lessonId: 'passwords', itemId: 'manager', done: false, updatedAt: 200 }],
    reviews: [{ lessonId: 'passwords', questionId: 'q1', box: 1, due: 10, updatedAt: 50 }],
    settings: { locale: 'hi', 'text-size': '130' },
  });

  it('keeps the newer answer, checklist tick and review card from either side', () => {
    const merged = mergeProgress(mine, theirs());
    expect(merged.answers).toEqual([records.answers[0], theirs().answers[1]]);
    expect(merged.checklist).toEqual(theirs().checklist);
    expect(merged.reviews).toEqual(records.reviews);
  });

  it('keeps the best score, the first completion and the most attempts of a lesson', () => {
    expect(mergeProgress(mine, theirs()).lessons).toEqual([
      { lessonId: 'passwords', bestPercent: 100, completedAt: 90, attempts: 2, updatedAt: 130 },
    ]);
  });

  it('keeps the settings chosen on this phone and takes only missing ones', () => {
    expect(Object.fromEntries(mergeProgress(mine, theirs()).settings)).toMatchObject({
      locale: 'ur',
      theme: 'dark',
      'text-size': '130',
    });
  });

  it('gives back exactly the file on an empty phone', () => {
    const empty: ProgressRecords = { answers: [], lessons: [], checklist: [], reviews: [], settings: [] };
    const merged = mergeProgress(empty, file());
    expect(merged).toEqual({
      ...records,
      settings: [
        ['locale', 'ur'],
        ['theme', 'dark'],
      ],
    });
  });
});
