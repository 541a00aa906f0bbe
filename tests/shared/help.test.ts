/** The help directory as flows read it: a country's entries first, by what they help with, and dial links. */
import { describe, expect, it } from 'vitest';
import {
  contactHref,
  entriesFor,
  entriesHelpingWith,
  type HelpDirectory,
  type HelpEntry,
  isStale,
} from '../../src/shared/help.ts';

const entry = (id: string, region: HelpEntry['region'], helps: HelpEntry['helps']): HelpEntry => ({
  id,
  name: id,
  region,
  helps,
  about: { en: id },
  contacts: [{ kind: 'web', value: 'https://example.org' }],
  verified: '2026-12-07',
  source: 'https://example.org',
});

const DIRECTORY: HelpDirectory = {
  entries: [
    entry('global-images', 'international', ['intimate-images']),
    entry('pk-helpline', 'PK', ['harassment', 'intimate-images']),
    entry('in-portal', 'IN', ['report-crime']),
  ],
};

describe('the help directory for a learner', () => {
  it("lists the country's entries before international ones, and only those", () => {
    expect(entriesFor(DIRECTORY, 'PK').map((e) => e.id)).toEqual(['pk-helpline', 'global-images']);
    expect(entriesFor(DIRECTORY, 'other').map((e) => e.id)).toEqual(['global-images']);
  });

  it('finds who helps with a need in the country, local first', () => {
    expect(entriesHelpingWith(DIRECTORY, 'PK', 'intimate-images').map((e) => e.id)).toEqual([
      'pk-helpline',
      'global-images',
    ]);
    expect(entriesHelpingWith(DIRECTORY, 'MY', 'report-crime')).toEqual([]);
  });

  it('dials numbers with digits only, and opens other contacts as links', () => {
    expect(contactHref({ kind: 'phone', value: '+353 1 21 00 489' })).toBe('tel:+35312100489');
    expect(contactHref({ kind: 'national', value: '0800 39393' })).toBe('tel:080039393');
    expect(contactHref({ kind: 'whatsapp', value: '+1 206 590 6191' })).toBe('https://wa.me/12065906191');
    expect(contactHref({ kind: 'signal', value: '+92 300 1234567' })).toBe(
      'https://signal.me/#p/+923001234567',
    );
    expect(contactHref({ kind: 'email', value: 'help@example.org' })).toBe('mailto:help@example.org');
    expect(contactHref({ kind: 'web', value: 'https://example.org/help' })).toBe('https://example.org/help');
  });

  it('counts an entry stale from six whole months after it was verified', () => {
    expect(isStale('2026-12-07', new Date('2027-06-06T23:00:00Z'))).toBe(false);
    expect(isStale('2026-12-07', new Date('2027-06-07T00:00:00Z'))).toBe(true);
  });
});
