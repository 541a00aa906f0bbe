/**
 * Translations in the help directory. A translation carries text only: the numbers and addresses a
 * learner dials or writes to live once, in "contacts", so a mistyped digit in one language cannot
 * send a learner to a stranger. The directory also says how far each language has been checked.
 */
import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { HelpContact } from '../shared/help.ts';
import { LOCALES } from '../shared/locales.ts';
import { TRANSLATION_STATUSES, type TranslationStatus } from '../shared/types.ts';

type Fail = (node: unknown, message: string) => void;

/** Zero in each script the app's languages write digits in: Latin, Arabic, Urdu, Devanagari. */
const ZEROS = [0x30, 0x660, 0x6f0, 0x966];
const NUMBER = /\+?\d+(?:[ -]\d+)*/g;
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/gi;
const HOST = /(?:[a-z0-9-]+\.)+[a-z]{2,}/gi;

/** Digits of any of those scripts as Latin ones, so "٠٨٠٠" and "0800" are the same number. */
function latinDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) ?? 0;
    const zero = ZEROS.find((start) => code >= start && code <= start + 9);
    return zero === undefined ? digit : String(code - zero);
  });
}

/** The numbers (three digits or more), email addresses and web hosts a text gives. */
function contactsIn(text: string): string[] {
  const latin = latinDigits(text);
  const emails = latin.match(EMAIL) ?? [];
  const rest = emails.reduce((left, email) => left.replace(email, ' '), latin);
  const numbers = (rest.match(NUMBER) ?? [])
    .map((number) => number.replace(/\D/g, ''))
    .filter((digits) => digits.length >= 3);
  const hosts = rest.match(HOST) ?? [];
  return [...numbers, ...emails, ...hosts].map((found) => found.toLowerCase());
}

/**
 * Reports each translation of `field` (about, risk) that gives a number or address its English
 * text and the entry's contacts do not, at that translation.
 */
export function checkTranslatedContacts(
  node: unknown,
  field: string,
  contacts: HelpContact[],
  fail: Fail,
): void {
  if (!isMap(node)) return;
  const english = node.items.find((pair) => isScalar(pair.key) && pair.key.value === 'en');
  const allowed = new Set(
    [String(isScalar(english?.value) ? english.value.value : ''), ...contacts.map((c) => c.value)].flatMap(
      contactsIn,
    ),
  );
  for (const pair of node.items) {
    const locale = isScalar(pair.key) ? String(pair.key.value) : '';
    if (locale === 'en' || !isScalar(pair.value) || typeof pair.value.value !== 'string') continue;
    const added = contactsIn(pair.value.value).find((found) => !allowed.has(found));
    if (added)
      fail(
        pair.value,
        `the ${locale} text of "${field}" gives "${added}", which the English text does not: a translation carries the text only, and numbers and addresses stay in "contacts"`,
      );
  }
}

/** `translations: { hi: machine, ur: draft }` at the top of the directory, checked. */
export function readTranslationStatuses(
  top: YAMLMap,
  fail: Fail,
): Partial<Record<string, TranslationStatus>> {
  const node = top.get('translations', true);
  const statuses: Partial<Record<string, TranslationStatus>> = {};
  if (node === undefined) return statuses;
  if (!isMap(node)) {
    fail(node, '"translations" gives each language\'s status, such as "{ hi: machine, ur: reviewed }"');
    return statuses;
  }
  for (const pair of node.items) {
    const locale = isScalar(pair.key) ? String(pair.key.value) : '';
    const status = isScalar(pair.value) ? String(pair.value.value) : '';
    if (locale === 'en' || !(LOCALES as readonly string[]).includes(locale))
      fail(pair.key, `"${locale}" is not a translated language of the app`);
    else if (!(TRANSLATION_STATUSES as readonly string[]).includes(status))
      fail(pair.value ?? pair.key, `"${status}" is not a status: use ${TRANSLATION_STATUSES.join(', ')}`);
    else statuses[locale] = status as TranslationStatus;
  }
  return statuses;
}

/** Reports a language that has text in an entry but no status in "translations", at that text. */
export function checkStatusGiven(
  node: unknown,
  statuses: Partial<Record<string, TranslationStatus>>,
  fail: Fail,
): void {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const locale = isScalar(pair.key) ? String(pair.key.value) : '';
    if (locale !== 'en' && (LOCALES as readonly string[]).includes(locale) && !statuses[locale])
      fail(
        pair.key,
        `the ${locale} text has no status: add "${locale}: machine" (or draft, reviewed) under "translations:" at the top`,
      );
  }
}
