/** Types of a compiled course: what the build hands the app. */
import type { LawNote } from './law.ts';

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export const QUESTION_TYPES = ['single', 'multiple', 'true-false'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** How far a translation has been checked: by a machine, by a translator, or reviewed by a partner. */
export const TRANSLATION_STATUSES = ['machine', 'draft', 'reviewed'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

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
  | { kind: 'checklist'; items: ChecklistItem[] }
  | LawNote;

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
  /** For a translation: its review status, and whether the English has changed since. */
  translation?: { status: TranslationStatus; stale: boolean };
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

/** A lesson as the course index in one language shows it: its entry plus its title and summary. */
export interface LessonInfo extends LessonEntry {
  title: string;
  summary: string;
  /** The language of `title` and `summary`: English where the lesson is not translated yet. */
  textLocale: string;
}

/** A module as the course index in one language shows it. */
export interface ModuleInfo {
  id: string;
  title: string;
  textLocale: string;
  lessons: string[];
}

/** Text of the course in one language: titles and summaries, loaded per locale. */
export interface CourseText {
  modules: Record<string, { title: string; locale: string }>;
  /** `locale` is the language the text is in: English where the lesson is not translated yet. */
  lessons: Record<string, { title: string; summary: string; locale: string }>;
}

/** What the course index chunk of one language holds. */
export interface CourseIndexModule {
  /** Loads the glossary in this language (or English); null when the course has none. */
  glossary: (() => Promise<{ default: Glossary }>) | null;
  /** Loads the serialised search index of this language. */
  search: () => Promise<{ default: string }>;
  modules: ModuleInfo[];
  lessons: LessonInfo[];
  /** Workshop plans, each in this language or English. */
  workshops: Workshop[];
  /** Loads a lesson in this language, or in English where it is not translated. */
  loaders: Record<string, () => Promise<{ default: Lesson }>>;
}

/** One glossary entry; `html` is the definition as already-escaped HTML. */
export interface GlossaryTerm {
  id: string;
  term: string;
  html: string;
}

/** The glossary in one language. */
export interface Glossary {
  locale: string;
  title: string;
  summary: string;
  terms: GlossaryTerm[];
  translation?: { status: TranslationStatus; stale: boolean };
}

/** One part of a workshop: a lesson (by id), an activity or a break, with its length. */
export interface WorkshopSession {
  minutes: number;
  kind: 'lesson' | 'activity' | 'break';
  /** A lesson id, or the activity's or break's description. */
  text: string;
}

/** A workshop plan in one language. */
export interface Workshop {
  id: string;
  locale: string;
  title: string;
  summary: string;
  audience: string;
  sessions: WorkshopSession[];
}
