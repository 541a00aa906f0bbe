/** Splits a lesson into YAML front matter and markdown body, and checks every field. */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { LEVELS, type Level } from '../shared/types.ts';

export interface FrontMatter {
  id: string;
  title: string;
  summary: string;
  level: Level;
  minutes: number;
  reviewed: string;
  tags: string[];
}

export interface SplitLesson {
  /** Parsed and checked fields, or null when they could not be read. */
  meta: FrontMatter | null;
  /** The markdown after the front matter; null when the front matter is not closed. */
  body: string | null;
  /** 0-based line of the file where the body starts. */
  bodyLine: number;
}

type Report = (line: number, col: number, message: string) => void;

const ID = /^[a-z0-9][a-z0-9-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the front matter of `source`; problems go to `report` with file positions. */
export function splitLesson(source: string, folderId: string, report: Report): SplitLesson {
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
  const yamlText = lines.slice(1, end).join('\n');
  const body = lines.slice(end + 1).join('\n');
  return { meta: readFields(yamlText, folderId, report), body, bodyLine: end + 1 };
}

function readFields(yamlText: string, folderId: string, report: Report): FrontMatter | null {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  // The YAML starts on the file's second line.
  const at = (offset: number | undefined, message: string) => {
    const pos = counter.linePos(offset ?? 0);
    report(pos.line + 1, pos.col, message);
  };
  if (doc.errors.length > 0) {
    // The position is reported in our own terms; the library's text would count lines from the YAML.
    for (const error of doc.errors) at(error.pos[0], `front matter: ${yamlMessage(error.message)}`);
    return null;
  }
  if (!isMap(doc.contents)) {
    report(2, 1, 'front matter must be a list of fields such as "title: ..."');
    return null;
  }
  const map = doc.contents;
  let ok = true;
  const field = (name: string): Node | undefined => {
    const node = map.get(name, true) as Node | undefined;
    if (node === undefined || node === null) {
      report(1, 1, `front matter is missing "${name}"`);
      ok = false;
    }
    return node ?? undefined;
  };
  const fail = (node: Node, message: string) => {
    at(node.range?.[0], message);
    ok = false;
  };
  const text = (name: string): string => {
    const node = field(name);
    if (!node) return '';
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      fail(node, `"${name}" must be text`);
      return '';
    }
    return node.value.trim();
  };

  const id = text('id');
  const idNode = map.get('id', true) as Node | undefined;
  if (id && idNode && !ID.test(id)) fail(idNode, `"id" may use only a-z, 0-9 and "-": "${id}"`);
  else if (id && idNode && id !== folderId) fail(idNode, `"id" is "${id}" but the folder is "${folderId}"`);
  const title = text('title');
  const summary = text('summary');

  const levelNode = field('level');
  const level = isScalar(levelNode) ? String(levelNode.value) : '';
  if (levelNode && !(LEVELS as readonly string[]).includes(level)) {
    fail(levelNode, `"level" must be one of ${LEVELS.join(', ')}`);
  }

  const minutesNode = field('minutes');
  const minutes = isScalar(minutesNode) ? Number(minutesNode.value) : Number.NaN;
  if (minutesNode && !(Number.isInteger(minutes) && minutes > 0 && minutes <= 600)) {
    fail(minutesNode, '"minutes" must be a whole number of minutes, such as 15');
  }

  const reviewedNode = field('reviewed');
  const reviewed = isScalar(reviewedNode) ? String(reviewedNode.source ?? reviewedNode.value) : '';
  if (reviewedNode && !isRealDate(reviewed)) {
    fail(reviewedNode, '"reviewed" must be a date written YYYY-MM-DD');
  }

  const tagsNode = field('tags');
  const tags: string[] = [];
  if (tagsNode) {
    if (!isSeq(tagsNode)) fail(tagsNode, '"tags" must be a list, such as [passwords, accounts]');
    else {
      for (const item of tagsNode.items) {
        if (isScalar(item) && typeof item.value === 'string' && item.value.trim())
          tags.push(item.value.trim());
        else fail(item as Node, 'each tag must be a word or short phrase');
      }
    }
  }

  if (!ok) return null;
  return { id, title, summary, level: level as Level, minutes, reviewed, tags };
}

/** The first sentence of a YAML error, without the library's own line and column. */
export function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? 'invalid YAML';
  return first.replace(/ at line \d+, column \d+/, '').replace(/:\s*$/, '');
}

/** A YYYY-MM-DD date that exists on the calendar (no 30 February). */
function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
