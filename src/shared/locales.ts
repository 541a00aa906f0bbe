/** The languages the app and the lessons can be written in. */

export const LOCALES = ['en', 'hi', 'ms', 'ur'] as const;

/** An accented, longer English for development, to catch hard-coded text and tight layouts. */
export const PSEUDO_LOCALE = 'en-XA';

export type Locale = (typeof LOCALES)[number] | typeof PSEUDO_LOCALE;

let pseudoEnabled = false;

/** Lets the development server offer the pseudo-locale; production builds never call this. */
export function enablePseudoLocale(): void {
  pseudoEnabled = true;
}

/** The languages a reader can choose here: the real ones, plus the pseudo-locale in development. */
export function availableLocales(): Locale[] {
  return pseudoEnabled ? [...LOCALES, PSEUDO_LOCALE] : [...LOCALES];
}

/** The source language: every lesson has it, and translations are checked against it. */
export const SOURCE_LOCALE: Locale = 'en';

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value) || (pseudoEnabled && value === PSEUDO_LOCALE);
}

/** Languages written right to left. */
const RTL: readonly Locale[] = ['ur'];

/** The writing direction of a language. */
export function direction(locale: string): 'ltr' | 'rtl' {
  return (RTL as readonly string[]).includes(locale) ? 'rtl' : 'ltr';
}

/** Each language's name in its own script, as a reader looks for it in a list. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  hi: 'हिन्दी',
  ms: 'Bahasa Melayu',
  ur: 'اردو',
  [PSEUDO_LOCALE]: 'Ƥšéûðö',
};

/** The first of the browser's preferred languages (`navigator.languages`) that the app has. */
export function matchLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const parts = tag.toLowerCase().split('-');
    // Stryker disable next-line StringLiteral: split always gives at least one part, so the fallback is never used
    const base = parts[0] ?? '';
    if (isLocale(base)) return base;
  }
  return SOURCE_LOCALE;
}
