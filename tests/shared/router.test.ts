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

  it('reads pages with parameters, and refuses ones with too many or too few', () => {
    expect(parseHash('#/en/lessons/passwords/3')).toEqual({
      locale: 'en',
      page: 'lesson',
      lessonId: 'passwords',
      section: 3,
    });
    expect(parseHash('#/en/lessons/passwords/x')).toEqual({ locale: 'en', page: 'not-found' });
    expect(parseHash('#/ur/present/passwords')).toEqual({
      locale: 'ur',
      page: 'present',
      lessonId: 'passwords',
    });
    expect(parseHash('#/ur/present')).toEqual({ locale: 'ur', page: 'not-found' });
    expect(parseHash('#/ms/workshops')).toEqual({ locale: 'ms', page: 'workshops' });
    expect(parseHash('#/ms/workshops/full-day')).toEqual({
      locale: 'ms',
      page: 'workshops',
      planId: 'full-day',
    });
    expect(parseHash('#/hi/glossary/sim-swap')).toEqual({
      locale: 'hi',
      page: 'glossary',
      termId: 'sim-swap',
    });
    expect(parseHash('#/en/settings/extra')).toEqual({ locale: 'en', page: 'not-found' });
  });

  it('writes the same routes back', () => {
    for (const hash of [
      '#/en/',
      '#/ur/lessons/secure-messaging',
      '#/en/lessons/passwords/2',
      '#/hi/progress',
      '#/en/review',
      '#/en/search',
      '#/en/settings',
      '#/ms/workshops/full-day',
      '#/ur/present/passwords',
      '#/hi/glossary',
      '#/hi/glossary/vpn',
    ]) {
      const route = parseHash(hash);
      if (!route) throw new Error(hash);
      expect(href(route.locale, route)).toBe(hash);
    }
  });
});
