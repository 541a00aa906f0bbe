/**
 * Hostile lessons, as a partner organisation might hand them over. Each one either compiles to HTML
 * in which nothing can run, with the markup shown to the learner as text, or is refused with a
 * `path:line:col: message` error that points at the problem. The corpus is in
 * tests/fixtures/hostile/ (inert/ compiles, refused/ does not); the very long and very deeply
 * nested cases are built here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/course.ts';
import { type ContentError, formatError, sortErrors } from '../../src/compiler/errors.ts';
import type { Lesson } from '../../src/shared/types.ts';
import { BODY_LINE, compile, FIXTURES, lesson, positions, question } from './helpers.ts';

const INERT = `${FIXTURES}/hostile/inert`;
const REFUSED = `${FIXTURES}/hostile/refused`;

/** Each case takes a second at most on a two-core machine: the limit catches a hang, not a slow run. */
const SLOW = { timeout: 10_000 };

/** The elements the compiler writes. Anything else (script, svg, iframe, img, style…) is a hole. */
const ELEMENTS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'em',
  'strong',
  'code',
  'pre',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'br',
  'button',
  'bdi',
  // Only as a refused image, with its address removed (see the check below).
  'img',
]);
/** The attributes the compiler writes: none of them can run script, unlike on…, style or srcdoc. */
const ATTRIBUTES = new Set([
  'href',
  'title',
  'target',
  'rel',
  'id',
  'class',
  'type',
  'data-term',
  'aria-expanded',
  'dir',
  'start',
  'src',
  'alt',
]);
/** Addresses a link may have: the web, email, or a place in the app. */
const SAFE_HREF = /^(https?:\/\/|mailto:|#)/;
/** One tag as markdown-it writes it: a name, then attributes with double-quoted, escaped values. */
const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*="[^"<>]*")*)\s*\/?>/y;
const ATTRIBUTE = /\s+([a-z][a-z0-9-]*)="([^"]*)"/g;

/** Undoes the escaping of the compiler (markdown-it escapes only these four). */
function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * Everything in `html` that a browser could turn into running script, as readable descriptions:
 * a `<` that does not open a tag the compiler writes (markup passed through), an element or attribute
 * outside the lists above, a link address outside https, http, mailto and the app, an image address.
 */
function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    TAG.lastIndex = at;
    const tag = TAG.exec(html);
    if (!tag) {
      problems.push(`markup passed through: ${html.slice(at, at + 40)}`);
      continue;
    }
    const [, , name = '', attributes = ''] = tag;
    if (!ELEMENTS.has(name)) problems.push(`element <${name}>`);
    for (const [, attribute = '', raw = ''] of attributes.matchAll(ATTRIBUTE)) {
      const value = unescapeHtml(raw);
      if (!ATTRIBUTES.has(attribute)) problems.push(`attribute ${attribute} on <${name}>`);
      // Entities other than the compiler's own would be decoded by the browser, hiding a scheme.
      if (/&(?!(amp|quot|lt|gt);)/.test(raw)) problems.push(`entity in ${attribute}="${raw}"`);
      if (attribute === 'href' && !SAFE_HREF.test(value)) problems.push(`link to "${value}"`);
      if (attribute === 'src' && value !== '') problems.push(`image from "${value}"`);
    }
  }
  return problems;
}

/** The text a learner reads in `html`: the tags taken out, the escaping undone. */
function textOf(html: string): string {
  return unescapeHtml(html.replace(/<[^>]*>/g, ''));
}

/** Every HTML string of a lesson that the app puts into the page as markup. */
function htmlOf(lesson: Lesson | null | undefined): string[] {
  return (lesson?.blocks ?? []).flatMap((block) => {
    if (block.kind === 'quiz')
      return block.questions.flatMap((q) => [q.prompt, ...q.options.flatMap((o) => [o.html, o.explanation])]);
    if (block.kind === 'checklist') return block.items.map((item) => item.html);
    return [block.html];
  });
}

/** All a learner can read of a lesson: its title, summary and text (explanations included). */
function shownText(lesson: Lesson | null | undefined): string {
  return [lesson?.title, lesson?.summary, ...htmlOf(lesson).map(textOf)].join('\n');
}

/** The payloads meant to be shown as text: each calls `__canary.push('…')` (see course.yaml). */
function payloads(source: string): string[] {
  return source.match(/__canary\.push\('[^']*'\)/g) ?? [];
}

describe('hostile lessons that compile', () => {
  const course = compileCourse(INERT);
  const files = [...course.lessons].flatMap(([id, byLocale]) =>
    [...byLocale].map(([locale, compiled]) => ({ id, locale, compiled })),
  );
  const glossary = course.glossaries.get('en')?.glossary;

  it('compile without errors, every lesson and the glossary', () => {
    expect(course.errors.map(formatError)).toEqual([]);
    expect(files.map((file) => `${file.id}/${file.locale}`)).toEqual([
      'entities/en',
      'event-handlers/en',
      'front-matter/en',
      'links/en',
      'quiz-and-checklist/en',
      'right-to-left/en',
      'right-to-left/ur',
      'script-tags/en',
      'svg-and-frames/en',
    ]);
    expect(glossary?.terms.map((term) => term.id)).toEqual(['hostile-term']);
  });

  it.each(files)('$id ($locale): no element or attribute that could run script', ({ compiled }) => {
    const html = htmlOf(compiled).join('\n');
    expect(unsafeMarkup(html)).toEqual([]);
    // The same, said plainly.
    expect(html).not.toMatch(/<(script|svg|math|iframe|object|embed|style|img|form|base|meta|link)\b/i);
    expect(html).not.toMatch(/<[^>]*\son[a-z]+="/i);
    expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
  });

  it.each(files)('$id ($locale): shows every payload to the learner as text', ({ id, locale, compiled }) => {
    const source = readFileSync(path.join(INERT, id, `${locale}.md`), 'utf8');
    const shown = shownText(compiled);
    expect(payloads(source).length).toBeGreaterThan(0);
    for (const payload of payloads(source)) expect(shown).toContain(payload);
    // Nor does any escape decode into a direction override that would reorder what the learner reads.
    expect(shown).not.toMatch(/[\u202A-\u202E]/);
  });

  it('shows markup written in the lesson as the characters the author typed', () => {
    const text = (id: string) => shownText(course.lessons.get(id)?.get('en'));
    expect(text('script-tags')).toContain("<script>__canary.push('script block')</script>");
    expect(text('script-tags')).toContain("<scr<script>ipt>__canary.push('script nested')</scr</script>ipt>");
    expect(text('event-handlers')).toContain('<img src=x onerror="__canary.push(\'img onerror\')">');
    expect(text('svg-and-frames')).toContain('<svg onload="__canary.push(\'svg onload\')"></svg>');
    // Entities decode to the characters, which stay text; an escaped entity stays an entity.
    expect(text('entities')).toContain("<script>__canary.push('named entities')</script>");
    expect(text('entities')).toContain("<script>__canary.push('decimal entities')</script>");
    expect(text('entities')).toContain("&lt;script&gt;__canary.push('double encoded')&lt;/script&gt;");
    expect(text('entities')).toContain("<script>__canary.push('backslash escapes')</script>");
    // Front matter is plain text: YAML escapes decode to "<", which the app shows as "<".
    expect(course.lessons.get('front-matter')?.get('en')?.title).toBe(
      "<script>__canary.push('title escapes')</script>",
    );
  });

  it('keeps a link title and address inside their attribute', () => {
    const html = htmlOf(course.lessons.get('links')?.get('en')).join('\n');
    expect(html).toContain(
      'title="&quot; onmouseover=&quot;alert(\'title breakout\')&quot; x=&quot;" target="_blank"',
    );
    // An autolink shows its address as written and links to it percent-encoded.
    expect(html).toContain(
      '<a href="https://a.example/%22onmouseover=%22alert(\'autolink-quotes\')" target="_blank" rel="noopener noreferrer">https://a.example/&quot;onmouseover=&quot;alert(\'autolink-quotes\')</a>',
    );
    // A line break or a tab inside an address makes it no link at all: it stays text.
    expect(textOf(html)).toContain("[a](<java\nscript:alert('newline in address')>)");
    // Percent-encoding is not decoded for the learner, so it hides no override.
    expect(textOf(html)).toContain('https://a.example/%E2%80%AEfdp.exe shows its address');
  });

  it('shows markup in the glossary and in module titles as text', () => {
    const source = readFileSync(path.join(INERT, 'glossary', 'en.md'), 'utf8');
    const shown = [glossary?.title, glossary?.summary, ...(glossary?.terms ?? []).map((term) => term.term)]
      .concat((glossary?.terms ?? []).map((term) => textOf(term.html)))
      .join('\n');
    for (const payload of payloads(source)) expect(shown).toContain(payload);
    expect(unsafeMarkup((glossary?.terms ?? []).map((term) => term.html).join('\n'))).toEqual([]);
    expect(course.texts.get('en')?.modules.markup?.title).toBe(
      "<script>__canary.push('module title')</script>",
    );
  });
});

describe('hostile lessons that are refused', () => {
  const course = compileCourse(REFUSED);
  const errors = sortErrors(course.errors);
  /** The errors of one lesson, as `line:col: message`, after checking their `path:` prefix. */
  const errorsIn = (id: string) => {
    const file = `${REFUSED}/${id}/en.md`;
    const own = errors.filter((error: ContentError) => error.file === file);
    for (const error of own) expect(formatError(error)).toMatch(new RegExp(`^${file}:\\d+:\\d+: \\S`));
    return positions(own);
  };
  const JS = 'links starting with "javascript:" are not allowed';
  const DATA = 'links starting with "data:" are not allowed';
  const OTHER = 'links must start with https://, http://, mailto:, lesson: or term:';
  const IMAGE = 'images are not supported in lessons yet: describe the picture in words';
  const CONTROL = (code: string, written = '') =>
    `invisible direction control U+${code}${written && ` (written "${written}")`} is not allowed: delete it`;

  it('reports problems only in the refused lessons', () => {
    expect(new Set(errors.map((error) => error.file))).toEqual(
      new Set(
        [
          'data-links',
          'deceptive-links',
          'direction-controls',
          'hostile-blocks',
          'hostile-front-matter',
          'images',
          'javascript-links',
          'law-notes',
        ].map((id) => `${REFUSED}/${id}/en.md`),
      ),
    );
  });

  it('refuses a law note that hides where its link goes, reorders its text or carries markup', () => {
    const FIRST_LINE = '"::: law COUNTRY checked=YYYY-MM-DD", with COUNTRY one of IN, MY, PK';
    expect(errorsIn('law-notes')).toEqual([
      '12:93: the link text shows "pakistancode.gov.pk" but the link goes to "evil.example": make the text name the place the link really goes',
      `16:60: ${CONTROL('202E')}`,
      `19:31: "<script>__canary.push('law" does not belong on the first line: ${FIRST_LINE}`,
      `19:58: "header')</script>" does not belong on the first line: ${FIRST_LINE}`,
    ]);
  });

  it('refuses every way of writing a javascript: link, where it stands', () => {
    expect(errorsIn('javascript-links')).toEqual([
      `11:9: ${JS}`, // plain
      `13:14: ${JS}`, // mixed case
      `15:19: ${JS}`, // spaces around
      `17:1: ${OTHER} (found "java%09script:__canary.push('tab')")`, // a tab inside <…>
      `19:1: ${OTHER} (found "jav%09ascript:__canary.push('entity-tab')")`, // &#x09;
      `21:1: ${JS}`, // &#106;avascript:
      `23:1: ${JS}`, // javascript&#x3A;
      `25:1: ${JS}`, // javascript&colon;
      `27:2: ${JS}`, // autolink
      `29:2: ${JS}`, // autolink in capitals
      `31:1: ${JS}`, // reference, defined on line 33
      `35:1: ${JS}`, // reference with entities, defined on line 37
      '39:1: links starting with "vbscript:" are not allowed',
      '39:52: links starting with "file:" are not allowed',
      `41:10: ${OTHER} (found "/etc/passwd")`,
      `41:39: ${OTHER} (found "//a.example/x")`,
      '43:1: "lesson:%3Cscript%3E" is not a lesson link: write lesson: and a lesson id',
      `43:1: "term:%22%3E%3Csvg/onload=__canary.push('term')%3E" is not a glossary link: write term: and a term id`,
      // Two equal links on one line: each is reported where it stands.
      `45:7: ${JS}`,
      `45:37: ${JS}`,
      `48:19: ${JS}`, // in a tip
      `52:22: ${JS}`, // in a question prompt
      `54:34: ${JS}`, // in an option
      `55:32: ${JS}`, // in an explanation
      `61:43: ${JS}`, // in a checklist item
    ]);
  });

  it('refuses data: links, also as autolinks and references', () => {
    expect(errorsIn('data-links')).toEqual([
      `11:1: ${DATA}`,
      `13:10: ${DATA}`,
      `15:14: ${DATA}`,
      `17:1: ${DATA}`,
      `19:2: ${DATA}`,
      `21:1: ${DATA}`,
    ]);
  });

  it('refuses images, whatever their address', () => {
    expect(errorsIn('images')).toEqual([
      `11:13: ${IMAGE}`,
      `13:1: ${IMAGE}`,
      `15:14: ${IMAGE}`,
      `17:45: ${IMAGE}`,
      `19:24: ${IMAGE}`,
    ]);
  });

  it('refuses direction overrides, also written as entities or YAML escapes', () => {
    expect(errorsIn('direction-controls')).toEqual([
      `3:21: ${CONTROL('202E', '\\u202E')}`, // title: "… \u202E …"
      `4:29: ${CONTROL('202E')}`, // summary
      `11:20: ${CONTROL('202E')}`,
      `13:16: ${CONTROL('202A')}`,
      `13:18: ${CONTROL('202C')}`,
      `13:20: ${CONTROL('202B')}`,
      `13:22: ${CONTROL('202C')}`,
      `13:24: ${CONTROL('202D')}`,
      `13:26: ${CONTROL('202C')}`,
      // &#x202F; is a narrow space, not a direction control.
      `15:21: ${CONTROL('202E', '&#x202E;')}`,
      `15:41: ${CONTROL('202E', '&#8238;')}`,
      `15:53: ${CONTROL('202E', '&#X202e;')}`,
      `17:55: ${CONTROL('202E', '&#x202E;')}`, // in a link title
      `20:15: ${CONTROL('202E')}`, // question prompt
      `22:16: ${CONTROL('202E')}`, // option
      `23:16: ${CONTROL('202E')}`, // explanation
      `29:26: ${CONTROL('202E')}`, // checklist item
      // Marks and isolates reorder text too: "1234 5678" can show as "5678 1234".
      `32:22: ${CONTROL('200F')}`,
      `32:46: ${CONTROL('200E')}`,
      `32:74: ${CONTROL('061C')}`,
      `34:28: ${CONTROL('200F', '&rlm;')}`,
      `34:38: ${CONTROL('200E', '&lrm;')}`,
      `36:10: ${CONTROL('2067')}`,
      `36:66: ${CONTROL('2069')}`,
      `36:69: ${CONTROL('2066')}`,
      `36:83: ${CONTROL('2069')}`,
      `36:89: ${CONTROL('2068')}`,
      `36:102: ${CONTROL('2069')}`,
    ]);
  });

  it('refuses links whose text or address hides where they go, where each stands', () => {
    const shown = errorsIn('deceptive-links').map((error) => {
      const [, at, message] = /^(\d+:\d+): (.*)$/.exec(error) ?? [];
      return `${at} ${message?.match(/text shows (?:the email address )?"[^"]+"|before the site|coded form|http:\/\/|adds "\w+="|exactly one email|page of this app/)?.[0]}`;
    });
    expect(shown).toEqual([
      '11:43 text shows "signal.org"', // shows one site, goes to another
      '11:114 text shows "signal.org"', // shows a full address, goes elsewhere
      '13:34 before the site', // https://signal.org@evil.example
      '13:89 before the site', // user:pass@
      // A Cyrillic letter: the address is read punycoded, so it is found on its line only.
      '15:1 coded form',
      '15:29 coded form', // xn-- written out
      '15:62 coded form', // an autolink
      '17:22 http://',
      '19:30 adds "bcc="',
      '19:90 adds "body="',
      '19:154 exactly one email',
      '21:48 text shows "help@a.example"', // shows one email address, writes to another
      '21:95 text shows the email address "help@a.example"', // opens a web page
      '23:47 text shows "signal.org"', // but opens a lesson
    ]);
  });

  it('refuses block kinds, question types and ids that carry markup', () => {
    expect(errorsIn('hostile-blocks')).toEqual([
      '11:5: unknown block "script": use tip, warning, trainer, checklist, question or law',
      `15:5: unknown block "onload=__canary.push('onload')": use tip, warning, trainer, checklist, question or law`,
      '19:21: a question needs one id after its type, using a-z, 0-9 and "-"',
      '28:14: a question starts "::: question TYPE ID", with TYPE one of single, multiple, true-false',
      '38:7: "<script>" is not a valid id: use a-z, 0-9 and "-"',
      '39:7: checklist item needs an id: write "- [ ] my-id: text"',
      `42:1: the "tip" block is not closed: add a line ':::' after it`,
    ]);
  });

  it('refuses front matter fields that are not what they must be', () => {
    expect(errorsIn('hostile-front-matter')).toEqual([
      `2:5: "id" may use only a-z, 0-9 and "-": "<script>__canary.push('id')</script>"`,
      '4:10: "summary" must be text',
      '5:8: "level" must be one of beginner, intermediate, advanced',
      '6:10: "minutes" must be a whole number of minutes, such as 15',
      '7:11: "reviewed" must be a date written YYYY-MM-DD',
      '8:7: "tags" must be a list, such as [passwords, accounts]',
      '9:1: "onload" is not a lesson field',
    ]);
  });

  it('still writes nothing that could run, should the errors be ignored', () => {
    for (const byLocale of course.lessons.values())
      for (const compiled of byLocale.values()) expect(unsafeMarkup(htmlOf(compiled).join('\n'))).toEqual([]);
  });
});

/** A payload that would run if it were markup. */
const SCRIPT = "<script>__canary.push('x')</script>";
/** About a megabyte. */
const MB = 1 << 20;

/** Compiles a lesson with `body`; returns its errors (as `line:col: message`) and its HTML. */
function compileBody(body: string[]) {
  const result = compile(lesson({}, body));
  return { errors: positions(result.errors), html: htmlOf(result.lesson).join('\n') };
}

describe('1 MB lines', () => {
  it('shows a 1 MB line of script tags as text', SLOW, () => {
    const line = SCRIPT.repeat(MB / SCRIPT.length);
    const { errors, html } = compileBody([line]);
    expect(errors).toEqual([]);
    expect(html).toBe(`<p>${line.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>\n`);
  });

  it.each([
    ['opening brackets', '['],
    ['angle brackets', '<'],
    ['backticks and letters', '`a'],
    ['link starts', '[a]('],
    ['image starts', '!['],
  ])('keeps a 1 MB line of %s as inert text', SLOW, (_name, piece) => {
    const { errors, html } = compileBody([piece.repeat(MB / piece.length)]);
    expect(errors).toEqual([]);
    expect(unsafeMarkup(html)).toEqual([]);
  });

  it('refuses each of 30,000 javascript: links on one 1 MB line, at its own column', SLOW, () => {
    const links = Array.from({ length: 30_000 }, (_, i) => `[${i}](javascript:__canary.push(${i}))`);
    const line = links.join(' ');
    expect(line.length).toBeGreaterThan(MB);
    const { errors, html } = compileBody([line]);
    let col = 1;
    const expected = links.map((link) => {
      const at = `${BODY_LINE}:${col + link.indexOf('(') + 1}: links starting with "javascript:" are not allowed`;
      col += link.length + 1;
      return at;
    });
    expect(errors).toEqual(expected);
    expect(unsafeMarkup(html)).toEqual([]);
  });

  it('refuses each of 30,000 entity-encoded javascript: links on one line, on that line', SLOW, () => {
    const line = Array.from({ length: 30_000 }, (_, i) => `[${i}](&#106;avascript:${i})`).join(' ');
    const { errors } = compileBody([line]);
    expect(errors).toHaveLength(30_000);
    expect(new Set(errors.map((error) => error.replace(/:\d+: /, ': ')))).toEqual(
      new Set([`${BODY_LINE}: links starting with "javascript:" are not allowed`]),
    );
  });

  it('refuses each of 30,000 images on 30,000 lines of one paragraph, each on its line', SLOW, () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `![${i}](https://a.example/${i}.png)`);
    const { errors } = compileBody(lines);
    expect(errors).toEqual(
      lines.map(
        (_, i) =>
          `${BODY_LINE + i}:${5 + String(i).length}: images are not supported in lessons yet: describe the picture in words`,
      ),
    );
  });

  it('keeps a 1 MB title as text', SLOW, () => {
    const title = SCRIPT.repeat(MB / SCRIPT.length);
    const result = compile(lesson({ title: JSON.stringify(title) }, ['Text.']));
    expect(positions(result.errors)).toEqual([]);
    expect(result.lesson?.title).toBe(title);
  });
});

describe('10,000 levels of nesting', () => {
  const DEPTH = 10_000;
  const DEEP =
    'lists and quotes are nested too deeply here, so the text inside them would be lost: use fewer levels';

  it.each([
    ['quotes', ['> '.repeat(DEPTH) + SCRIPT], 0],
    ['bullet lists', ['- '.repeat(DEPTH) + SCRIPT], 0],
    ['numbered lists', ['1. '.repeat(DEPTH) + SCRIPT], 0],
    ['lists and quotes', ['- > '.repeat(DEPTH / 2) + SCRIPT], 0],
    ['quotes after a paragraph', ['Some text.', '', '> '.repeat(DEPTH) + SCRIPT], 2],
    ['quotes in a tip', ['::: tip', '> '.repeat(DEPTH) + SCRIPT, ':::'], 1],
    [
      'quotes in an explanation',
      question('single deep', ['- [x] a: A', `  ${'> '.repeat(DEPTH)}${SCRIPT}`, '- [ ] b: B', '  > No.']),
      4,
    ],
    // One level more on each line: the first line lost is reported.
    ['quotes, a level a line', Array.from({ length: 1000 }, (_, i) => `${'>'.repeat(i + 1)} ${SCRIPT}`), 19],
    ['lists, a level a line', Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- ${SCRIPT}`), 9],
  ])('refuses %s nested too deeply, where the text would be lost', SLOW, (_name, body, line) => {
    const { errors, html } = compileBody(body);
    expect(errors).toEqual([`${BODY_LINE + line}:1: ${DEEP}`]);
    expect(unsafeMarkup(html)).toEqual([]);
  });

  it('keeps 19 levels of quotes, the most there is room for, with their text', () => {
    const { errors, html } = compileBody(['> '.repeat(19) + SCRIPT]);
    expect(errors).toEqual([]);
    expect(textOf(html)).toContain(SCRIPT);
  });

  it.each([
    ['emphasis', `${'*'.repeat(DEPTH)}${SCRIPT}${'*'.repeat(DEPTH)}`],
    ['brackets', `${'['.repeat(DEPTH)}${SCRIPT}${']'.repeat(DEPTH)}(https://a.example/)`],
    ['parentheses in an address', `[${SCRIPT}](https://a.example/${'('.repeat(DEPTH)}${')'.repeat(DEPTH)})`],
    ['a checklist item', `- [ ] deep: ${'- '.repeat(DEPTH)}${SCRIPT}`],
  ])('shows %s nested 10,000 deep as inert text', SLOW, (_name, line) => {
    const body = line.startsWith('- [ ]') ? ['::: checklist', line, ':::'] : [line];
    const { errors, html } = compileBody(body);
    expect(errors).toEqual([]);
    expect(unsafeMarkup(html)).toEqual([]);
    expect(textOf(html)).toContain(SCRIPT);
  });

  it('reports front matter nested 10,000 deep on its line, without crashing', SLOW, () => {
    const result = compile(lesson({ title: `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}` }, ['Text.']));
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.line).toBe(3);
      expect(error.message).toMatch(/^front matter: /);
    }
  });
});
