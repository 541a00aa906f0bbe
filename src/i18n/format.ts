/** Numbers and dates in the reader's language, through Intl. */
import { i18n } from './index';

/** Intl formatters are costly to make on a slow phone: one per language and kind, made once. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(
  kind: string,
  make: (locale: string) => T,
): T {
  const key = `${i18n.language} ${kind}`;
  let made = formatters.get(key) as T | undefined;
  if (!made) {
    made = make(i18n.language);
    formatters.set(key, made);
  }
  return made;
}

/** "83 %" / "83%" / "٨٣٪": a whole-number percentage written for the current language. */
export function formatPercent(value: number): string {
  return formatter(
    'percent',
    (locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(value / 100);
}

/**
 * `text` set apart inside a sentence of a right-to-left language, so that a value put into it
 * ("3:20 PM" in Urdu) keeps its own order instead of taking the sentence's.
 */
export function isolated(text: string): string {
  return i18n.dir(i18n.language) === 'rtl' ? `\u2068${text}\u2069` : text;
}

/** A plain number in the current language's digits. */
export function formatNumber(value: number): string {
  return formatter('number', (locale) => new Intl.NumberFormat(locale)).format(value);
}

/** A YYYY-MM-DD date as the current language writes it. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return formatter(
    'date',
    (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
  ).format(date);
}
