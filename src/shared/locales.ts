/** The languages the app and the lessons can be written in. */

export const LOCALES = ['en', 'hi', 'ms', 'ur'] as const;
export type Locale = (typeof LOCALES)[number];

/** The source language: every lesson has it, and translations are checked against it. */
export const SOURCE_LOCALE: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
