/** Hash routes (`#/<locale>/…`), so the app works from any static host, sub-path or file. */
import { useEffect, useState } from 'preact/hooks';
import { isLocale, type Locale } from '../shared/locales';

export type Page =
  | { page: 'home' }
  | { page: 'lesson'; lessonId: string; section?: number }
  | { page: 'progress' }
  | { page: 'review' }
  | { page: 'settings' }
  | { page: 'search' }
  | { page: 'present'; lessonId: string }
  | { page: 'glossary'; termId?: string }
  | { page: 'not-found' };
export type Route = Page & { locale: Locale };

/** Reads a route from a location hash such as `#/en/lessons/passwords`. */
export function parseHash(hash: string): Route | null {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [locale, page, id, ...rest] = parts;
  if (!locale || !isLocale(locale)) return null;
  if (page === undefined) return { locale, page: 'home' };
  if (page === 'lessons' && id && rest.length === 0) return { locale, page: 'lesson', lessonId: id };
  if (page === 'lessons' && id && rest.length === 1 && /^\d+$/.test(rest[0] ?? '')) {
    return { locale, page: 'lesson', lessonId: id, section: Number(rest[0]) };
  }
  if (page === 'progress' && id === undefined) return { locale, page: 'progress' };
  if (page === 'review' && id === undefined) return { locale, page: 'review' };
  if (page === 'settings' && id === undefined) return { locale, page: 'settings' };
  if (page === 'search' && id === undefined) return { locale, page: 'search' };
  if (page === 'present' && id && rest.length === 0) return { locale, page: 'present', lessonId: id };
  if (page === 'glossary' && rest.length === 0) {
    return id ? { locale, page: 'glossary', termId: id } : { locale, page: 'glossary' };
  }
  return { locale, page: 'not-found' };
}

/** The hash for a page in a language. */
export function href(locale: string, page: Page): string {
  switch (page.page) {
    case 'lesson':
      return `#/${locale}/lessons/${encodeURIComponent(page.lessonId)}${page.section ? `/${page.section}` : ''}`;
    case 'progress':
      return `#/${locale}/progress`;
    case 'review':
      return `#/${locale}/review`;
    case 'settings':
      return `#/${locale}/settings`;
    case 'search':
      return `#/${locale}/search`;
    case 'present':
      return `#/${locale}/present/${encodeURIComponent(page.lessonId)}`;
    case 'glossary':
      return page.termId ? `#/${locale}/glossary/${encodeURIComponent(page.termId)}` : `#/${locale}/glossary`;
    default:
      return `#/${locale}/`;
  }
}

/** The current route, or null when the address names no language yet. */
export function currentRoute(): Route | null {
  return parseHash(location.hash);
}

/** The current route; re-renders on navigation. */
export function useRoute(): Route | null {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** The same page in another language. */
export function withLocale(route: Route | null, locale: string): string {
  return href(locale, route ?? { page: 'home' });
}
