import { afterEach, describe, expect, it } from 'vitest';
import { href, parseHash, setOpaqueAddresses } from '../../src/app/router.ts';
import { addressToken, opaqueLink, sameId } from '../../src/shared/addresses.ts';

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

  describe('opaque, in a disguise', () => {
    afterEach(() => setOpaqueAddresses(false));

    it('names no lesson, term, plan or page, and reads its own addresses back', () => {
      setOpaqueAddresses();
      const pages = [
        { page: 'lesson', lessonId: 'phones-at-protests', section: 2 },
        { page: 'present', lessonId: 'passwords' },
        { page: 'glossary', termId: 'sim-swap' },
        { page: 'workshops', planId: 'full-day' },
        { page: 'erase' },
        { page: 'settings' },
        { page: 'search' },
        { page: 'progress' },
        { page: 'review' },
        { page: 'share' },
        { page: 'help' },
        { page: 'help-now' },
        { page: 'help-now', country: 'PK' },
      ] as const;
      for (const page of pages) {
        const hash = href('en', page);
        expect(hash).toMatch(/^#\/en\/[a-z](\/_[0-9a-z]+)?(\/\d+)?$/);
        const route = parseHash(hash);
        expect(route?.page).toBe(page.page);
        // The route carries the code, which stands for the id; a link made from it is the same.
        const id =
          'lessonId' in page
            ? page.lessonId
            : 'termId' in page
              ? page.termId
              : 'planId' in page
                ? page.planId
                : undefined;
        const value =
          route &&
          ('lessonId' in route
            ? route.lessonId
            : 'termId' in route
              ? route.termId
              : 'planId' in route
                ? route.planId
                : undefined);
        if (id) expect(sameId(id, value ?? undefined)).toBe(true);
        if (route) expect(href('en', route)).toBe(hash);
      }
      expect(href('en', { page: 'lesson', lessonId: 'phones-at-protests' })).not.toContain('protests');
      // The app's own addresses mean nothing in a disguise.
      expect(parseHash('#/en/lessons/passwords')).toEqual({ locale: 'en', page: 'not-found' });
    });

    it('gives each lesson its own code, and rewrites the links lessons hold', () => {
      const ids = [
        'passwords',
        'phishing-email',
        'secure-messaging',
        'phones-at-protests',
        'two-step-verification',
      ];
      expect(new Set(ids.map(addressToken)).size).toBe(ids.length);
      expect(sameId('passwords', 'phishing-email')).toBe(false);
      // An address typed or kept from before, with the id itself, still finds it.
      expect(sameId('PK', 'PK')).toBe(true);
      expect(sameId('PK', undefined)).toBe(false);
      expect(
        opaqueLink('<a href="#/ur/lessons/passwords">x</a> <a href="#/ur/glossary/sim-swap">y</a>'),
      ).toBe(
        `<a href="#/ur/p/${addressToken('passwords')}">x</a> <a href="#/ur/t/${addressToken('sim-swap')}">y</a>`,
      );
    });
  });
});
