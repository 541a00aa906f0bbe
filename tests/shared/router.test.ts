import { describe, expect, it } from 'vitest';
import { href, parseHash } from '../../src/app/router.ts';

describe('hash routes', () => {
  it('reads the home, lesson and progress pages in a language', () => {
    expect(parseHash('#/en/')).toEqual({ locale: 'en', page: 'home' });
    expect(parseHash('#/ur')).toEqual({ locale: 'ur', page: 'home' });
    expect(parseHash('#/hi/lessons/passwords')).toEqual({
      locale: 'hi',
      page: 'lesson',
      lessonId: 'passwords',
    });
    expect(parseHash('#/ms/progress')).toEqual({ locale: 'ms', page: 'progress' });
  });

  it('has no route without a known language, and a not-found page for unknown paths', () => {
    expect(parseHash('')).toBeNull();
    expect(parseHash('#/xx/')).toBeNull();
    expect(parseHash('#/en/nothing-here')).toEqual({ locale: 'en', page: 'not-found' });
    expect(parseHash('#/en/lessons')).toEqual({ locale: 'en', page: 'not-found' });
  });

  it('writes the same routes back', () => {
    for (const hash of ['#/en/', '#/ur/lessons/secure-messaging', '#/hi/progress']) {
      const route = parseHash(hash);
      if (!route) throw new Error(hash);
      expect(href(route.locale, route)).toBe(hash);
    }
  });
});
