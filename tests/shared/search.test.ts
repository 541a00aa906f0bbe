import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import {
  INDEX_OPTIONS,
  plainText,
  QUERY_OPTIONS,
  type SearchDocument,
  type SearchHit,
  sectionTexts,
} from '../../src/shared/search.ts';

/** A lesson section, with the lesson's title on each as the build gives it. */
const section = (
  target: string,
  section: number,
  title: string,
  heading: string,
  text: string,
): SearchDocument => ({ id: `${target}#${section}`, kind: 'lesson', target, section, title, heading, text });

const documents: SearchDocument[] = [
  section('passwords', 0, 'Strong passwords', '', 'Why a long passphrase beats a short one.'),
  section('passwords', 1, 'Strong passwords', 'A password manager', 'Keep every login in one vault.'),
  section('phones', 0, 'Your phone', '', 'A phone carries your contacts and messages.'),
  section('phones', 1, 'Your phone', 'Screen lock', 'Set a lock with six digits or more.'),
  section('travel', 2, 'Crossing borders', 'Before you go', 'Back up, then wipe what you do not need.'),
  {
    id: 'term:vpn',
    kind: 'term',
    target: 'vpn',
    section: 0,
    title: 'VPN',
    heading: '',
    text: 'A tunnel that hides which sites you visit from your network.',
  },
];

/**
 * The index as the app has it: built and serialised at build time, loaded with the same options.
 * Built in each test, not while the tests are collected, so that mutation testing sees a failure.
 */
function search(query: string): SearchHit[] {
  const built = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  built.addAll(documents);
  const index = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(built), INDEX_OPTIONS);
  return index.search(query, QUERY_OPTIONS) as unknown as SearchHit[];
}

const ids = (query: string) => search(query).map((hit) => hit.id);

describe('offline search', () => {
  it('finds a word in a lesson title, a section heading or the text', () => {
    expect(ids('crossing')).toEqual(['travel#2']);
    expect(ids('manager')).toEqual(['passwords#1']);
    expect(ids('vault')).toEqual(['passwords#1']);
  });

  it('shows results while the learner is still typing a word', () => {
    expect(ids('wip')).toEqual(['travel#2']);
    expect(ids('tunn')).toEqual(['term:vpn']);
  });

  it('shows only results that have every word typed', () => {
    expect(ids('phone lock')).toEqual(['phones#1']);
    expect(ids('phone vault')).toEqual([]);
  });

  it('ranks a match in a lesson title or a section heading above a match in the text', () => {
    // The text of the last one says "encryption" twice: by word counts alone it would come first.
    const ranked = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
    ranked.addAll([
      section('storage', 0, 'Encryption', '', 'Keep what you store out of reach of others.'),
      section('laptop', 1, 'Your laptop', 'Encryption', 'Turn it on before you travel anywhere.'),
      section('backups', 1, 'Backups', 'Copies', 'Encryption at rest and encryption in transit.'),
    ]);
    const order = ranked.search('encryption', QUERY_OPTIONS).map((hit) => hit.id);
    expect(order).toHaveLength(3);
    expect(order.at(-1)).toBe('backups#1');
  });

  it('forgives a typing mistake in a word longer than four letters', () => {
    expect(ids('borfers')).toEqual(['travel#2']);
    expect(ids('phome')).toContain('phones#0');
  });

  it('takes a short word as typed, so that it does not match other short words', () => {
    expect(ids('lick')).toEqual([]);
    expect(ids('vpm')).toEqual([]);
  });

  it('keeps with each result what it takes to show and link it, without loading the lesson', () => {
    const [hit] = search('manager');
    expect(hit).toMatchObject({
      id: 'passwords#1',
      kind: 'lesson',
      target: 'passwords',
      section: 1,
      title: 'Strong passwords',
      heading: 'A password manager',
    });
    const [term] = search('tunnel');
    expect(term).toMatchObject({ id: 'term:vpn', kind: 'term', target: 'vpn', title: 'VPN' });
  });

  it('searches and shows the words a reader sees: no markup, entities read, one space between words', () => {
    expect(
      plainText(
        '<p>Use <strong>Signal</strong>&amp;<em>WhatsApp</em>:\n  not &lt;SMS&gt;, &quot;a&quot; &#39;b&#39;</p>',
      ),
    ).toBe('Use Signal & WhatsApp : not <SMS>, "a" \'b\'');
    // The isolates around Latin words in Urdu text are not typed by anyone searching.
    expect(plainText('<p>\u2068Signal\u2069 استعمال کریں</p>')).toBe('Signal استعمال کریں');
    expect(plainText('a &nbsp; b')).toBe('a &nbsp; b');
  });

  it("splits a lesson's text at its level-two headings, callouts in, quizzes and trainer notes out", () => {
    const sections = sectionTexts({
      blocks: [
        { kind: 'html', html: '<p>Why it matters.</p><h2 id="section-1">Before</h2><p>Back up.</p>' },
        { kind: 'callout', tone: 'warning', html: '<p>Do not wipe yet.</p>' },
        { kind: 'trainer', html: '<p>Ask the room.</p>' },
        { kind: 'quiz', questions: [] },
        {
          kind: 'html',
          html: '<h2 id="section-2">After <em>the border</em></h2><p>Check it.</p><h3>More</h3><p>Then.</p>',
        },
      ],
    });
    // Blocks join with a space, so the last word of one and the first of the next stay two words.
    expect(sections.map(({ heading, text }) => ({ heading, text: text.trim() }))).toEqual([
      { heading: '', text: 'Why it matters.' },
      { heading: 'Before', text: 'Back up. Do not wipe yet.' },
      { heading: 'After the border', text: 'Check it. More Then.' },
    ]);
  });
});
