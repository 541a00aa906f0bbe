import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import {
  INDEX_OPTIONS,
  QUERY_OPTIONS,
  type SearchDocument,
  type SearchHit,
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
});
