/** Splits a lesson into YAML front matter and markdown body, and checks every field. */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { LEVELS, type Lesson, TRANSLATION_STATUSES, type TranslationStatus } from '../shared/types.ts';
import { parseYaml, type Report } from './yaml.ts';

/** Front matter of an English lesson: the source of truth for level, minutes and review date. */
export type FrontMatter = Pick<
  Lesson,
  'id' | 'title' | 'summary' | 'level' | 'minutes' | 'reviewed' | 'tags'
>;

/** Front matter of a translation: its own text, its review status and what it was made from. */
export interface TranslationFrontMatter {
  id: string;
  title: string;
  summary: string;
  tags: string[] | null;
  status: TranslationStatus;
  sourceHash: string | null;
}

export interface SplitLesson<Meta> {
  /** Parsed and checked fields, or null when they could not be read. */
  meta: Meta | null;
  /** The markdown after the front matter; null when the front matter is not closed. */
  body: string | null;
  /** 0-based line of the file where the body starts. */
  bodyLine: number;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HASH = /^[0-9a-f]{8,64}$/;
const SOURCE_FIELDS = ['id', 'title', 'summary', 'level', 'minutes', 'reviewed', 'tags'];
const TRANSLATION_FIELDS = ['id', 'title', 'summary', 'tags', 'status', 'source_hash'];
const INHERITED = ['level', 'minutes', 'reviewed'];

/** Separates the front matter from the body; `read` checks the fields. */
function split<Meta>(
  source: string,
  report: Report,
  read: (fields: Fields) => Meta | null,
): SplitLesson<Meta> {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    report(1, 1, "the lesson must start with front matter: a line '---', the fields, then '---'");
    return { meta: null, body: source, bodyLine: 0 };
  }
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end === -1) {
    report(1, 1, "the front matter is not closed: add a line '---' after the fields");
    return { meta: null, body: null, bodyLine: lines.length };
  }
  const fields = parseFields(lines.slice(1, end).join('\n'), report);
  return { meta: fields && read(fields), body: lines.slice(end + 1).join('\n'), bodyLine: end + 1 };
}

/** Reads an English lesson's front matter. */
export function splitLesson(source: string, folderId: string, report: Report): SplitLesson<FrontMatter> {
  return split(source, report, (fields) => {
    fields.allowOnly(SOURCE_FIELDS, () => 'is not a lesson field');
    const id = fields.id(folderId);
    const title = fields.text('title');
    const summary = fields.text('summary');
    const level = fields.oneOf('level', LEVELS);
    const minutes = fields.minutes();
    const reviewed = fields.date('reviewed');
    const tags = fields.tags(true) ?? [];
    return fields.ok ? { id, title, summary, level, minutes, reviewed, tags } : null;
  });
}

/** Reads a translation's front matter. Level, minutes and review date come from en.md: a translation
 * may repeat them (as translation tools do) only unchanged. Without a status it counts as a draft. */
export function splitTranslation(
  source: string,
  folderId: string,
  report: Report,
  english?: Pick<FrontMatter, 'level' | 'minutes' | 'reviewed'>,
): SplitLesson<TranslationFrontMatter> {
  return split(source, report, (fields) => {
    fields.allowOnly([...TRANSLATION_FIELDS, ...INHERITED], () => 'is not a translation field');
    const id = fields.id(folderId);
    const title = fields.text('title');
    const summary = fields.text('summary');
    const tags = fields.tags(false);
    const { status, sourceHash } = translationFields(fields);
    if (english)
      for (const name of INHERITED) fields.sameAs(name, String(english[name as keyof typeof english]));
    return fields.ok ? { id, title, summary, tags, status, sourceHash } : null;
  });
}

/** Front matter of a glossary file: its title and summary; a translation adds status and source hash. */
export interface GlossaryFrontMatter {
  title: string;
  summary: string;
  status: TranslationStatus | null;
  sourceHash: string | null;
}

/** Reads a glossary file's front matter (English when `translation` is false). */
export function splitGlossary(
  source: string,
  report: Report,
  translation: boolean,
): SplitLesson<GlossaryFrontMatter> {
  return split(source, report, (fields) => {
    const allowed = translation
      ? ['title', 'summary', 'reviewed', 'status', 'source_hash']
      : ['title', 'summary', 'reviewed'];
    fields.allowOnly(allowed, () => 'is not a glossary field');
    const title = fields.text('title');
    const summary = fields.text('summary');
    if (!translation) fields.date('reviewed');
    const { status, sourceHash } = translation
      ? translationFields(fields)
      : { status: null, sourceHash: null };
    return fields.ok ? { title, summary, status, sourceHash } : null;
  });
}

/** One item of a front-matter list, with the file's line and column where it stands. */
export interface PlacedText {
  text: string;
  line: number;
  col: number;
}

/** Front matter of a help-now flow: title, summary and printed card; a translation adds status and source hash. */
export interface FlowFrontMatter {
  id: string;
  title: string;
  summary: string;
  /** The first steps printed on the help card, and where the list stands (for a count that differs). */
  card: { items: PlacedText[]; line: number; col: number };
  status: TranslationStatus | null;
  sourceHash: string | null;
}

/** Reads a flow's front matter (English when `translation` is false); `reviewed` is en.md's alone. */
export function splitFlow(
  source: string,
  folderId: string,
  report: Report,
  translation: boolean,
): SplitLesson<FlowFrontMatter> {
  return split(source, report, (fields) => {
    const allowed = translation
      ? ['id', 'title', 'summary', 'card', 'status', 'source_hash']
      : ['id', 'title', 'summary', 'card', 'reviewed'];
    fields.allowOnly(allowed, () => 'is not a flow field');
    const id = fields.id(folderId);
    const title = fields.text('title');
    const summary = fields.text('summary');
    const card = fields.textList('card', 'a list of short first steps, one "- ..." line each');
    if (!translation) fields.date('reviewed');
    const { status, sourceHash } = translation
      ? translationFields(fields)
      : { status: null, sourceHash: null };
    return fields.ok && card ? { id, title, summary, card, status, sourceHash } : null;
  });
}

/** A translation's `status` (draft when absent) and `source_hash`, read the same for every kind of content. */
function translationFields(fields: Fields): { status: TranslationStatus; sourceHash: string | null } {
  const status = fields.has('status') ? fields.oneOf('status', TRANSLATION_STATUSES) : 'draft';
  const sourceHash = fields.optionalText('source_hash', HASH, 'a hash written by "npm run lessons -- stamp"');
  return { status, sourceHash };
}

/** Field readers over one front-matter map; each reports its own problems and clears `ok`. */
interface Fields {
  ok: boolean;
  has(name: string): boolean;
  sameAs(name: string, expected: string): void;
  allowOnly(allowed: string[], why: (name: string) => string): void;
  id(folderId: string): string;
  text(name: string): string;
  optionalText(name: string, pattern: RegExp, what: string): string | null;
  oneOf<T extends string>(name: string, values: readonly T[]): T;
  minutes(): number;
  date(name: string): string;
  tags(required: boolean): string[] | null;
  textList(name: string, what: string): { items: PlacedText[]; line: number; col: number } | null;
}

function parseFields(yamlText: string, report: Report): Fields | null {
  // The YAML starts on the file's second line.
  const { doc, position, failed } = parseYaml(yamlText, report, { firstLine: 2, prefix: 'front matter: ' });
  const at = (offset: number | undefined, message: string) => {
    const { line, col } = position(offset);
    report(line, col, message);
  };
  if (failed) return null;
  if (!isMap(doc.contents)) {
    report(2, 1, 'front matter must be a list of fields such as "title: ..."');
    return null;
  }
  return fieldReaders(doc.contents, at, report, position);
}

function fieldReaders(
  map: YAMLMap,
  at: (offset: number | undefined, message: string) => void,
  report: Report,
  position: (offset: number | undefined) => { line: number; col: number },
): Fields {
  const node = (name: string) => (map.get(name, true) as Node | undefined) ?? undefined;
  const fields: Fields = {
    ok: true,
    has: (name) => node(name) !== undefined,
    sameAs(name, expected) {
      const value = node(name);
      const text = isScalar(value) ? String(value.source ?? value.value) : undefined;
      if (value && text !== expected)
        fail(value, `"${name}" comes from en.md, where it is ${expected}: remove it here`);
    },
    allowOnly(allowed, why) {
      for (const pair of map.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!allowed.includes(name)) fail(pair.key as Node, `${quoted(name)} ${why(name)}`);
      }
    },
    id(folderId) {
      const id = fields.text('id');
      const idNode = node('id');
      if (id && idNode && !ID.test(id)) fail(idNode, `"id" may use only a-z, 0-9 and "-": ${quoted(id)}`);
      else if (id && idNode && id !== folderId)
        fail(idNode, `"id" is "${id}" but the folder is "${folderId}"`);
      return id;
    },
    text(name) {
      const value = required(name);
      if (!value) return '';
      if (!isScalar(value) || typeof value.value !== 'string' || value.value.trim() === '') {
        fail(value, `"${name}" must be text`);
        return '';
      }
      return value.value.trim();
    },
    optionalText(name, pattern, what) {
      const value = node(name);
      if (!value) return null;
      // The text as written: a hash of digits must not be read as a number.
      const text = isScalar(value) ? String(value.source ?? value.value) : '';
      if (!pattern.test(text)) fail(value, `"${name}" must be ${what}`);
      return text;
    },
    oneOf(name, values) {
      const value = required(name);
      const text = isScalar(value) ? String(value.value) : '';
      if (value && !(values as readonly string[]).includes(text))
        fail(value, `"${name}" must be one of ${values.join(', ')}`);
      return text as (typeof values)[number];
    },
    minutes() {
      const value = required('minutes');
      const minutes = isScalar(value) ? Number(value.value) : Number.NaN;
      if (value && !(Number.isInteger(minutes) && minutes > 0 && minutes <= 600)) {
        fail(value, '"minutes" must be a whole number of minutes, such as 15');
      }
      return minutes;
    },
    date(name) {
      const value = required(name);
      const date = isScalar(value) ? String(value.source ?? value.value) : '';
      if (value && !isRealDate(date)) fail(value, `"${name}" must be a date written YYYY-MM-DD`);
      return date;
    },
    tags(isRequired) {
      const value = isRequired ? required('tags') : node('tags');
      if (!value) return null;
      if (!isSeq(value)) {
        fail(value, '"tags" must be a list, such as [passwords, accounts]');
        return null;
      }
      const tags: string[] = [];
      for (const item of value.items) {
        if (isScalar(item) && typeof item.value === 'string' && item.value.trim())
          tags.push(item.value.trim());
        else fail(item as Node, 'each tag must be a word or short phrase');
      }
      return tags;
    },
    textList(name, what) {
      const value = required(name);
      if (!value) return null;
      if (!isSeq(value) || value.items.length === 0) {
        fail(value, `"${name}" must be ${what}`);
        return null;
      }
      const items: PlacedText[] = [];
      for (const item of value.items) {
        if (isScalar(item) && typeof item.value === 'string' && item.value.trim())
          items.push({ text: item.value.trim(), ...position(item.range?.[0]) });
        else fail(item as Node, `each item of "${name}" must be text on one line`);
      }
      // Where the list is named: the key, so that a list on the next lines is found by its name.
      const key = map.items.find((pair) => isScalar(pair.key) && pair.key.value === name)?.key as
        | Node
        | undefined;
      return { items, ...position(key?.range?.[0] ?? value.range?.[0]) };
    },
  };
  function fail(where: Node, message: string) {
    at(where.range?.[0], message);
    fields.ok = false;
  }
  function required(name: string): Node | undefined {
    const value = node(name);
    if (value === undefined) {
      report(1, 1, `front matter is missing "${name}"`);
      fields.ok = false;
    }
    return value;
  }
  return fields;
}

/** Text from the file, quoted in a message on one line: each error is printed as one line. */
function quoted(text: string): string {
  return `"${text.replace(/\s*[\r\n]+\s*/g, ' ')}"`;
}

/** A YYYY-MM-DD date that exists on the calendar (no 30 February). */
function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
