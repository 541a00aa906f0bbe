/** Workshop plans: sessions checked against the course, each problem at its line and column. */
import { describe, expect, it } from 'vitest';
import { compileWorkshop } from '../../src/compiler/workshops.ts';

const LESSONS = new Set(['security-plan', 'passwords']);
const plan = (
  sessions: string[],
  front = ['title: Intro', 'summary: A short start.', 'audience: Activists'],
) => ['---', ...front, '---', '', ...sessions].join('\n');

function compile(source: string, english?: Parameters<typeof compileWorkshop>[5]) {
  const errors: string[] = [];
  const workshop = compileWorkshop(
    source,
    'intro',
    english ? 'ms' : 'en',
    LESSONS,
    (line, col, message) => errors.push(`${line}:${col}: ${message}`),
    english,
  );
  return { workshop, errors };
}

describe('a workshop plan', () => {
  it('reads sessions of lessons, activities and breaks with their minutes', () => {
    const { workshop, errors } = compile(
      plan(['- 10 | activity | Welcome', '- 25 | lesson | security-plan', '- 15 | break | Tea']),
    );
    expect(errors).toEqual([]);
    expect(workshop).toEqual({
      id: 'intro',
      locale: 'en',
      title: 'Intro',
      summary: 'A short start.',
      audience: 'Activists',
      sessions: [
        { minutes: 10, kind: 'activity', text: 'Welcome' },
        { minutes: 25, kind: 'lesson', text: 'security-plan' },
        { minutes: 15, kind: 'break', text: 'Tea' },
      ],
    });
  });

  it('reports an unknown lesson, missing minutes, an unknown kind and a malformed line, where they are', () => {
    const { errors } = compile(
      plan([
        '- 25 | lesson | no-such-lesson',
        '- soon | activity | Welcome',
        '- 10 | lunch | Rice',
        'Tea for everyone',
      ]),
    );
    expect(errors).toEqual([
      '7:17: there is no lesson "no-such-lesson"',
      '8:3: "soon" is not a number of minutes',
      '9:8: "lunch" is not a kind of session: use lesson, activity, break',
      '10:1: each session is a line "- <minutes> | <lesson, activity or break> | <lesson id or text>"',
    ]);
  });

  it('refuses a hidden direction override, in the front matter or a session', () => {
    const { errors } = compile(
      plan(
        ['- 10 | activity | Welcome \u202Eexe.pdf'],
        ['title: Intro\u202E', 'summary: A short start.', 'audience: Activists'],
      ),
    );
    expect(errors).toEqual([
      '2:13: invisible direction control U+202E is not allowed: delete it',
      '7:27: invisible direction control U+202E is not allowed: delete it',
    ]);
  });

  it('needs a title, a summary and an audience', () => {
    expect(compile(plan(['- 10 | break | Tea'], ['title: Intro'])).errors).toEqual([
      '1:1: front matter is missing "summary"',
      '1:1: front matter is missing "audience"',
    ]);
  });

  it('keeps the English sessions in a translation, translating only their text', () => {
    const english =
      compile(plan(['- 10 | activity | Welcome', '- 25 | lesson | security-plan'])).workshop ?? undefined;
    expect(
      compile(plan(['- 10 | activity | Selamat datang', '- 25 | lesson | security-plan']), english).errors,
    ).toEqual([]);
    expect(
      compile(plan(['- 15 | activity | Selamat datang', '- 25 | lesson | passwords']), english).errors,
    ).toEqual(['7:1: the sessions (minutes, kinds and lessons) must be the same as in en.md']);
  });
});
