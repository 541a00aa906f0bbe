/**
 * Help-now flows: a broken flow is refused with `path:line:col: message` where the problem stands,
 * a translation cannot change where a flow leads, and no generated flow makes the checker throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { formatError } from '../../src/compiler/errors.ts';
import { type CompiledFlow, compileFlow, type EnglishFlow } from '../../src/compiler/help-flows.ts';
import { lessonStatuses } from '../../src/compiler/status.ts';
import type { HelpDirectory, HelpEntry } from '../../src/shared/help.ts';
import { positions } from './helpers.ts';

const entry = (id: string, region: HelpEntry['region'], helps: HelpEntry['helps']): HelpEntry => ({
  id,
  name: id,
  region,
  helps,
  about: { en: 'Helps.' },
  contacts: [{ kind: 'email', value: 'help@example.org' }],
  verified: '2026-12-01',
  source: 'https://example.org/',
});

/** Digital emergencies everywhere (an international service), harassment only in Pakistan. */
const DIRECTORY: HelpDirectory = {
  entries: [entry('world', 'international', ['digital-emergency']), entry('pk', 'PK', ['harassment'])],
};
const LESSONS = new Set(['passwords', 'secure-your-phone']);

const FRONT = [
  '---',
  'id: demo',
  'title: Demo flow',
  'summary: A flow written by a test.',
  'card: [Stay calm., Call a helpline.]',
  'reviewed: 2026-12-01',
  '---',
];
/** The body starts on line 8. */
const START = ['::: question start', 'Can you sign in?', '', '- [Yes](#in)', '- [No](#out)', ':::'];
const ending = (
  id: string,
  attributes = 'help=digital-emergency read=passwords',
  steps = ['1. Change it.'],
) => ['', `::: ending ${id} ${attributes}`.trimEnd(), 'Do this now', '', ...steps, ':::'];
/** A flow that compiles: lines 8–13 the question, 15–19 ending "in", 21–25 ending "out" (each after a blank line). */
const VALID = [...START, ...ending('in'), ...ending('out')];

function compile(
  body: string[],
  options: { locale?: string; english?: EnglishFlow | null; front?: string[] } = {},
) {
  const { locale = 'en', english, front = FRONT } = options;
  return compileFlow({
    source: [...front, ...body].join('\n'),
    file: `lessons/help/flows/demo/${locale}.md`,
    folderId: 'demo',
    locale,
    lessonIds: LESSONS,
    directory: DIRECTORY,
    ...(english !== undefined ? { english } : {}),
  });
}

const englishOf = (result: CompiledFlow): EnglishFlow => {
  if (!result.flow || !result.hash) throw new Error(positions(result.errors).join('\n'));
  return { flow: result.flow, hash: result.hash, links: result.links };
};

describe('a valid flow', () => {
  it('compiles to its steps, with answers, actions, kinds of help and lessons', () => {
    const result = compile(VALID);
    expect(positions(result.errors)).toEqual([]);
    const [question, ending] = result.flow?.steps ?? [];
    expect(question).toMatchObject({ kind: 'question', id: 'start', text: 'Can you sign in?' });
    expect(question?.kind === 'question' && question.answers).toEqual([
      { text: 'Yes', to: 'in' },
      { text: 'No', to: 'out' },
    ]);
    expect(ending).toMatchObject({
      kind: 'ending',
      title: 'Do this now',
      doNow: [{ text: 'Change it.' }],
      help: ['digital-emergency'],
      read: ['passwords'],
    });
  });
});

const TRANSLATION_FRONT = [
  '---',
  'id: demo',
  'title: Démo',
  'summary: Un flux.',
  'card: [Bertenang., Hubungi talian bantuan.]',
  'status: machine',
  '---',
];

describe('broken flows are refused where the problem stands', () => {
  const cases: { name: string; body: string[]; expected: string[] }[] = [
    {
      name: 'an answer leads to a step that does not exist',
      body: [...START.slice(0, 4), '- [No](#nowhere)', ':::', ...ending('in')],
      expected: ['12:8: this answer leads to "nowhere", but there is no such step'],
    },
    {
      name: 'a step no answer leads to',
      body: [...VALID, ...ending('lost')],
      expected: ['27:12: no answer leads to step "lost": link to it from a question, or remove it'],
    },
    {
      name: 'an answer leading back to an earlier question (a loop)',
      body: [
        ...START.slice(0, 4),
        '- [No](#again)',
        ':::',
        '',
        '::: question again',
        'Sure?',
        '',
        '- [Yes](#in)',
        '- [Ask me again](#start)',
        ':::',
        ...ending('in'),
      ],
      expected: [
        '19:18: this answer leads back to "start", so the flow would go round in circles: only an ending may lead back, with back=',
      ],
    },
    {
      name: 'a question with no answers (a dead end)',
      body: [...START.slice(0, 2), ':::', ...ending('in')],
      expected: [
        '8:1: question "start": write the question on one line, then its answers as a list of "- [words](#step-id)"',
      ],
    },
    {
      name: 'an answer that is not a link to a step',
      body: [...START.slice(0, 4), '- No, go to out', ':::', ...ending('in')],
      expected: [
        '12:1: each answer is one link to the step it leads to: "- [words](#step-id)"',
        '8:1: question "start" needs at least two answers',
      ],
    },
    {
      name: 'an ending with nothing to do',
      body: [...START, ...ending('in'), '', '::: ending out help=digital-emergency', 'Nothing', ':::'],
      expected: [
        '21:1: ending "out": an ending holds its heading on one line, then a numbered list of what to do now, then (if any) a bulleted list of what not to do',
      ],
    },
    {
      name: 'an ending that says nobody to contact',
      body: [...START, ...ending('in'), ...ending('out', 'read=passwords')],
      expected: ['21:12: ending "out" must say who to contact: add help= with a kind of help'],
    },
    {
      name: 'a kind of help some country has no service for, and no international one',
      body: [...START, ...ending('in'), ...ending('out', 'help=harassment')],
      expected: [
        '21:16: no service in help/directory.yaml helps with "harassment" in IN, MY, and no international one does: add one, or ask for another kind of help',
      ],
    },
    {
      name: 'a kind of help the directory does not know',
      body: [...START, ...ending('in'), ...ending('out', 'help=hugs')],
      expected: [
        '21:16: "hugs" is not a kind of help: use digital-emergency, harassment, intimate-images, legal-aid, report-crime, press-freedom, emotional-support',
      ],
    },
    {
      name: 'a lesson to read later that does not exist',
      body: [...START, ...ending('in'), ...ending('out', 'help=digital-emergency read=flying')],
      expected: ['21:39: read=: there is no lesson "flying"'],
    },
    {
      name: 'a way back to a step that is not a question',
      body: [...START, ...ending('in'), ...ending('out', 'help=digital-emergency back=in')],
      expected: ['21:39: back=in: there is no question "in" to go back to'],
    },
    {
      name: 'two steps with one id',
      body: [...VALID, ...ending('in')],
      expected: ['27:12: step "in" is written twice: give each step its own id'],
    },
    {
      name: 'a link that runs script',
      body: [...START, ...ending('in', undefined, ['1. [Tap](javascript:alert(1))']), ...ending('out')],
      expected: ['18:10: links starting with "javascript:" are not allowed'],
    },
    {
      name: 'an invisible direction control',
      body: [
        ...START.slice(0, 3),
        '- [Yes\u202E](#in)',
        ...START.slice(4),
        ...ending('in'),
        ...ending('out'),
      ],
      expected: ['11:7: invisible direction control U+202E is not allowed: delete it'],
    },
    {
      name: 'text outside the steps',
      body: ['Read this first.', '', ...VALID],
      expected: ['8:1: write each step in a "::: question <id>" or "::: ending <id>" block'],
    },
    {
      name: 'an unknown block',
      body: [...VALID, '', '::: tip', 'Stay calm.', ':::'],
      expected: ['27:5: unknown block "tip": use question or ending'],
    },
  ];

  it.each(cases)('$name', ({ body, expected }) => {
    const result = compile(body);
    for (const error of result.errors)
      expect(formatError(error)).toMatch(/^lessons\/help\/flows\/demo\/en\.md:\d+:\d+: \S/);
    expect(positions(result.errors).sort()).toEqual([...expected].sort());
  });
});

describe('a translation keeps the flow of en.md', () => {
  const english = englishOf(compile(VALID));
  const translate = (body: string[]) => compile(body, { locale: 'ms', english, front: TRANSLATION_FRONT });

  it('compiles when only the words change, and is marked machine and stale without a hash', () => {
    const body = VALID.map((line) =>
      line.replace('Can you sign in?', 'Boleh log masuk?').replace('Do this now', 'Buat ini'),
    );
    const result = translate(body);
    expect(positions(result.errors)).toEqual([]);
    expect(result.flow?.translation).toEqual({ status: 'machine', stale: true });
  });

  it.each([
    {
      name: 'an answer that leads elsewhere',
      body: VALID.map((line) => (line === '- [No](#out)' ? '- [No](#in)' : line)),
      expected:
        '8:14: step "start" must have the answers of en.md, leading to the same steps in the same order (in, out): only en.md decides where a flow leads',
    },
    {
      name: 'answers in another order',
      body: [START[0], START[1], '', START[4], START[3], ':::', ...VALID.slice(6)] as string[],
      expected:
        '8:14: step "start" must have the answers of en.md, leading to the same steps in the same order (in, out): only en.md decides where a flow leads',
    },
    {
      name: 'another kind of help',
      body: VALID.map((line) =>
        line === '::: ending out help=digital-emergency read=passwords'
          ? '::: ending out help=harassment read=passwords'
          : line,
      ),
      expected:
        '21:12: step "out" must keep the ":::" line of en.md and as many things to do and not to do (1 and 0): only en.md decides where a flow leads',
    },
    {
      name: 'a step left out',
      body: [...START, ...ending('in')],
      expected: '8:1: the steps must be those of en.md, in the same order: start, in, out',
    },
    {
      name: 'a thing to do added',
      body: [...START, ...ending('in', undefined, ['1. Change it.', '2. And more.']), ...ending('out')],
      expected:
        '15:12: step "in" must keep the ":::" line of en.md and as many things to do and not to do (1 and 0): only en.md decides where a flow leads',
    },
  ])('refuses $name', ({ body, expected }) => {
    expect(positions(translate(body).errors)).toEqual([expected]);
  });

  it('refuses a link en.md does not have', () => {
    const body = [
      ...START,
      ...ending('in', undefined, ['1. See [this](https://evil.example/).']),
      ...ending('out'),
    ];
    expect(positions(translate(body).errors)).toEqual([
      '18:15: this link goes to "https://evil.example/", but the English lesson has no such link: a translation must keep the links of en.md exactly (if it is the same page in this language, ask for the address to be listed under links: localized in course.yaml)',
    ]);
  });
});

describe('the card: first steps printed for each flow', () => {
  /** Front matter whose card (line 5) is `steps`, one per line from line 6; the body follows. */
  const front = (steps: string[] | null, title = 'Demo flow', last = 'reviewed: 2026-12-01') => [
    '---',
    'id: demo',
    `title: ${title}`,
    'summary: A flow.',
    ...(steps ? ['card:', ...steps.map((step) => `  - ${step}`)] : []),
    last,
    '---',
  ];
  const english = (steps: string[] | null) => compile(VALID, { front: front(steps) });

  it('compiles to its steps as inline text, isolated right to left in Urdu', () => {
    const result = english(['Stay *calm*.', 'Call a helpline.']);
    expect(positions(result.errors)).toEqual([]);
    expect(result.flow?.card).toEqual([
      { html: 'Stay <em>calm</em>.', text: 'Stay calm.' },
      { html: 'Call a helpline.', text: 'Call a helpline.' },
    ]);
    const urdu = compile(VALID, {
      locale: 'ur',
      english: englishOf(result),
      front: front(['پرسکون رہیں۔', 'Signal پر ہیلپ لائن سے رابطہ کریں۔'], 'ڈیمو', 'status: machine'),
    });
    expect(positions(urdu.errors)).toEqual([]);
    expect(urdu.flow?.card[1]?.html).toBe('<bdi dir="ltr">Signal</bdi> پر ہیلپ لائن سے رابطہ کریں۔');
  });

  it.each([
    { name: 'missing', steps: null, expected: ['1:1: front matter is missing "card"'] },
    {
      name: 'with one step',
      steps: ['Stay calm.'],
      expected: ['5:1: "card" has 1 steps: give 2 or 3 first steps that help whatever the answers'],
    },
    {
      name: 'with four steps',
      steps: ['One.', 'Two.', 'Three.', 'Four.'],
      expected: ['5:1: "card" has 4 steps: give 2 or 3 first steps that help whatever the answers'],
    },
    {
      name: 'with a step too long for the page',
      steps: ['Stay calm.', `Call ${'a helpline '.repeat(8)}now.`],
      expected: ['7:5: this card step is 97 characters: keep each under 90, so the card fits one page'],
    },
    {
      name: 'with a link, which paper cannot follow',
      steps: ['Stay calm.', 'Read [this](https://example.org/).'],
      expected: ['7:5: a card step is printed on paper: write it without a link'],
    },
    {
      name: 'with a step that is not text',
      steps: ['Stay calm.', '{ call: helpline }'],
      expected: ['7:5: each item of "card" must be text on one line'],
    },
    {
      name: 'with an invisible direction control',
      steps: ['Stay calm.', 'Call \\u202E a helpline.'],
      expected: ['7:10: invisible direction control U+202E (written "\\u202E") is not allowed: delete it'],
    },
  ])('is refused $name', ({ steps, expected }) => {
    expect(positions(english(steps).errors)).toEqual(expected);
  });

  describe('in a translation', () => {
    const source = englishOf(english(['Stay calm.', 'Call a helpline.']));
    const translate = (steps: string[] | null) =>
      compile(VALID, {
        locale: 'ms',
        english: source,
        front: front(steps, 'Démo', 'status: machine'),
      });

    it('is refused with another number of steps, where the card stands', () => {
      expect(positions(translate(['Bertenang.']).errors)).toEqual([
        '5:1: "card" has 1 steps but en.md has 2: translate each step of en.md, one for one',
      ]);
      expect(positions(translate(['Satu.', 'Dua.', 'Tiga.']).errors)).toEqual([
        '5:1: "card" has 3 steps but en.md has 2: translate each step of en.md, one for one',
      ]);
    });

    it('is refused when missing', () => {
      expect(positions(translate(null).errors)).toEqual(['1:1: front matter is missing "card"']);
    });

    it('goes out of date when the English card changes', () => {
      const result = translate(['Bertenang.', 'Hubungi talian bantuan.']);
      expect(positions(result.errors)).toEqual([]);
      const changed = englishOf(english(['Stay calm.', 'Call a lawyer.']));
      expect(changed.hash).not.toBe(source.hash);
    });
  });
});

describe('generated flows', () => {
  const id = fc.constantFrom('start', 'in', 'out', 'a', 'b', 'Bad id', '');
  const answer = fc.oneof(
    id.map((to) => `- [Go](#${to})`),
    fc.constantFrom('- plain', '- [x](https://example.org)', '- [](#in)', '-', '  - [Nested](#a)'),
  );
  const attribute = fc.constantFrom(
    'help=digital-emergency',
    'help=',
    'read=passwords',
    'back=start',
    'back=',
    'x=y',
    '=',
    'help=a,b,,',
  );
  const line = fc.oneof(
    fc
      .tuple(fc.constantFrom('question', 'ending', 'tip', ''), id, fc.array(attribute, { maxLength: 3 }))
      .map(([kind, name, attributes]) => `::: ${kind} ${name} ${attributes.join(' ')}`),
    answer,
    fc.constantFrom(
      ':::',
      '',
      'A question?',
      '1. Do this.',
      '- Not this.',
      '## Heading',
      '> quote',
      '```',
      '[a](javascript:x)',
      '\u202E',
    ),
    fc.string({ maxLength: 20 }),
  );

  it('never make the checker throw: each is compiled or refused with a line that exists', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('en', 'ur'), (body, locale) => {
        const source = [...FRONT, ...body];
        const result = compile(
          body,
          locale === 'en' ? {} : { locale, english: englishOf(compile(VALID)), front: TRANSLATION_FRONT },
        );
        for (const error of result.errors) {
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.line).toBeLessThanOrEqual(source.length + 1);
          expect(error.col).toBeGreaterThanOrEqual(1);
        }
        if (result.errors.length === 0) expect(result.flow?.steps.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('hostile flows', () => {
  it('show markup as text, never as elements', () => {
    const script = "<script>__canary.push('flow')</script>";
    const body = [
      '::: question start',
      `Can you sign in? ${script} <img src=x onerror=alert(1)>`,
      '',
      `- [Yes ${script}](#in)`,
      '- [No](#out)',
      ':::',
      ...ending('in', undefined, [`1. Change it. ${script}`]),
      ...ending('out'),
    ];
    const result = compile(body);
    expect(positions(result.errors)).toEqual([]);
    // The fields the page puts in as markup; the plain `text` fields are shown as text.
    const html = (result.flow?.steps ?? [])
      .flatMap((step) =>
        step.kind === 'question'
          ? [step.html, step.more]
          : [step.intro, ...step.doNow.map((a) => a.html), ...step.doNot.map((a) => a.html)],
      )
      .join('\n');
    expect(html).not.toMatch(/<(script|img)\b/);
    expect(html).toContain('&lt;script&gt;');
    const [question] = result.flow?.steps ?? [];
    expect(question?.kind === 'question' && question.answers[0]?.text).toBe(`Yes ${script}`);
  });

  it.each([
    ['[Tap](data:text/html,<script>alert(1)</script>)', '18:1: links starting with "data:" are not allowed'],
    ['[Tap](vbscript:msgbox)', '18:10: links starting with "vbscript:" are not allowed'],
    [
      '[https://bank.example/](https://evil.example/)',
      '18:28: the link text shows "bank.example" but the link goes to "evil.example": make the text name the place the link really goes',
    ],
  ])('refuse the link %s', (link, expected) => {
    const result = compile([...START, ...ending('in', undefined, [`1. ${link}`]), ...ending('out')]);
    expect(positions(result.errors)).toEqual([expected]);
  });
});

describe("the course's flows", () => {
  it('are in English, Hindi, Malay and Urdu, each translation current and leading where en.md does', () => {
    const course = compileCourse('lessons');
    expect(course.errors.filter((error) => error.file.includes('help/flows')).map(formatError)).toEqual([]);
    const statuses = lessonStatuses(course).filter((status) => status.id.startsWith('help/flows/'));
    expect(statuses.map((status) => status.id)).toEqual(
      expect.arrayContaining([
        'help/flows/account-hacked',
        'help/flows/harassed',
        'help/flows/intimate-images',
        'help/flows/phone-lost-taken',
        'help/flows/someone-detained',
      ]),
    );
    for (const status of statuses)
      for (const locale of ['hi', 'ms', 'ur'])
        expect(status.locales[locale]?.state, `${status.id} ${locale}`).toBe('current');
  }, 120_000);
});
