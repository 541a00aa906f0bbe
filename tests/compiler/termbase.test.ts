/** Termbases: one agreed term per idea in each language, and `lessons status` naming every forbidden variant used. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonsDir } from '../../src/compiler/options.ts';
import { forbiddenUses, parseTermbase, readTermbases, translatedFiles } from '../../src/compiler/termbase.ts';
import { FIXTURES, runCli } from './helpers.ts';

const FILE = path.join(FIXTURES, 'termbase', 'ur.tbx');
const termbase = parseTermbase(readFileSync(FILE, 'utf8'), 'ur.tbx', 'ur');

describe('a termbase', () => {
  it('gives the agreed term and the variants not to use, as Weblate reads them', () => {
    expect(termbase.terms).toEqual([
      { id: 'shutdown', english: 'shutdown', text: 'انٹرنیٹ بندش', forbidden: false },
      { id: 'shutdown-x1', english: 'shutdown', text: 'شٹ ڈاؤن', forbidden: true },
      { id: 'malware-x1', english: 'malware', text: 'Malware', forbidden: true },
    ]);
  });

  it('reports an entry without its English term at its line', () => {
    expect(termbase.errors).toEqual([
      {
        file: 'ur.tbx',
        line: 20,
        col: 7,
        message: 'term entry "broken" has no English term (<langSet xml:lang="en">)',
      },
    ]);
    expect(parseTermbase('<martif></martif>', 'x.tbx', 'ur').errors[0]?.message).toBe(
      'the termbase has no <termEntry>',
    );
  });
});

describe('a forbidden variant', () => {
  it('is found as a whole phrase, across a line break, ignoring case, and named with the term to write', () => {
    const text = 'پہلی سطر\nیہ شٹ\nڈاؤن تھا، اور MALWARE بھی۔ Malwarebytes نہیں۔';
    const uses = forbiddenUses(termbase, 'lessons/x/ur.md', text);
    expect(uses.map(({ file, line, col, message }) => ({ file, line, col, message }))).toEqual([
      {
        file: 'lessons/x/ur.md',
        line: 2,
        col: 4,
        message: '"شٹ ڈاؤن" is a variant not to use for "shutdown": write "انٹرنیٹ بندش" (ur.tbx)',
      },
      {
        file: 'lessons/x/ur.md',
        line: 3,
        col: 15,
        message: '"MALWARE" is a variant not to use for "malware" (ur.tbx)',
      },
    ]);
  });

  it('is named once where a shorter variant lies inside a longer one', () => {
    const entry = (id: string, text: string) =>
      `<termEntry id="${id}"><langSet xml:lang="en"><tig><term>two-step verification</term></tig></langSet><langSet xml:lang="ur"><tig><term>${text}</term><termNote type="administrativeStatus">forbidden</termNote></tig></langSet></termEntry>`;
    const base = parseTermbase(
      `<martif>${entry('a', 'ٹو اسٹیپ ویریفکیشن')}${entry('b', 'ٹو اسٹیپ')}</martif>`,
      't.tbx',
      'ur',
    );
    const uses = forbiddenUses(base, 'x.md', 'یہ ٹو اسٹیپ ویریفکیشن ہے، اور یہ ٹو اسٹیپ۔');
    expect(uses.map((use) => `${use.col}: ${use.term.text}`)).toEqual([
      '4: ٹو اسٹیپ ویریفکیشن',
      '34: ٹو اسٹیپ',
    ]);
  });

  it('is used nowhere in the real translations, by what lessons status says', () => {
    const { out } = runCli('status');
    // The real termbases, read from locales/termbase/: none is broken, and no variant they forbid is used.
    const terms = out.slice(out.indexOf('Agreed terms (locales/termbase/*.tbx):'));
    expect(terms.length).toBeGreaterThan(1);
    for (const base of readTermbases(path.resolve('locales', 'termbase'))) {
      expect(base.errors).toEqual([]);
      expect(terms).toContain(`  ${base.locale}: agreed terms used throughout`);
      const files = translatedFiles(lessonsDir(), base.locale);
      expect(files.length).toBeGreaterThan(10);
    }
  }, 60_000);
});
