/**
 * The parts of a site profile that make a disguise hold: `disguise:` (neutral names on the phone
 * and the notepad's starting code word) and `strings:` (interface strings replaced per language,
 * such as "Close" for "Quick exit"). See docs/site-profiles.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, type Node } from 'yaml';
import { isLocale, LOCALES } from '../shared/locales.ts';

type At = (node: Node | null | undefined, message: string) => void;

/** What `disguise:` asks for: the neutral name of everything kept on the phone, and the code word. */
export interface SiteDisguise {
  /** Database, key bucket, caches, stored flags and progress files are named after it. */
  storageName: string;
  /** Saved as a note, it opens the lessons; the learner can change it in Settings. */
  codeWord: string;
}

/** Interface strings replaced by the profile: per language, a key of locales/<lang>.json and its text. */
export type SiteStrings = Partial<Record<string, Record<string, string>>>;

const STORAGE_NAME = /^[a-z][a-z0-9-]{1,30}$/;

/** `disguise:` with `storage_name` and `code_word`, or undefined without one. */
export function readDisguise(node: Node | undefined, at: At): SiteDisguise | undefined {
  if (node === undefined) return undefined;
  if (!isMap(node)) {
    at(node, '"disguise" needs "storage_name" and "code_word"');
    return undefined;
  }
  const text = (key: string): string => {
    const value = node.get(key, true) as Node | undefined;
    if (isScalar(value) && typeof value.value === 'string' && value.value.trim()) return value.value.trim();
    at(value ?? node, `the disguise needs "${key}"`);
    return '';
  };
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'storage_name' && key !== 'code_word')
      at(pair.key as Node, `unknown field "${key}" in "disguise": use storage_name, code_word`);
  }
  const storageName = text('storage_name');
  if (storageName && (!STORAGE_NAME.test(storageName) || /safe|online|lesson/.test(storageName))) {
    at(
      node.get('storage_name', true) as Node,
      '"storage_name" must be a plain word in lower-case letters, digits and "-" that does not name the app, like "notes"',
    );
  }
  return { storageName, codeWord: text('code_word') };
}

/** The value at a dotted `key` of a locale's strings, if it is a string. */
function stringAt(strings: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)?.[part], strings);
}

/** `strings:` per language, each key one the app has (`nav.quickExit`), each value some text. */
export function readStrings(node: Node | undefined, at: At, localesDir: string): SiteStrings {
  if (node === undefined) return {};
  if (!isMap(node)) {
    at(node, '"strings" needs a list of strings per language (en:, hi:, ms:, ur:)');
    return {};
  }
  const result: SiteStrings = {};
  for (const pair of node.items) {
    const locale = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!isLocale(locale)) {
      at(pair.key as Node, `"${locale}" is not a language of the app: use ${LOCALES.join(', ')}`);
      continue;
    }
    if (!isMap(pair.value)) {
      at((pair.value as Node | null) ?? (pair.key as Node), `the strings in "${locale}" need "key: text"`);
      continue;
    }
    const own = JSON.parse(readFileSync(path.join(localesDir, `${locale}.json`), 'utf8')) as unknown;
    const texts: Record<string, string> = {};
    for (const entry of pair.value.items) {
      const key = isScalar(entry.key) ? String(entry.key.value) : '';
      if (typeof stringAt(own, key) !== 'string') {
        at(entry.key as Node, `"${key}" is not an interface string of locales/${locale}.json`);
      } else if (isScalar(entry.value) && typeof entry.value.value === 'string' && entry.value.value.trim()) {
        texts[key] = entry.value.value.trim();
      } else {
        at((entry.value as Node | null) ?? (entry.key as Node), `"${key}" in "${locale}" needs some text`);
      }
    }
    result[locale] = texts;
  }
  return result;
}

/** `strings` (a locale's JSON) with the profile's replacements for that locale written in. */
export function withOverrides(strings: unknown, overrides: Record<string, string> | undefined): unknown {
  if (!overrides) return strings;
  const copy = structuredClone(strings) as Record<string, unknown>;
  for (const [key, text] of Object.entries(overrides)) {
    const parts = key.split('.');
    const last = parts.pop() ?? '';
    const parent = parts.reduce<Record<string, unknown>>(
      (at, part) => at[part] as Record<string, unknown>,
      copy,
    );
    parent[last] = text;
  }
  return copy;
}
