/**
 * The help directory (lessons/help/directory.yaml) as the app and later "help now" flows read it:
 * services for each country, named by id and by what they help with.
 */

import type { TranslationStatus } from './types.ts';

/** Countries the directory has entries for; `international` services are listed for everyone. */
export const HELP_COUNTRIES = ['IN', 'MY', 'PK'] as const;
export type HelpCountry = (typeof HELP_COUNTRIES)[number];
export type HelpRegion = HelpCountry | 'international';

/** What a service helps with: a fixed list, so flows can ask for "who helps with harassment here". */
export const HELP_CATEGORIES = [
  'digital-emergency',
  'harassment',
  'intimate-images',
  'legal-aid',
  'report-crime',
  'press-freedom',
  'emotional-support',
] as const;
export type HelpCategory = (typeof HELP_CATEGORIES)[number];

/**
 * A way to reach a service. `phone`, `whatsapp` and `signal` are international numbers ("+353 1 …");
 * `national` is a number or short code dialled only inside the entry's country ("1930").
 */
export const CONTACT_KINDS = ['phone', 'national', 'whatsapp', 'signal', 'email', 'web'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export interface HelpContact {
  kind: ContactKind;
  value: string;
}

/** When a service answers: always, or between two times on some days, in the service's time zone. */
export type HelpHours =
  | { always: true }
  | { always: false; days: 'daily' | 'weekdays'; open: string; close: string; zone: string };

/** Free text in each language the directory has it in; English is always there. */
export type HelpText = { en: string } & Partial<Record<string, string>>;

export interface HelpEntry {
  id: string;
  /** The service's own name, as the organisation writes it. */
  name: string;
  region: HelpRegion;
  helps: HelpCategory[];
  about: HelpText;
  contacts: HelpContact[];
  hours?: HelpHours;
  /** Languages the service answers in, as language codes ("en", "ur"). */
  languages?: string[];
  cost?: 'free';
  /** What to know before using it (for example, that a police report creates a record). */
  risk?: HelpText;
  /** ISO date when someone last checked the entry against `source`. */
  verified: string;
  /** The organisation's or government's own page the entry was checked against. */
  source: string;
}

export interface HelpDirectory {
  entries: HelpEntry[];
  /**
   * How far each language's text has been checked, as for lessons: `machine` and `draft` are shown
   * with the same "not yet reviewed" mark. A language not listed here is treated as reviewed.
   */
  translations?: Partial<Record<string, TranslationStatus>>;
}

/** An entry not checked for this many months is shown with "check before relying on it". */
export const STALE_AFTER_MONTHS = 6;

/**
 * True when `verified` (an ISO date) is at least `months` whole months before `now`: how help
 * entries and law notes both age.
 */
export function isStale(verified: string, now: Date, months = STALE_AFTER_MONTHS): boolean {
  const date = new Date(`${verified}T00:00:00Z`);
  const passed =
    (now.getUTCFullYear() - date.getUTCFullYear()) * 12 +
    (now.getUTCMonth() - date.getUTCMonth()) -
    (now.getUTCDate() < date.getUTCDate() ? 1 : 0);
  return passed >= months;
}

/** Entries for a country's learner: that country's first, then international ones. */
export function entriesFor(directory: HelpDirectory, country: HelpCountry | 'other'): HelpEntry[] {
  const local = directory.entries.filter((entry) => entry.region === country);
  return [...local, ...directory.entries.filter((entry) => entry.region === 'international')];
}

/** Entries for a flow: those that help with `category` in the learner's country, local ones first. */
export function entriesHelpingWith(
  directory: HelpDirectory,
  country: HelpCountry | 'other',
  category: HelpCategory,
): HelpEntry[] {
  return entriesFor(directory, country).filter((entry) => entry.helps.includes(category));
}

/** The link that opens a contact: a dialler, a mail app or the page; digits only in `tel:`. */
export function contactHref(contact: HelpContact): string {
  const digits = contact.value.replace(/[^\d+]/g, '');
  switch (contact.kind) {
    case 'phone':
    case 'national':
      return `tel:${digits}`;
    case 'whatsapp':
      return `https://wa.me/${digits.replace('+', '')}`;
    case 'signal':
      return `https://signal.me/#p/${digits}`;
    case 'email':
      return `mailto:${contact.value}`;
    case 'web':
      return contact.value;
  }
}
