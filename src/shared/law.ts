/**
 * Country notes on the law: short boxes in a lesson that name the law and section behind a piece of
 * advice in one country, and when someone last checked them. Pure, so the compiler and app agree.
 */
import { isStale } from './help.ts';

/** Countries a law note can be for: the course's three (the same codes as the help directory). */
export const LAW_COUNTRIES = ['IN', 'MY', 'PK'] as const;
export type LawCountry = (typeof LAW_COUNTRIES)[number];

/** A law note says one to three plain sentences: more belongs in the lesson or with a lawyer. */
export const LAW_NOTE_MAX_WORDS = 80;

/** The same note in Hindi or Urdu takes about a third more words (postpositions are words of their own). */
export const LAW_NOTE_MAX_WORDS_TRANSLATED = 110;

/** A note not checked for this many months is shown with "check before relying on it". */
export const LAW_STALE_MONTHS = 6;

/** One law note as compiled: `title` is the law and section as plain text, `html` the whole note. */
export interface LawNote {
  kind: 'law';
  country: LawCountry;
  /** ISO date when someone last checked the note against the law's text. */
  checked: string;
  title: string;
  html: string;
  /** The heading level that fits where the note stands (one below the heading before it). */
  level: number;
}

/** True for a country code a law note can name. */
export function isLawCountry(value: string): value is LawCountry {
  return (LAW_COUNTRIES as readonly string[]).includes(value);
}

/** True when `checked` (an ISO date) is at least six months before `now`, as for help entries. */
export function isLawStale(checked: string, now: Date): boolean {
  return isStale(checked, now, LAW_STALE_MONTHS);
}

/** Whether a note shows for a learner: only their country's, or every one when none is chosen. */
export function showsLawNote(note: Pick<LawNote, 'country'>, country: string | null): boolean {
  return !country || !isLawCountry(country) || note.country === country;
}
