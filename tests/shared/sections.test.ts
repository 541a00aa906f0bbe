import { describe, expect, it } from 'vitest';
import { sectionId } from '../../src/shared/sections.ts';

describe('the ids of a lesson’s sections', () => {
  it('numbers them section-1, section-2, … the same in every language', () => {
    expect([1, 2, 10].map(sectionId)).toEqual(['section-1', 'section-2', 'section-10']);
  });

  it('gives an id that a link can point to: no spaces, and one per section', () => {
    const ids = Array.from({ length: 20 }, (_, i) => sectionId(i + 1));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][\w-]*$/);
  });
});
