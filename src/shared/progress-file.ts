/**
 * The progress file a learner exports to move to another phone: versioned JSON, validated with
 * valibot on import (a malformed, foreign, future or oversized file is refused with a reason and
 * changes nothing), then merged so that nothing newer on either side is lost.
 */
import * as v from 'valibot';
import { STORAGE_NAME } from './names';

/**
 * What identifies the file as ours (the build's storage name: a disguise's files carry its neutral
 * name, and each build reads only files of its own name), and the format version it writes and reads.
 */
export const FILE_APP = STORAGE_NAME;
export const FILE_KIND = 'progress';
export const FILE_VERSION = 1;
/** Larger files are refused before they are read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/), v.maxLength(100));
const time = v.pipe(v.number(), v.integer(), v.minValue(0));

const Answer = v.strictObject({
  lessonId: id,
  questionId: id,
  selected: v.pipe(v.array(id), v.maxLength(50)),
  correct: v.boolean(),
  answeredAt: time,
});
const LessonResult = v.strictObject({
  lessonId: id,
  bestPercent: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100))),
  completedAt: v.nullable(time),
  attempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
  updatedAt: time,
});
const ChecklistItem = v.strictObject({ lessonId: id, itemId: id, done: v.boolean(), updatedAt: time });
const Review = v.strictObject({
  lessonId: id,
  questionId: id,
  box: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10)),
  due: time,
  updatedAt: time,
});
/** Only known settings travel; each is a short string. */
const Settings = v.strictObject({
  locale: v.optional(v.picklist(['en', 'hi', 'ms', 'ur'])),
  'text-size': v.optional(v.picklist(['100', '115', '130', '150'])),
  theme: v.optional(v.picklist(['system', 'light', 'dark'])),
  'last-lesson': v.optional(id),
});

const ProgressFile = v.strictObject({
  app: v.literal(FILE_APP),
  kind: v.literal(FILE_KIND),
  version: v.literal(FILE_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  answers: v.pipe(v.array(Answer), v.maxLength(100_000)),
  lessons: v.pipe(v.array(LessonResult), v.maxLength(10_000)),
  checklist: v.pipe(v.array(ChecklistItem), v.maxLength(100_000)),
  reviews: v.pipe(v.array(Review), v.maxLength(100_000)),
  settings: Settings,
});

/** A progress file's contents, as written by `toProgressFile`. */
export type ProgressFileData = v.InferOutput<typeof ProgressFile>;
export type FileSettings = v.InferOutput<typeof Settings>;

/** The records a progress file carries, as the store holds them. */
export type ProgressRecords = Omit<
  ProgressFileData,
  'app' | 'kind' | 'version' | 'exportedAt' | 'settings'
> & {
  settings: [key: string, value: unknown][];
};

/** Why a file was refused, for a message the learner can act on. */
export type ImportProblem = 'too-large' | 'not-json' | 'not-ours' | 'newer-version' | 'damaged';

/**
 * Builds the file to export. Settings are limited to the ones that travel, each with a value this
 * version reads: one it cannot send is left out, and the others still go.
 */
export function toProgressFile(records: ProgressRecords, now: Date): ProgressFileData {
  const settings: FileSettings = Object.fromEntries(
    records.settings.filter(([key, value]) => key in Settings.entries && v.is(Settings, { [key]: value })),
  );
  return {
    app: FILE_APP,
    kind: FILE_KIND,
    version: FILE_VERSION,
    exportedAt: now.toISOString(),
    answers: records.answers,
    lessons: records.lessons,
    checklist: records.checklist,
    reviews: records.reviews,
    settings,
  };
}

export type ReadResult = { ok: true; data: ProgressFileData } | { ok: false; problem: ImportProblem };

/** Reads a file's text into validated data, or says why not. */
export function readProgressFile(text: string, bytes: number): ReadResult {
  if (bytes > MAX_FILE_BYTES) return { ok: false, problem: 'too-large' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  return readProgressJson(json);
}

/** Validates a file's parsed contents, or says why they are not progress this app can read. */
export function readProgressJson(json: unknown): ReadResult {
  const head = v.safeParse(v.looseObject({ app: v.literal(FILE_APP), kind: v.literal(FILE_KIND) }), json);
  if (!head.success) return { ok: false, problem: 'not-ours' };
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > FILE_VERSION) return { ok: false, problem: 'newer-version' };
  const parsed = v.safeParse(ProgressFile, json);
  return parsed.success ? { ok: true, data: parsed.output } : { ok: false, problem: 'damaged' };
}

function newest<T>(
  mine: readonly T[],
  theirs: readonly T[],
  key: (item: T) => string,
  stamp: (item: T) => number,
): T[] {
  const merged = new Map(mine.map((item) => [key(item), item]));
  for (const item of theirs) {
    const current = merged.get(key(item));
    if (!current || stamp(item) > stamp(current)) merged.set(key(item), item);
  }
  return [...merged.values()];
}

/**
 * Merges an imported file into what this phone holds: for each answer, checklist item and review
 * card the newer one wins; lesson results keep the best score, first completion and most attempts;
 * settings already chosen here stay, missing ones are taken from the file.
 */
export function mergeProgress(mine: ProgressRecords, file: ProgressFileData): ProgressRecords {
  const pair = (a: string, b: string) => JSON.stringify([a, b]);
  const lessons = new Map(mine.lessons.map((record) => [record.lessonId, record]));
  for (const record of file.lessons) {
    const current = lessons.get(record.lessonId);
    if (!current) {
      lessons.set(record.lessonId, record);
      continue;
    }
    const completed = [current.completedAt, record.completedAt].filter((at): at is number => at !== null);
    lessons.set(record.lessonId, {
      lessonId: record.lessonId,
      bestPercent:
        current.bestPercent === null && record.bestPercent === null
          ? null
          : Math.max(current.bestPercent ?? 0, record.bestPercent ?? 0),
      completedAt: completed.length > 0 ? Math.min(...completed) : null,
      attempts: Math.max(current.attempts, record.attempts),
      updatedAt: Math.max(current.updatedAt, record.updatedAt),
    });
  }
  const settings = new Map(mine.settings);
  for (const [key, value] of Object.entries(file.settings)) if (!settings.has(key)) settings.set(key, value);
  return {
    answers: newest(
      mine.answers,
      file.answers,
      (a) => pair(a.lessonId, a.questionId),
      (a) => a.answeredAt,
    ),
    lessons: [...lessons.values()],
    checklist: newest(
      mine.checklist,
      file.checklist,
      (c) => pair(c.lessonId, c.itemId),
      (c) => c.updatedAt,
    ),
    reviews: newest(
      mine.reviews,
      file.reviews,
      (r) => pair(r.lessonId, r.questionId),
      (r) => r.updatedAt,
    ),
    settings: [...settings.entries()],
  };
}
