/** Types of a compiled course: what the build hands the app. */

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export const QUESTION_TYPES = ['single', 'multiple', 'true-false'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** One answer option; `html` and `explanation` are already-escaped HTML. */
export interface Option {
  id: string;
  html: string;
  correct: boolean;
  explanation: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  /** The question text as HTML. */
  prompt: string;
  options: Option[];
}

export interface ChecklistItem {
  id: string;
  html: string;
}

/** A piece of a lesson body, in reading order. */
export type Block =
  | { kind: 'html'; html: string }
  | { kind: 'callout'; tone: 'tip' | 'warning'; html: string }
  | { kind: 'trainer'; html: string }
  | { kind: 'quiz'; questions: Question[] }
  | { kind: 'checklist'; items: ChecklistItem[] };

/** A lesson in one language, as loaded by the app from its own chunk. */
export interface Lesson {
  id: string;
  locale: string;
  title: string;
  summary: string;
  level: Level;
  minutes: number;
  reviewed: string;
  tags: string[];
  blocks: Block[];
}

/** What the app shell knows of a lesson before its chunk is loaded. */
export interface LessonEntry {
  id: string;
  module: string;
  level: Level;
  minutes: number;
  /** Question ids, in order: enough to score and show progress without the chunk. */
  questions: string[];
  /** Checklist item ids, in order. */
  checklist: string[];
  /** Locales this lesson has a file for. */
  locales: string[];
}

export interface ModuleEntry {
  id: string;
  lessons: string[];
}

/** Text of the course in one language: titles and summaries, loaded per locale. */
export interface CourseText {
  modules: Record<string, string>;
  lessons: Record<string, { title: string; summary: string }>;
}
