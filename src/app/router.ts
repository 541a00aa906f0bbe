/** Hash routes (`#/<locale>/…`), so the app works from any static host, sub-path or file. */

import { useEffect, useMemo, useState } from 'preact/hooks';
import { addressToken, OPAQUE_PATHS } from '../shared/addresses';
import { isLocale, type Locale } from '../shared/locales';
import type { Place } from './return-place';

export type Page =
  | { page: 'home' }
  | { page: 'lesson'; lessonId: string; section?: number }
  | { page: 'progress' }
  | { page: 'review' }
  | { page: 'settings' }
  | { page: 'search' }
  | { page: 'present'; lessonId: string }
  | { page: 'workshops'; planId?: string }
  | { page: 'share' }
  | { page: 'erase' }
  | { page: 'glossary'; termId?: string }
  | { page: 'help' }
  | { page: 'help-now'; country?: string }
  | { page: 'not-found' };
export type Route = Page & { locale: Locale };

/**
 * Each page's place in the address, and what follows it: `#/<locale>/<path>/<param>/<param>`.
 * Required parameters are listed first; a page with none, or optional ones, may stand alone.
 */
const PAGES: Record<string, { page: Page['page']; params: string[]; required: number }> = {
  lessons: { page: 'lesson', params: ['lessonId', 'section'], required: 1 },
  progress: { page: 'progress', params: [], required: 0 },
  review: { page: 'review', params: [], required: 0 },
  settings: { page: 'settings', params: [], required: 0 },
  search: { page: 'search', params: [], required: 0 },
  present: { page: 'present', params: ['lessonId'], required: 1 },
  workshops: { page: 'workshops', params: ['planId'], required: 0 },
  glossary: { page: 'glossary', params: ['termId'], required: 0 },
  share: { page: 'share', params: [], required: 0 },
  erase: { page: 'erase', params: [], required: 0 },
  help: { page: 'help', params: [], required: 0 },
  // With a country: the printed first-steps card (pages/HelpCard.tsx).
  'help-now': { page: 'help-now', params: ['country'], required: 0 },
};

let opaque = false;

/**
 * Switches to opaque addresses (a disguise's: shared/addresses.ts) for every address read or made
 * from now on; called once, before the app is drawn.
 */
export function setOpaqueAddresses(on = true): void {
  opaque = on;
}

/** The page path an address's first part stands for, in the scheme in use. */
function pathOf(part: string): string | undefined {
  if (!opaque) return part;
  return Object.keys(OPAQUE_PATHS).find((path) => OPAQUE_PATHS[path] === part);
}

/**
 * Reads a route from a location hash such as `#/en/lessons/passwords` (with opaque addresses,
 * `#/en/p/<code>`: the route then carries the code, which pages match with `sameId`).
 */
export function parseHash(hash: string): Route | null {
  const [locale, part, ...values] = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  if (!locale || !isLocale(locale)) return null;
  if (part === undefined) return { locale, page: 'home' };
  const path = pathOf(part);
  const spec = path === undefined ? undefined : PAGES[path];
  if (!spec || values.length < spec.required || values.length > spec.params.length)
    return { locale, page: 'not-found' };
  const route: Record<string, unknown> = { locale, page: spec.page };
  spec.params.forEach((name, i) => {
    if (values[i] !== undefined) route[name] = name === 'section' ? Number(values[i]) : values[i];
  });
  if (route.section !== undefined && !Number.isInteger(route.section)) return { locale, page: 'not-found' };
  return route as Route;
}

/** The hash for a page in a language. */
export function href(locale: string, page: Page): string {
  const path = Object.keys(PAGES).find((key) => PAGES[key]?.page === page.page);
  const spec = path ? PAGES[path] : undefined;
  if (!path || !spec) return `#/${locale}/`;
  const values = spec.params
    .map((name) => (page as Record<string, unknown>)[name])
    .filter((value) => value !== undefined && value !== 0)
    .map((value) => (opaque && typeof value === 'string' ? addressToken(value) : String(value)))
    .map((value) => `/${encodeURIComponent(value)}`);
  return `#/${locale}/${opaque ? OPAQUE_PATHS[path] : path}${values.join('')}`;
}

/** The current route, or null when the address names no language yet. */
export function currentRoute(): Route | null {
  return parseHash(location.hash);
}

/**
 * The current route; re-renders on navigation. A new page opens at its top; going back (or
 * forward) to a page returns to where it was left, as a list of lessons would be expected to.
 */
export function useRoute(): Route | null {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    // Where each page is left, for coming back to it: loaded just after the first page.
    let stopKeeping = () => {};
    void import('./return-place').then(({ keepPlace }) => {
      stopKeeping = keepPlace();
    });
    const update = (event?: Event) => {
      if (event) {
        const place = (history.state as { place?: { scrollY?: unknown } } | null)?.place;
        // Going back (or forward) to a page that was left by a link: to where it was.
        if (typeof place?.scrollY === 'number')
          void import('./return-place').then(({ returnTo }) => returnTo(place as Place));
        else scrollTo({ top: 0, behavior: 'instant' });
      }
      setHash(location.hash);
    };
    window.addEventListener('hashchange', update);
    // The address may have changed between the first render and this listener: catch up.
    update();
    return () => {
      stopKeeping();
      window.removeEventListener('hashchange', update);
    };
  }, []);
  return useMemo(() => parseHash(hash), [hash]);
}

/** The same page in another language. */
export function withLocale(route: Route | null, locale: string): string {
  return href(locale, route ?? { page: 'home' });
}
