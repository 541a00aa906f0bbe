/**
 * The merge rules of docs/progress-file.md ("What happens on import"), written a second time as
 * plainly as possible, record by record, to check `mergeProgress` against. It shares no code with
 * it: if the two disagree, one of them breaks a rule the learner relies on.
 */
import type { ProgressFileData, ProgressRecords } from '../../src/shared/progress-file.ts';

type Answer = ProgressRecords['answers'][number];
type Lesson = ProgressRecords['lessons'][number];
type Tick = ProgressRecords['checklist'][number];
type Card = ProgressRecords['reviews'][number];

/** Of the candidates (the phone's first, then the file's in file order), the newest; on a tie the earlier. */
function newestOf<T>(candidates: T[], time: (record: T) => number): T {
  let winner = candidates[0] as T;
  for (const candidate of candidates.slice(1)) {
    if (time(candidate) > time(winner)) winner = candidate;
  }
  return winner;
}

/** Every distinct value of `keyOf` over both lists, the phone's first. */
function keysOf<T>(phone: T[], file: T[], keyOf: (record: T) => string): string[] {
  const keys: string[] = [];
  for (const record of [...phone, ...file]) {
    if (!keys.includes(keyOf(record))) keys.push(keyOf(record));
  }
  return keys;
}

function byNewest<T>(phone: T[], file: T[], keyOf: (record: T) => string, time: (record: T) => number): T[] {
  return keysOf(phone, file, keyOf).map((key) =>
    newestOf(
      [...phone, ...file].filter((record) => keyOf(record) === key),
      time,
    ),
  );
}

/** One lesson's result from all its records: best score, first completion, most attempts, last change. */
function lessonOf(records: Lesson[]): Lesson {
  const scores = records.map((r) => r.bestPercent).filter((p): p is number => p !== null);
  const completions = records.map((r) => r.completedAt).filter((t): t is number => t !== null);
  return {
    lessonId: (records[0] as Lesson).lessonId,
    bestPercent: scores.length === 0 ? null : Math.max(...scores),
    completedAt: completions.length === 0 ? null : Math.min(...completions),
    attempts: Math.max(...records.map((r) => r.attempts)),
    updatedAt: Math.max(...records.map((r) => r.updatedAt)),
  };
}

/** The phone's records after importing `file`, following the documented rules. */
export function referenceMerge(phone: ProgressRecords, file: ProgressFileData): ProgressRecords {
  const lessonIds = keysOf(phone.lessons, file.lessons, (r) => r.lessonId);
  const settings = [...phone.settings];
  for (const [key, value] of Object.entries(file.settings)) {
    const chosenHere = settings.some(([name]) => name === key);
    if (!chosenHere && value !== undefined) settings.push([key, value]);
  }
  return {
    answers: byNewest<Answer>(
      phone.answers,
      file.answers,
      (a) => `${a.lessonId} ${a.questionId}`,
      (a) => a.answeredAt,
    ),
    lessons: lessonIds.map((lessonId) =>
      lessonOf([...phone.lessons, ...file.lessons].filter((r) => r.lessonId === lessonId)),
    ),
    checklist: byNewest<Tick>(
      phone.checklist,
      file.checklist,
      (c) => `${c.lessonId} ${c.itemId}`,
      (c) => c.updatedAt,
    ),
    reviews: byNewest<Card>(
      phone.reviews,
      file.reviews,
      (r) => `${r.lessonId} ${r.questionId}`,
      (r) => r.updatedAt,
    ),
    settings,
  };
}

/** The same records in one order (by key), as the store lists them whatever order they were written in. */
export function inKeyOrder(records: ProgressRecords): ProgressRecords {
  const by =
    <T>(key: (record: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    answers: [...records.answers].sort(by((a) => `${a.lessonId} ${a.questionId}`)),
    lessons: [...records.lessons].sort(by((l) => l.lessonId)),
    checklist: [...records.checklist].sort(by((c) => `${c.lessonId} ${c.itemId}`)),
    reviews: [...records.reviews].sort(by((r) => `${r.lessonId} ${r.questionId}`)),
    settings: [...records.settings].sort(by(([key]) => key)),
  };
}
