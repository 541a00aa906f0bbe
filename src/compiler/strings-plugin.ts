/**
 * Interface strings as modules: `virtual:strings` gives English shell strings (built into the app)
 * and loaders for the rest. Strings of pages that load lazily (settings, search, …) come with those
 * pages, so the first visit carries only what home and lessons say. Translators keep one JSON file
 * per language (locales/<locale>.json); the split happens here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { LOCALES, SOURCE_LOCALE } from '../shared/locales.ts';
import { findDirectionControls } from './bidi.ts';
import { type ContentError, ContentErrors } from './errors.ts';
import { PRODUCT_NAME } from './site.ts';
import { type SiteStrings, withOverrides } from './site-disguise.ts';

/** Top-level groups of locales/*.json used only by lazily loaded pages. */
export const PAGE_GROUPS = [
  'language',
  'progress',
  'review',
  'settings',
  'data',
  'search',
  'install',
  'present',
  'workshops',
  'share',
  'help',
  'helpNow',
  'helpCard',
  // Law notes in lessons load their words with their own code (src/app/pages/law-notes.tsx).
  'law',
  // Notices are rare: their words load when one is first shown.
  'notice',
  // Only a disguise's notepad uses these (src/app/notepad/).
  'notes',
  // Reading a lesson aloud loads its words with its own code (src/app/listen/).
  'listen',
];
const MODULE = 'virtual:strings';
const PARTS = ['shell', 'pages'] as const;

function part(strings: Record<string, unknown>, which: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(strings).filter(([group]) => PAGE_GROUPS.includes(group) === (which === 'pages')),
  );
}

/** Strings name the app "Safe Online"; a site profile's name takes its place, in every language. */
function renamed(strings: unknown, name: string): unknown {
  if (typeof strings === 'string') return strings.replaceAll(PRODUCT_NAME, name);
  if (strings && typeof strings === 'object') {
    return Object.fromEntries(Object.entries(strings).map(([key, value]) => [key, renamed(value, name)]));
  }
  return strings;
}

/**
 * Serves `virtual:strings` and `virtual:strings/<locale>/<shell|pages>` from `dir`, with the app
 * called `appName` (or the profile's `app.name` in that language) and the profile's `overrides`.
 */
export function stringsPlugin(
  dir = path.resolve('locales'),
  appName = PRODUCT_NAME,
  overrides: SiteStrings = {},
): Plugin {
  return {
    name: 'safe-online-strings',
    resolveId(id) {
      return id === MODULE || id.startsWith(`${MODULE}/`) ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${MODULE}`) {
        const loaders = LOCALES.map((locale) => {
          // English shell strings are imported statically (below), so they need no loader.
          const parts = PARTS.filter((which) => locale !== SOURCE_LOCALE || which !== 'shell').map(
            (which) => `${which}: () => import(${JSON.stringify(`${MODULE}/${locale}/${which}`)})`,
          );
          return `${JSON.stringify(locale)}: {${parts.join(', ')}}`;
        });
        return [
          `export { default as englishShell } from ${JSON.stringify(`${MODULE}/${SOURCE_LOCALE}/shell`)};`,
          `export const loaders = {${loaders.join(',\n')}};`,
        ].join('\n');
      }
      if (!id.startsWith(`\0${MODULE}/`)) return null;
      const [locale = '', which = ''] = id.slice(MODULE.length + 2).split('/');
      const file = path.join(dir, `${locale}.json`);
      this.addWatchFile(file);
      const text = readFileSync(file, 'utf8');
      const controls: ContentError[] = [];
      findDirectionControls(text, (line, col, message) => controls.push({ file, line, col, message }), true);
      if (controls.length > 0) throw new ContentErrors(controls, 'the interface strings');
      const own = overrides[locale];
      const name = own?.['app.name'] ?? appName;
      const strings = withOverrides(renamed(JSON.parse(text), name), own) as Record<string, unknown>;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(part(strings, which)))});`;
    },
  };
}
