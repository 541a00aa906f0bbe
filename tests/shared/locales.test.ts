import { describe, expect, it, vi } from 'vitest';
import { pseudoLocalize, pseudoResources } from '../../src/i18n/pseudo.ts';
import {
  availableLocales,
  direction,
  isLocale,
  LOCALE_NAMES,
  matchLocale,
  PSEUDO_LOCALE,
} from '../../src/shared/locales.ts';

/** A fresh copy of the module, so that switching the pseudo-locale on here leaves other tests alone. */
async function freshLocales() {
  vi.resetModules();
  return import('../../src/shared/locales.ts');
}

describe('choosing a language from the browser', () => {
  it('takes the first preferred language the app has, by its base language', () => {
    expect(matchLocale(['ur-PK', 'en-US'])).toBe('ur');
    expect(matchLocale(['fr-FR', 'ms-MY', 'en'])).toBe('ms');
    expect(matchLocale(['HI'])).toBe('hi');
  });

  it('falls back to English when none of them is available', () => {
    expect(matchLocale(['fr', 'de'])).toBe('en');
    expect(matchLocale([])).toBe('en');
  });

  it('knows which languages are written right to left', () => {
    expect(direction('ur')).toBe('rtl');
    expect(['en', 'hi', 'ms'].map(direction)).toEqual(['ltr', 'ltr', 'ltr']);
  });

  it('does not offer the development pseudo-locale unless asked to', () => {
    expect(isLocale('en-XA')).toBe(false);
    expect(isLocale('ur')).toBe(true);
  });
});

describe('the languages a reader can choose', () => {
  it('offers English, Hindi, Malay and Urdu, and not the pseudo-locale, in a production build', () => {
    expect(availableLocales()).toEqual(['en', 'hi', 'ms', 'ur']);
  });

  it('adds the pseudo-locale in development, and takes it in an address', async () => {
    const locales = await freshLocales();
    locales.enablePseudoLocale();
    expect(locales.availableLocales()).toEqual(['en', 'hi', 'ms', 'ur', 'en-XA']);
    expect(locales.isLocale('en-XA')).toBe(true);
    expect(locales.isLocale('fr')).toBe(false);
    expect(locales.matchLocale(['en-XA'])).toBe('en');
  });

  it('names each language in its own script, so that a reader can find theirs', () => {
    const script: Record<string, RegExp> = {
      en: /^\p{Script=Latin}[\p{Script=Latin} ]*$/u,
      hi: /^\p{Script=Devanagari}+$/u,
      ms: /^\p{Script=Latin}[\p{Script=Latin} ]*$/u,
      ur: /^\p{Script=Arabic}+$/u,
      [PSEUDO_LOCALE]: /^\p{Script=Latin}+$/u,
    };
    for (const [locale, pattern] of Object.entries(script)) {
      expect(LOCALE_NAMES[locale as keyof typeof LOCALE_NAMES]).toMatch(pattern);
    }
    expect(new Set(Object.values(LOCALE_NAMES)).size).toBe(Object.keys(LOCALE_NAMES).length);
  });
});

describe('the pseudo-locale', () => {
  it('accents letters, keeps placeholders and makes text about a third longer', () => {
    const text = 'Question {{number, number}} of {{total, number}}';
    const pseudo = pseudoLocalize(text);
    expect(pseudo).toContain('{{number, number}}');
    expect(pseudo).toContain('{{total, number}}');
    expect(pseudo).toMatch(/Qûéšţîöñ/);
    expect(pseudo.length).toBeGreaterThanOrEqual(Math.round(text.length * 1.3));
  });

  it('transforms every string of a nested resource tree', () => {
    expect(pseudoResources({ a: { b: 'Done' } })).toEqual({ a: { b: pseudoLocalize('Done') } });
  });
});
