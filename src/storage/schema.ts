/** The IndexedDB schema of learner progress: names, version and record types. */
import type { DBSchema } from 'idb';
import { STORAGE_NAME } from '../shared/names';
import type { ReviewCard } from '../shared/review';
import type { SealedRecord } from './cipher';

export type { ReviewCard };

/** Name of the progress database. */
export const DB_NAME = STORAGE_NAME;

/** Current schema version: the version of the last entry in `MIGRATIONS`. */
export const DB_VERSION = 4;

/**
 * Store of encrypted records under opaque ids: one per lesson, one for the settings (see
 * sealed.ts). Since version 4 all progress is kept here; the stores below hold it only in a
 * database that an earlier version wrote, until it is moved here.
 */
export const SEALED = 'sealed';

/** Store of quiz answers, one per lesson and question. */
export const ANSWERS = 'answers';
/** Store of per-lesson results: best score, completion, attempts. */
export const LESSONS = 'lessons';
/** Store of ticked "actions to take", one per lesson and item. */
export const CHECKLIST = 'checklist';
/** Store of small app settings under string keys. */
export const SETTINGS = 'settings';
/** Store of the spaced-repetition queue, one card per lesson and question. */
export const REVIEWS = 'reviews';
/** Index on `due`, in the reviews store. */
export const BY_DUE = 'by-due';
/** Index on `lessonId`, in the answers and checklist stores. */
export const BY_LESSON = 'by-lesson';

/** Settings key remembering that persistent storage was already requested (and its outcome). */
export const PERSIST_SETTING = 'storage.persist-requested';

/** The learner's latest answer to one question. */
export interface AnswerRecord {
  lessonId: string;
  questionId: string;
  /** Option ids chosen. */
  selected: string[];
  correct: boolean;
  answeredAt: number;
}

/** What the learner achieved in one lesson's quiz, kept across retries. */
export interface LessonRecord {
  lessonId: string;
  /** Best whole-number percentage of a completed quiz, null before the first completion. */
  bestPercent: number | null;
  /** When the quiz was first completed. */
  completedAt: number | null;
  /** Times the quiz was completed. */
  attempts: number;
  updatedAt: number;
}

/** Whether one checklist item of a lesson is ticked. */
export interface ChecklistRecord {
  lessonId: string;
  itemId: string;
  done: boolean;
  updatedAt: number;
}

/** The typed shape of the progress database at `DB_VERSION`. */
export interface ProgressSchema extends DBSchema {
  [ANSWERS]: {
    key: [lessonId: string, questionId: string];
    value: AnswerRecord;
    indexes: { [BY_LESSON]: string };
  };
  [LESSONS]: {
    key: string;
    value: LessonRecord;
  };
  [CHECKLIST]: {
    key: [lessonId: string, itemId: string];
    value: ChecklistRecord;
    indexes: { [BY_LESSON]: string };
  };
  [SETTINGS]: {
    key: string;
    value: unknown;
  };
  [REVIEWS]: {
    key: [lessonId: string, questionId: string];
    value: ReviewCard;
    indexes: { [BY_DUE]: number };
  };
  [SEALED]: {
    key: string;
    value: SealedRecord;
  };
}
