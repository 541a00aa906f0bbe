/** Hash routes (`#/<locale>/…`), so the app works from any static host, sub-path or file. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { addressToken, OPAQUE_PATHS } from '../shared/addresses';
import { isLocale, type Locale } from '../shared/locales';

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
  | { page: 'help-now' }
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
  'help-now': { page: 'help-now', params: [], required: 0 },
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

/** Where a page was left: its scroll position and, when a link was followed, where that link was on screen. */
interface Place {
  scrollY: number;
  link?: string;
  linkTop?: number;
}

/**
 * Keeps where the page of the current history entry was left in that entry's state: a moment
 * after scrolling (the browser limits how often state may change), and at once, with the link's
 * place on screen, when a link is followed. Returns what stops it.
 */
function keepPlace(): () => void {
  const save = (place: Place) => history.replaceState({ ...history.state, place }, '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scrolled = () => {
    clearTimeout(timer);
    timer = setTimeout(() => save({ scrollY }), 150);
  };
  // Before the address changes: the click comes first, the new history entry after it.
  const clicked = (event: MouseEvent) => {
    clearTimeout(timer);
    const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
    const href = link?.getAttribute('href');
    save(link && href ? { scrollY, link: href, linkTop: link.getBoundingClientRect().top } : { scrollY });
  };
  addEventListener('scroll', scrolled, { passive: true });
  addEventListener('click', clicked, true);
  return () => {
    clearTimeout(timer);
    removeEventListener('scroll', scrolled);
    removeEventListener('click', clicked, true);
  };
}

/**
 * Returns to `place` once the page is drawn: the followed link back where it was on screen (the
 * page may have changed above it, a lesson now marked as started), or else the same scroll
 * position. Tries again while the page's content loads, for up to 5 s, unless the learner scrolls.
 */
function returnTo(place: Place): void {
  const until = performance.now() + 5000;
  let moved = false;
  const inputs = ['wheel', 'touchstart', 'keydown'] as const;
  const stop = () => {
    moved = true;
  };
  for (const input of inputs) addEventListener(input, stop, { once: true, passive: true });
  // Parts of the page below and above are drawn only as they come near, and change size when they
  // are: done once the place has held for ten frames.
  let held = 0;
  const step = () => {
    const link = place.link
      ? [...document.querySelectorAll('main a')].find((a) => a.getAttribute('href') === place.link)
      : undefined;
    const target =
      link && place.linkTop !== undefined
        ? scrollY + link.getBoundingClientRect().top - place.linkTop
        : place.scrollY;
    if (Math.abs(scrollY - target) <= 1 && (link || !place.link)) held++;
    else held = 0;
    if (!moved) scrollTo({ top: target, behavior: 'instant' });
    if (!moved && held < 10 && performance.now() < until) requestAnimationFrame(step);
    else for (const input of inputs) removeEventListener(input, stop);
  };
  requestAnimationFrame(step);
}

/**
 * The current route; re-renders on navigation. A new page opens at its top; going back (or
 * forward) to a page returns to where it was left, as a list of lessons would be expected to.
 */
export function useRoute(): Route | null {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const stopKeeping = keepPlace();
    const update = (event?: Event) => {
      if (event) {
        const place = (history.state as { place?: Place } | null)?.place;
        if (typeof place?.scrollY === 'number') returnTo(place);
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
