/** Numbers and dates in the reader's language, through Intl. */
import { i18n } from './index';

/** "83 %" / "83%" / "٨٣٪": a whole-number percentage written for the current language. */
export function formatPercent(value: number): string {
  return new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(
    value / 100,
  );
}

/** A plain number in the current language's digits. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(i18n.language).format(value);
}

/** A YYYY-MM-DD date as the current language writes it. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
