import { describe, expect, it } from 'vitest';
import { pseudoLocalize, pseudoResources } from '../../src/i18n/pseudo.ts';
import { direction, isLocale, matchLocale } from '../../src/shared/locales.ts';

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
