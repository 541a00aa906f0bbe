/**
 * The help directory (`help/directory.yaml` in the lessons folder): every field checked, each
 * problem reported at its line and column, and a warning for entries not verified in six months.
 * People dial these numbers in an emergency, so a malformed one stops the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import {
  CONTACT_KINDS,
  type ContactKind,
  HELP_CATEGORIES,
  HELP_COUNTRIES,
  type HelpContact,
  type HelpDirectory,
  type HelpEntry,
  type HelpHours,
  type HelpText,
  isStale,
  STALE_AFTER_MONTHS,
} from '../shared/help.ts';
import { LOCALES } from '../shared/locales.ts';
import type { TranslationStatus } from '../shared/types.ts';
import { findDirectionControls } from './bidi.ts';
import type { ContentError } from './errors.ts';
import { checkStatusGiven, checkTranslatedContacts, readTranslationStatuses } from './help-translations.ts';
import { ID } from './questions.ts';
import { parseYaml, type Report } from './yaml.ts';

export const HELP_FOLDER = 'help';
export const HELP_FILE = 'directory.yaml';

const REGIONS = [...HELP_COUNTRIES, 'international'];
const FIELDS = ['id', 'name', 'region', 'helps', 'about', 'contacts', 'hours', 'languages', 'cost'].concat([
  'risk',
  'verified',
  'source',
]);
const INTERNATIONAL = /^\+[1-9](?: ?\d){6,14}$/;
const NATIONAL = /^\d(?: ?\d){2,11}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const LANGUAGE = /^[a-z]{2,3}$/;

/** A checked https address: no other scheme, no user name or password in it. */
function isHttps(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password && url.hostname.includes('.');
  } catch {
    return false;
  }
}

function isRealDate(value: string): boolean {
  return DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

export interface HelpResult {
  directory: HelpDirectory | null;
  /** Entries not verified within six months: shown, but the author should check them again. */
  warnings: ContentError[];
}

/** Reads the directory's text; `now` decides which entries are stale (injectable for tests). */
export function compileHelpDirectory(
  source: string,
  report: Report,
  warn: Report,
  now: Date,
): HelpDirectory | null {
  findDirectionControls(source, report);
  const { doc, position, failed } = parseYaml(source, report);
  if (failed) return null;
  const at = (node: unknown) => position((node as Node | undefined)?.range?.[0]);
  const fail = (node: unknown, message: string) => {
    const { line, col } = at(node);
    report(line, col, message);
  };
  const list = isMap(doc.contents) ? doc.contents.get('entries', true) : undefined;
  if (!isMap(doc.contents) || !isSeq(list)) {
    fail(doc.contents, 'the directory is a list under "entries:"');
    return null;
  }
  const translations = readTranslationStatuses(doc.contents, fail);
  const entries: HelpEntry[] = [];
  const ids = new Set<string>();
  for (const item of list.items) {
    if (!isMap(item)) {
      fail(item, 'each entry is a set of fields (id, name, region, …)');
      continue;
    }
    const entry = readEntry(item, fail, translations);
    if (!entry) continue;
    if (ids.has(entry.id)) fail(item.get('id', true), `entry "${entry.id}" is listed twice`);
    ids.add(entry.id);
    if (isStale(entry.verified, now)) {
      const { line, col } = at(item.get('verified', true));
      warn(
        line,
        col,
        `"${entry.id}" was last verified ${entry.verified}, over ${STALE_AFTER_MONTHS} months ago`,
      );
    }
    entries.push(entry);
  }
  return { entries, ...(Object.keys(translations).length ? { translations } : {}) };
}

type Fail = (node: unknown, message: string) => void;

/** One entry, or null after reporting why not. */
function readEntry(
  item: YAMLMap,
  fail: Fail,
  translations: Partial<Record<string, TranslationStatus>>,
): HelpEntry | null {
  let ok = true;
  const bad = (node: unknown, message: string) => {
    fail(node, message);
    ok = false;
  };
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!FIELDS.includes(key)) bad(pair.key, `"${key}" is not a field of an entry: use ${FIELDS.join(', ')}`);
  }
  const text = (name: string, required = true): string => {
    const node = item.get(name, true);
    if (node === undefined) {
      if (required) bad(item, `the entry has no "${name}"`);
      return '';
    }
    if (!isScalar(node) || typeof node.value !== 'string' || !node.value.trim()) {
      bad(node, `"${name}" must be text`);
      return '';
    }
    return node.value.trim();
  };
  const id = text('id');
  if (id && !ID.test(id))
    bad(item.get('id', true), `"${id}" is not an id: use lowercase letters, digits and -`);
  const name = text('name');
  const region = text('region');
  if (region && !REGIONS.includes(region))
    bad(item.get('region', true), `"${region}" is not a region: use ${REGIONS.join(', ')}`);
  const helps = readList(item, 'helps', HELP_CATEGORIES, bad, true);
  const languages = readList(item, 'languages', null, bad, false);
  const about = readText(item.get('about', true), 'about', bad, item);
  const risk = item.has('risk') ? readText(item.get('risk', true), 'risk', bad, item) : undefined;
  const contacts = readContacts(item.get('contacts', true), region, bad, item);
  for (const [field, read] of [
    ['about', about],
    ['risk', risk],
  ] as const) {
    if (!read) continue;
    checkTranslatedContacts(item.get(field, true), field, contacts, bad);
    checkStatusGiven(item.get(field, true), translations, bad);
  }
  const hours = item.has('hours') ? readHours(item.get('hours', true), bad) : undefined;
  const cost = text('cost', false);
  if (cost && cost !== 'free') bad(item.get('cost', true), 'the only cost the directory records is "free"');
  const verified = text('verified');
  if (verified && !isRealDate(verified))
    bad(item.get('verified', true), `"${verified}" is not a date: write it as 2026-12-07`);
  const source = text('source');
  if (source && !isHttps(source)) bad(item.get('source', true), `"${source}" is not an https address`);
  if (!ok || !about) return null;
  return {
    id,
    name,
    region: region as HelpEntry['region'],
    helps: helps as HelpEntry['helps'],
    about,
    contacts,
    ...(hours ? { hours } : {}),
    ...(languages.length ? { languages } : {}),
    ...(cost ? { cost: 'free' as const } : {}),
    ...(risk ? { risk } : {}),
    verified,
    source,
  };
}

/** A list of words; `allowed` limits them to a fixed set, otherwise they are language codes. */
function readList(
  item: YAMLMap,
  name: string,
  allowed: readonly string[] | null,
  bad: Fail,
  required: boolean,
) {
  const node = item.get(name, true);
  if (node === undefined) {
    if (required) bad(item, `the entry has no "${name}"`);
    return [];
  }
  if (!isSeq(node) || node.items.length === 0) {
    bad(node, `"${name}" is a list, such as [${(allowed ?? ['en', 'ur']).slice(0, 2).join(', ')}]`);
    return [];
  }
  const values: string[] = [];
  for (const value of node.items) {
    const word = isScalar(value) ? String(value.value) : '';
    if (allowed && !allowed.includes(word)) bad(value, `"${word}" is not one of ${allowed.join(', ')}`);
    else if (!allowed && !LANGUAGE.test(word)) bad(value, `"${word}" is not a language code such as "ur"`);
    else values.push(word);
  }
  return values;
}

/** Text in the app's languages: English required, the others optional. */
function readText(node: unknown, name: string, bad: Fail, item: YAMLMap): HelpText | null {
  if (node === undefined) {
    bad(item, `the entry has no "${name}"`);
    return null;
  }
  if (!isMap(node)) {
    bad(node, `"${name}" gives the text per language, such as "en: …"`);
    return null;
  }
  const text: Record<string, string> = {};
  for (const pair of node.items) {
    const locale = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(LOCALES as readonly string[]).includes(locale))
      bad(pair.key, `"${locale}" is not a language of the app`);
    else if (!isScalar(pair.value) || typeof pair.value.value !== 'string' || !pair.value.value.trim())
      bad(pair.value ?? pair.key, `the ${locale} text of "${name}" is empty`);
    else text[locale] = pair.value.value.trim();
  }
  if (!text.en) {
    bad(node, `"${name}" needs its English text ("en: …")`);
    return null;
  }
  return text as HelpText;
}

/** How to reach the service; each contact is checked for its kind. */
function readContacts(node: unknown, region: string, bad: Fail, item: YAMLMap): HelpContact[] {
  if (!isSeq(node) || node.items.length === 0) {
    bad(node ?? item, 'the entry needs "contacts", a list such as "- phone: "+92 …""');
    return [];
  }
  const contacts: HelpContact[] = [];
  for (const entry of node.items) {
    const pair = isMap(entry) && entry.items.length === 1 ? entry.items[0] : undefined;
    const kind = pair && isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair && isScalar(pair.value) ? String(pair.value.value ?? '').trim() : '';
    if (!pair || !(CONTACT_KINDS as readonly string[]).includes(kind)) {
      bad(entry, `each contact is one of ${CONTACT_KINDS.join(', ')}, such as "- email: help@example.org"`);
      continue;
    }
    const problem = contactProblem(kind as ContactKind, value, region);
    if (problem) bad(pair.value ?? entry, problem);
    else contacts.push({ kind: kind as ContactKind, value });
  }
  return contacts;
}

function contactProblem(kind: ContactKind, value: string, region: string): string | null {
  switch (kind) {
    case 'phone':
    case 'whatsapp':
    case 'signal':
      return INTERNATIONAL.test(value)
        ? null
        : `"${value}" is not an international number: start with + and the country code, digits and spaces only`;
    case 'national':
      if (region === 'international') return 'a national number needs the entry to be for one country';
      return NATIONAL.test(value)
        ? null
        : `"${value}" is not a national number or short code: digits and spaces only`;
    case 'email':
      return EMAIL.test(value) ? null : `"${value}" is not an email address`;
    case 'web':
      return isHttps(value) ? null : `"${value}" is not an https address`;
  }
}

/** `{ always: true }` or `{ days: daily, open: "09:00", close: "17:00", zone: Asia/Karachi }`. */
function readHours(node: unknown, bad: Fail): HelpHours | undefined {
  if (!isMap(node)) {
    bad(node, 'hours are "{ always: true }" or "{ days: daily, open: …, close: …, zone: … }"');
    return undefined;
  }
  const value = (name: string) => {
    const field = node.get(name, true);
    return isScalar(field) ? String(field.value) : '';
  };
  if (node.has('always')) return value('always') === 'true' ? { always: true } : undefined;
  const days = value('days');
  const open = value('open');
  const close = value('close');
  const zone = value('zone');
  if (days !== 'daily' && days !== 'weekdays')
    bad(node.get('days', true) ?? node, 'days are "daily" or "weekdays"');
  else if (!TIME.test(open) || !TIME.test(close))
    bad(node.get(TIME.test(open) ? 'close' : 'open', true) ?? node, 'times are written as 09:00');
  else if (!validZone(zone))
    bad(node.get('zone', true) ?? node, `"${zone}" is not a time zone such as Asia/Karachi`);
  else return { always: false, days, open, close, zone };
  return undefined;
}

function validZone(zone: string): boolean {
  try {
    return Boolean(zone) && Boolean(new Intl.DateTimeFormat('en', { timeZone: zone }));
  } catch {
    return false;
  }
}

/** The directory of a lessons folder, if it has one; errors and warnings as `path:line:col`. */
export function readHelpDirectory(
  dir: string,
  display: (file: string) => string,
  errors: ContentError[],
  files: string[],
  now: Date,
): HelpResult {
  const file = path.join(dir, HELP_FOLDER, HELP_FILE);
  const warnings: ContentError[] = [];
  if (!existsSync(file)) return { directory: null, warnings };
  files.push(file);
  const where = display(file);
  const directory = compileHelpDirectory(
    readFileSync(file, 'utf8'),
    (line, col, message) => errors.push({ file: where, line, col, message }),
    (line, col, message) => warnings.push({ file: where, line, col, message }),
    now,
  );
  return { directory, warnings };
}
