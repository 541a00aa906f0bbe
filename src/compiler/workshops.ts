/**
 * Workshop plans (`workshops/<plan>/<locale>.md`): front matter (title, summary, audience) and a
 * list of sessions, one per line, `- <minutes> | <lesson|activity|break> | <lesson id or text>`.
 * Translations keep the English plan's sessions (minutes, kinds, lessons) and translate the text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar } from 'yaml';
import { isLocale, SOURCE_LOCALE } from '../shared/locales.ts';
import type { Workshop, WorkshopSession } from '../shared/types.ts';
import { findDirectionControls } from './bidi.ts';
import type { ContentError } from './errors.ts';
import { ID } from './questions.ts';
import { parseYaml, type Report } from './yaml.ts';

export const WORKSHOPS_FOLDER = 'workshops';
const KINDS = ['lesson', 'activity', 'break'] as const;
const SESSION = /^-\s+(.*?)\s*\|\s*(.*?)\s*\|\s*(.*)$/;

/** Reads one plan file; `lessonIds` are the course's lessons, `english` the plan it translates. */
export function compileWorkshop(
  source: string,
  id: string,
  locale: string,
  lessonIds: ReadonlySet<string>,
  report: Report,
  english?: Workshop,
): Workshop | null {
  // Plan text is shown as plain text, but an override could still reorder what a reader sees.
  findDirectionControls(source, report);
  const lines = source.split(/\r?\n/);
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (lines[0]?.trim() !== '---' || end === -1) {
    report(1, 1, "a workshop plan starts with front matter between two '---' lines");
    return null;
  }
  const { doc } = parseYaml(lines.slice(1, end).join('\n'), report, {
    firstLine: 2,
    prefix: 'front matter: ',
  });
  const fields: Record<string, string> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && isScalar(pair.value))
        fields[String(pair.key.value)] = String(pair.value.value).trim();
    }
  }
  for (const name of ['title', 'summary', 'audience'])
    if (!fields[name]) report(1, 1, `front matter is missing "${name}"`);

  const sessions: WorkshopSession[] = [];
  let first = 0;
  lines.slice(end + 1).forEach((text, offset) => {
    const line = end + 2 + offset;
    if (!text.trim() || text.startsWith('#')) return;
    first ||= line;
    const match = SESSION.exec(text);
    if (!match) {
      report(
        line,
        1,
        'each session is a line "- <minutes> | <lesson, activity or break> | <lesson id or text>"',
      );
      return;
    }
    const [, minutesText = '', kind = '', what = ''] = match;
    const minutes = Number(minutesText);
    if (!Number.isInteger(minutes) || minutes <= 0) {
      report(line, text.indexOf(minutesText) + 1, `"${minutesText}" is not a number of minutes`);
      return;
    }
    if (!(KINDS as readonly string[]).includes(kind)) {
      report(line, text.indexOf(kind) + 1, `"${kind}" is not a kind of session: use ${KINDS.join(', ')}`);
      return;
    }
    if (kind === 'lesson' && !(ID.test(what) && lessonIds.has(what))) {
      report(line, text.lastIndexOf(what) + 1, `there is no lesson "${what}"`);
      return;
    }
    if (!what) report(line, text.length + 1, 'say what the session is');
    sessions.push({ minutes, kind: kind as WorkshopSession['kind'], text: what });
  });
  if (!first) report(end + 1, 1, 'the plan has no sessions');
  if (english) {
    const shape = (list: WorkshopSession[]) =>
      list.map((s) => `${s.minutes}/${s.kind}/${s.kind === 'lesson' ? s.text : ''}`).join(' ');
    if (shape(sessions) !== shape(english.sessions)) {
      report(first || end + 1, 1, 'the sessions (minutes, kinds and lessons) must be the same as in en.md');
    }
  }
  if (!fields.title || !fields.summary || !fields.audience) return null;
  return { id, locale, title: fields.title, summary: fields.summary, audience: fields.audience, sessions };
}

/** Every plan in every language; translations are checked against English. */
export function compileWorkshops(
  dir: string,
  lessonIds: ReadonlySet<string>,
  display: (file: string) => string,
  errors: ContentError[],
  files: string[],
): Map<string, Workshop[]> {
  const byLocale = new Map<string, Workshop[]>();
  const folder = path.join(dir, WORKSHOPS_FOLDER);
  if (!existsSync(folder)) return byLocale;
  const plans = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const plan of plans) {
    const read = (locale: string, english?: Workshop) => {
      const file = path.join(folder, plan, `${locale}.md`);
      files.push(file);
      const report: Report = (line, col, message) => errors.push({ file: display(file), line, col, message });
      const workshop = compileWorkshop(readFileSync(file, 'utf8'), plan, locale, lessonIds, report, english);
      if (workshop) byLocale.set(locale, [...(byLocale.get(locale) ?? []), workshop]);
      return workshop;
    };
    const locales = readdirSync(path.join(folder, plan))
      .filter((name) => name.endsWith('.md') && isLocale(name.slice(0, -3)))
      .map((name) => name.slice(0, -3));
    if (!locales.includes(SOURCE_LOCALE)) {
      errors.push({
        file: display(path.join(folder, plan)),
        line: 1,
        col: 1,
        message: `no ${SOURCE_LOCALE}.md in this plan`,
      });
      continue;
    }
    const english = read(SOURCE_LOCALE);
    for (const locale of locales) if (locale !== SOURCE_LOCALE) read(locale, english ?? undefined);
  }
  return byLocale;
}
