/** The glossary: `::: term` blocks in every language, and `term:` links from lessons. */
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/compiler/glossary.ts';
import { compileLesson } from '../../src/compiler/lesson.ts';
import { lesson } from './helpers.ts';

const ENGLISH = [
  '---',
  'title: Glossary',
  'summary: Words used in the lessons.',
  'reviewed: 2026-11-20',
  '---',
  '',
  '::: term sim-swap',
  'SIM swap',
  '',
  'Someone gets your number moved to **their** SIM card.',
  ':::',
  '',
  '::: term vpn',
  'VPN',
  '',
  'An app that sends your traffic through another company.',
  ':::',
  '',
].join('\n');

const compileEnglish = () =>
  compileGlossary({ source: ENGLISH, file: 'lessons/glossary/en.md', locale: 'en', lessonIds: new Set() });

describe('the glossary', () => {
  it('compiles each term with its name and its definition as HTML', () => {
    const { glossary, errors, hash } = compileEnglish();
    expect(errors).toEqual([]);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(glossary?.terms).toEqual([
      {
        id: 'sim-swap',
        term: 'SIM swap',
        html: '<p>Someone gets your number moved to <strong>their</strong> SIM card.</p>\n',
      },
      { id: 'vpn', term: 'VPN', html: '<p>An app that sends your traffic through another company.</p>\n' },
    ]);
  });

  it('reports anything but term blocks, duplicate ids and terms without a definition, at their lines', () => {
    const source = ENGLISH.replace('::: term vpn', '::: term sim-swap').concat(
      'Loose text.\n\n::: term empty\nOnly a name\n:::\n',
    );
    const { errors } = compileGlossary({ source, file: 'g/en.md', locale: 'en', lessonIds: new Set() });
    expect(errors.map((error) => [error.line, error.message])).toEqual([
      [13, 'term "sim-swap" is defined twice'],
      [18, 'the glossary holds only "::: term <id>" blocks'],
      [20, 'term "empty": write its name on one line, a blank line, then its definition'],
    ]);
  });

  it('checks a translation has exactly the terms of en.md, and marks it stale until stamped', () => {
    const { glossary, hash } = compileEnglish();
    if (!glossary || !hash) throw new Error('the English glossary did not compile');
    const source = [
      '---',
      'title: Glosari',
      'summary: Perkataan dalam pelajaran.',
      'status: machine',
      '---',
      '',
      '::: term sim-swap',
      'Tukar SIM',
      '',
      'Seseorang memindahkan nombor anda.',
      ':::',
      '',
    ].join('\n');
    const result = compileGlossary({
      source,
      file: 'lessons/glossary/ms.md',
      locale: 'ms',
      lessonIds: new Set(),
      english: { glossary, hash, links: [] },
    });
    expect(result.errors.map((error) => error.message)).toEqual(['terms of en.md missing here: vpn']);
    expect(result.glossary?.translation).toEqual({ status: 'machine', stale: true });
  });
});

describe('a translated glossary', () => {
  it('cannot send a reader to another address than the English glossary does', () => {
    const term = (link: string) =>
      ['::: term vpn', 'VPN', '', `An app; see [its guide](${link}).`, ':::', ''].join('\n');
    const english = compileGlossary({
      source: [
        '---',
        'title: Glossary',
        'summary: Words.',
        'reviewed: 2026-11-20',
        '---',
        '',
        term('https://ssd.eff.org/'),
      ].join('\n'),
      file: 'lessons/glossary/en.md',
      locale: 'en',
      lessonIds: new Set(),
    });
    if (!english.glossary || !english.hash) throw new Error('the English glossary did not compile');
    const translated = compileGlossary({
      source: [
        '---',
        'title: Glosari',
        'summary: Kata.',
        'status: machine',
        '---',
        '',
        term('https://example.net/'),
      ].join('\n'),
      file: 'lessons/glossary/ms.md',
      locale: 'ms',
      lessonIds: new Set(),
      english: { glossary: english.glossary, hash: english.hash, links: english.links },
    });
    expect(translated.errors.map((error) => `${error.line}:${error.col}: ${error.message}`)).toEqual([
      expect.stringMatching(/^10:\d+: .*https:\/\/example\.net\/.*en\.md/),
    ]);
  });
});

describe('glossary links in lessons', () => {
  const compile = (body: string) =>
    compileLesson({
      source: lesson({}, [body]),
      file: 'lessons/demo/en.md',
      folderId: 'demo',
      locale: 'en',
      lessonIds: new Set(['demo']),
      termIds: new Set(['sim-swap']),
    });

  it('become buttons that name their term, closed at first', () => {
    const { lesson: compiled, errors } = compile('Watch out for a [SIM swap](term:sim-swap).');
    expect(errors).toEqual([]);
    const html = compiled?.blocks[0]?.kind === 'html' ? compiled.blocks[0].html : '';
    expect(html).toContain(
      '<button type="button" class="term" data-term="sim-swap" aria-expanded="false">SIM swap</button>',
    );
  });

  it('are refused, at their place, when the term is not in the glossary', () => {
    const { errors } = compile('Read about [spyware](term:spyware).');
    expect(errors.map((error) => [error.line, error.col, error.message])).toEqual([
      [10, 22, '"spyware" is not a term of the glossary (glossary/en.md)'],
    ]);
  });
});
