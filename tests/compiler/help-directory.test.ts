/** The help directory: every field checked where it is written, stale entries warned about. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/compiler/cli.ts';
import type { ContentError } from '../../src/compiler/errors.ts';
import { compileHelpDirectory, readHelpDirectory } from '../../src/compiler/help-directory.ts';
import { compile as compileLesson, lesson } from './helpers.ts';

const TODAY = new Date('2026-12-07T12:00:00Z');

/** One valid entry; `change` swaps or adds lines (by field name) to make a bad one. */
function entry(change: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id: 'id: drf-helpline',
    name: 'name: Example Helpline',
    region: 'region: PK',
    helps: 'helps: [harassment, legal-aid]',
    about: 'about: { en: Help with online harassment. }',
    contacts: 'contacts:\n      - national: "0800 39393"\n      - email: help@example.org',
    hours: 'hours: { days: daily, open: "09:00", close: "17:00", zone: Asia/Karachi }',
    verified: 'verified: 2026-12-01',
    source: 'source: https://example.org/helpline',
    ...change,
  };
  const lines = Object.values(fields).filter(Boolean);
  return `entries:\n  - ${lines.join('\n    ')}\n`;
}

function compile(source: string, now = TODAY) {
  const errors: string[] = [];
  const warnings: string[] = [];
  const directory = compileHelpDirectory(
    source,
    (line, col, message) => errors.push(`${line}:${col}: ${message}`),
    (line, col, message) => warnings.push(`${line}:${col}: ${message}`),
    now,
  );
  return { directory, errors, warnings };
}

describe('the help directory', () => {
  it('reads a valid entry with its contacts, hours and source', () => {
    const { directory, errors, warnings } = compile(entry());
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(directory?.entries).toEqual([
      {
        id: 'drf-helpline',
        name: 'Example Helpline',
        region: 'PK',
        helps: ['harassment', 'legal-aid'],
        about: { en: 'Help with online harassment.' },
        contacts: [
          { kind: 'national', value: '0800 39393' },
          { kind: 'email', value: 'help@example.org' },
        ],
        hours: { always: false, days: 'daily', open: '09:00', close: '17:00', zone: 'Asia/Karachi' },
        verified: '2026-12-01',
        source: 'https://example.org/helpline',
      },
    ]);
  });

  it.each([
    [
      'an international number without +',
      { contacts: 'contacts:\n      - phone: "353 1 21 00 489"' },
      '8:16: "353 1 21 00 489" is not an international number: start with + and the country code, digits and spaces only',
    ],
    [
      'a number with letters',
      { contacts: 'contacts:\n      - national: "0800-HELP"' },
      '8:19: "0800-HELP" is not a national number or short code: digits and spaces only',
    ],
    [
      'a plain http address',
      { contacts: 'contacts:\n      - web: http://example.org' },
      '8:14: "http://example.org" is not an https address',
    ],
    [
      'a broken email address',
      { contacts: 'contacts:\n      - email: help-at-example.org' },
      '8:16: "help-at-example.org" is not an email address',
    ],
    [
      'an unknown kind of contact',
      { contacts: 'contacts:\n      - fax: "+92 42 1234567"' },
      '8:9: each contact is one of phone, national, whatsapp, signal, email, web, such as "- email: help@example.org"',
    ],
    [
      'a category not on the list',
      { helps: 'helps: [harassment, therapy]' },
      '5:25: "therapy" is not one of digital-emergency, harassment, intimate-images, legal-aid, report-crime, press-freedom, emotional-support',
    ],
    [
      'an unknown country',
      { region: 'region: BD' },
      '4:13: "BD" is not a region: use IN, MY, PK, international',
    ],
    [
      'a date that is not ISO',
      { verified: 'verified: 07/12/2026' },
      '11:15: "07/12/2026" is not a date: write it as 2026-12-07',
    ],
    [
      'a source that is not https',
      { source: 'source: http://example.org' },
      '12:13: "http://example.org" is not an https address',
    ],
    ['a missing source', { source: '' }, '2:5: the entry has no "source"'],
    [
      'hours without a time zone',
      { hours: 'hours: { days: daily, open: "09:00", close: "17:00", zone: Nowhere }' },
      '10:64: "Nowhere" is not a time zone such as Asia/Karachi',
    ],
    [
      'a national number for an international service',
      { region: 'region: international' },
      '8:19: a national number needs the entry to be for one country',
    ],
    [
      'about without English',
      { about: 'about: { ur: آن لائن ہراسانی }' },
      '6:12: "about" needs its English text ("en: …")',
    ],
  ])('reports %s at its line and column', (_name, change, expected) => {
    const { errors } = compile(entry(change));
    expect(errors).toEqual([expected]);
  });

  it('keeps numbers and addresses out of translations: one that gives its own is refused where it is', () => {
    const translated = (ur: string) =>
      `translations: { ur: machine }\n${entry({ about: `about:\n      en: Call 0800 39393 or write to help@example.org.\n      ur: ${ur}` })}`;
    // The same number in Urdu digits, and the entry's own address, are the same contacts.
    expect(compile(translated('۰۸۰۰ ۳۹۳۹۳ پر فون کریں یا help@example.org پر لکھیں۔')).errors).toEqual([]);
    expect(compile(translated('0800 39394 پر فون کریں۔')).errors).toEqual([
      '9:11: the ur text of "about" gives "080039394", which the English text does not: a translation carries the text only, and numbers and addresses stay in "contacts"',
    ]);
    expect(compile(translated('help@elsewhere.org پر لکھیں۔')).errors).toEqual([
      '9:11: the ur text of "about" gives "help@elsewhere.org", which the English text does not: a translation carries the text only, and numbers and addresses stay in "contacts"',
    ]);
    expect(compile(translated('elsewhere.org پر جائیں۔')).errors).toEqual([
      '9:11: the ur text of "about" gives "elsewhere.org", which the English text does not: a translation carries the text only, and numbers and addresses stay in "contacts"',
    ]);
  });

  it('records how far each language is checked, and refuses translated text without a status', () => {
    const urdu = entry({
      about: 'about: { en: Help with online harassment., ur: آن لائن ہراسانی میں مدد۔ }',
    });
    const { directory, errors } = compile(`translations: { ur: machine, hi: reviewed }\n${urdu}`);
    expect(errors).toEqual([]);
    expect(directory?.translations).toEqual({ ur: 'machine', hi: 'reviewed' });
    expect(compile(urdu).errors).toEqual([
      '6:48: the ur text has no status: add "ur: machine" (or draft, reviewed) under "translations:" at the top',
    ]);
    expect(compile(`translations: { ur: guessed, en: machine }\n${urdu}`).errors).toEqual([
      '1:21: "guessed" is not a status: use machine, draft, reviewed',
      '1:30: "en" is not a translated language of the app',
      '7:48: the ur text has no status: add "ur: machine" (or draft, reviewed) under "translations:" at the top',
    ]);
  });

  it('lists a service for emotional support and mental health under its own kind of help', () => {
    const { directory, errors } = compile(entry({ helps: 'helps: [emotional-support]' }));
    expect(errors).toEqual([]);
    expect(directory?.entries[0]?.helps).toEqual(['emotional-support']);
  });

  it('reports an id used twice', () => {
    const { errors } = compile(entry() + entry().replace('entries:\n', ''));
    expect(errors).toEqual(['13:9: entry "drf-helpline" is listed twice']);
  });

  it('warns, without failing, on an entry verified six months ago or more', () => {
    const { directory, errors, warnings } = compile(entry(), new Date('2027-06-01T00:00:00Z'));
    expect(errors).toEqual([]);
    expect(directory?.entries).toHaveLength(1);
    expect(warnings).toEqual(['11:15: "drf-helpline" was last verified 2026-12-01, over 6 months ago']);
    expect(compile(entry(), new Date('2027-05-31T00:00:00Z')).warnings).toEqual([]);
  });

  it('is read with the course, and `lessons check` prints its problems as path:line:col', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'help-'));
    writeFileSync(path.join(dir, 'course.yaml'), 'modules: []\n');
    mkdirSync(path.join(dir, 'help'));
    writeFileSync(path.join(dir, 'help', 'directory.yaml'), entry({ source: 'source: ftp://example.org' }));
    const out: string[] = [];
    const err: string[] = [];
    const code = main(
      ['check', '--dir', dir],
      (line) => out.push(line),
      (line) => err.push(line),
    );
    expect(code).toBe(1);
    expect(err[0]).toMatch(/help\/directory\.yaml:12:13: "ftp:\/\/example\.org" is not an https address$/);
  });

  it('accepts the real directory, every entry verified and sourced', () => {
    // The directory alone, not the whole course: compiling every lesson is slow on a busy machine.
    const errors: ContentError[] = [];
    const { directory, warnings } = readHelpDirectory('lessons', (file) => file, errors, [], TODAY);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    const regions = new Set(directory?.entries.map((help) => help.region));
    expect([...regions].sort()).toEqual(['IN', 'MY', 'PK', 'international']);
  });

  it('is linked from a lesson with help:, to the Get help page in the lesson language', () => {
    const result = compileLesson(lesson({}, ['See [who can help](help:) in your country.']));
    const html = result.lesson?.blocks.map((block) => ('html' in block ? block.html : '')).join('\n');
    expect(html).toContain('<a href="#/en/help">who can help</a>');
  });
});
