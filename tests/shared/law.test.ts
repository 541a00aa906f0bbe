/** Which country notes on the law a learner sees, and when one asks to be checked again. */
import { describe, expect, it } from 'vitest';
import { isLawCountry, isLawStale, showsLawNote } from '../../src/shared/law.ts';

describe('country notes on the law', () => {
  it("show only the learner's country once one is chosen", () => {
    expect(showsLawNote({ country: 'PK' }, 'PK')).toBe(true);
    expect(showsLawNote({ country: 'IN' }, 'PK')).toBe(false);
    expect(showsLawNote({ country: 'MY' }, 'IN')).toBe(false);
  });

  it('show every country before one is chosen, or when the chosen one has no notes', () => {
    for (const country of ['IN', 'MY', 'PK'] as const) {
      expect(showsLawNote({ country }, null)).toBe(true);
      expect(showsLawNote({ country }, '')).toBe(true);
      // "international" in the help directory: no law of its own, so every note stays.
      expect(showsLawNote({ country }, 'international')).toBe(true);
    }
  });

  it('name only the three countries of the course', () => {
    expect(['IN', 'MY', 'PK'].every(isLawCountry)).toBe(true);
    expect(['in', 'BD', 'international', ''].some(isLawCountry)).toBe(false);
  });

  it('ask to be checked again six whole months after the date checked', () => {
    expect(isLawStale('2026-12-07', new Date('2027-06-06T23:00:00Z'))).toBe(false);
    expect(isLawStale('2026-12-07', new Date('2027-06-07T00:00:00Z'))).toBe(true);
  });
});
