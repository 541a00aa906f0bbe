/** Interface strings (locales/*.json): what `checkStrings` tells a translator, and the real files. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStrings } from '../../src/compiler/strings.ts';

type Tree = Parameters<typeof checkStrings>[1];

const EN: Tree = {
  app: { name: 'Safe Online', hello: 'Hello, {{name}}' },
  lesson: {
    minutes_one: '{{count, number}} minute',
    minutes_other: '{{count, number}} minutes',
  },
  quiz: { score: '{{correct, number}} of {{total, number}} right' },
};

const HI: Tree = {
  app: { name: 'सेफ़ ऑनलाइन', hello: 'नमस्ते, {{name}}' },
  lesson: { minutes_one: '{{count, number}} मिनट', minutes_other: '{{count, number}} मिनट' },
  quiz: { score: '{{total, number}} में से {{correct, number}} सही' },
};

const MS: Tree = {
  app: { name: 'Safe Online', hello: 'Helo, {{name}}' },
  lesson: { minutes_other: '{{count, number}} minit' },
  quiz: { score: '{{correct, number}} daripada {{total, number}} betul' },
};

/** A deep copy of `tree` with `edit` applied. */
function edited(tree: Tree, edit: (copy: Record<string, Record<string, string>>) => void): Tree {
  const copy = structuredClone(tree) as Record<string, Record<string, string>>;
  edit(copy);
  return copy as Tree;
}

const problems = (locale: string, translated: Tree, english: Tree = EN) => {
  const { missing, placeholders, plurals, extra } = checkStrings(locale, english, translated);
  return { missing, placeholders, plurals, extra };
};
const NONE = { missing: [], placeholders: [], plurals: [], extra: [] };

describe('checkStrings', () => {
  it('finds nothing wrong with complete files (placeholders may move, Malay has one plural form)', () => {
    expect(problems('hi', HI)).toEqual(NONE);
    expect(problems('ms', MS)).toEqual(NONE);
    expect(checkStrings('ms', EN, MS).locale).toBe('ms');
  });

  it('reports missing keys by their dotted path, and a missing plural by its base', () => {
    const hi = edited(HI, (copy) => {
      delete copy.app?.hello;
      delete copy.lesson;
    });
    expect(problems('hi', hi).missing).toEqual(['app.hello', 'lesson.minutes']);
  });

  it('counts an empty string as missing', () => {
    expect(
      problems(
        'hi',
        edited(HI, (copy) => Object.assign(copy.app ?? {}, { hello: '' })),
      ).missing,
    ).toEqual(['app.hello']);
  });

  it('treats {{count, number}} and {{count}} as the same placeholder', () => {
    const hi = edited(HI, (copy) => {
      copy.lesson = { minutes_one: '{{count}} मिनट', minutes_other: '{{ count }} मिनट' };
      copy.quiz = { score: '{{total}} में से {{correct}} सही' };
    });
    expect(problems('hi', hi)).toEqual(NONE);
  });

  it('reports a renamed or dropped placeholder', () => {
    const hi = edited(HI, (copy) => {
      Object.assign(copy.app ?? {}, { hello: 'नमस्ते, {{naam}}' });
      copy.quiz = { score: '{{correct, number}} सही' };
      copy.lesson = { minutes_one: '{{count, number}} मिनट', minutes_other: '{{n, number}} मिनट' };
    });
    expect(problems('hi', hi).placeholders).toEqual(['app.hello', 'lesson.minutes_other', 'quiz.score']);
  });

  it('reports a Malay file with a "_one" form, which Malay does not use', () => {
    const ms = edited(MS, (copy) =>
      Object.assign(copy.lesson ?? {}, { minutes_one: '{{count, number}} minit' }),
    );
    expect(problems('ms', ms).plurals).toEqual(['lesson.minutes']);
  });

  it.each(['hi', 'ur'])('reports a %s file that lacks the "_one" form its language needs', (locale) => {
    const tr = edited(HI, (copy) => {
      copy.lesson = { minutes_other: '{{count, number}} मिनट' };
    });
    expect(problems(locale, tr)).toEqual({ ...NONE, plurals: ['lesson.minutes'] });
  });

  it('reports plural forms the language does not have, such as "_few" in Hindi', () => {
    const hi = edited(HI, (copy) =>
      Object.assign(copy.lesson ?? {}, { minutes_few: '{{count, number}} मिनट' }),
    );
    expect(problems('hi', hi).plurals).toEqual(['lesson.minutes']);
  });

  it('reports keys that en.json does not have', () => {
    const hi = edited(HI, (copy) => {
      Object.assign(copy.app ?? {}, { bye: 'अलविदा' });
      copy.old = { title: 'पुराना' };
    });
    expect(problems('hi', hi)).toEqual({ ...NONE, extra: ['app.bye', 'old.title'] });
  });

  it('compares the Malay "_other" form with the English "_other" form, whatever the key order', () => {
    const oneFirst = edited(EN, (copy) => {
      copy.lesson = { minutes_one: 'one minute', minutes_other: '{{count, number}} minutes' };
    });
    const otherFirst = edited(EN, (copy) => {
      copy.lesson = { minutes_other: '{{count, number}} minutes', minutes_one: 'one minute' };
    });
    expect(problems('ms', MS, otherFirst)).toEqual(NONE);
    expect(problems('ms', MS, oneFirst)).toEqual(NONE);
  });
});

/** The interface strings of the app, as shipped. */
const readLocale = (locale: string) => JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8')) as Tree;

describe('the real locale files', () => {
  const english = readLocale('en');

  it.each(['hi', 'ms', 'ur'])(
    'locales/%s.json exists and has every string, placeholder and plural form',
    (locale) => {
      expect(existsSync(`locales/${locale}.json`), `locales/${locale}.json is missing`).toBe(true);
      const { missing, placeholders, plurals } = checkStrings(locale, english, readLocale(locale));
      expect({ missing, placeholders, plurals }).toEqual({ missing: [], placeholders: [], plurals: [] });
    },
  );
});
