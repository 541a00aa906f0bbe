/**
 * Opaque addresses, for a disguise: each page is a letter, and a lesson, term or plan a short code
 * instead of its id, so that no address in the tab's history names a lesson or gives the app away
 * (`#/en/p/1x9k2f` rather than `#/en/lessons/phones-at-protests`). Used by the router and by the
 * lessons plugin, which writes lesson links this way in a disguise's build.
 */

/** The letter that stands for each page's path in an opaque address. */
export const OPAQUE_PATHS: Readonly<Record<string, string>> = {
  lessons: 'p',
  progress: 's',
  review: 'v',
  settings: 'o',
  search: 'f',
  present: 'w',
  workshops: 'k',
  glossary: 't',
  share: 'h',
  erase: 'c',
  help: 'g',
  'help-now': 'n',
};

/** True for a code made by `addressToken`: ids never hold "_", so a code is never taken for one. */
export function isToken(value: string): boolean {
  return value.startsWith('_');
}

/**
 * The short code of an id in an opaque address: "_" and a 32-bit FNV-1a hash in base 36. It hides
 * the id from a glance at the history, not from someone who studies the app, which holds every id.
 */
export function addressToken(id: string): string {
  if (isToken(id)) return id;
  let hash = 0x811c9dc5;
  for (const char of new TextEncoder().encode(id)) {
    hash ^= char;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `_${hash.toString(36)}`;
}

/** True when an address's `value` stands for `id`: the id itself, or its code. */
export function sameId(id: string, value: string | undefined): boolean {
  // Stryker disable next-line ConditionalExpression: neither an id nor a code is ever undefined, so the check only reads clearly
  return value !== undefined && (value === id || value === addressToken(id));
}

/** A link the lessons compiler wrote (`#/<locale>/lessons/<id>`, `…/glossary/<id>`), as an opaque address. */
export function opaqueLink(link: string): string {
  return link.replace(
    /#\/([a-z]{2})\/(lessons|glossary)\/([a-z0-9-]+)/g,
    (_match, locale: string, path: string, id: string) =>
      `#/${locale}/${OPAQUE_PATHS[path]}/${addressToken(id)}`,
  );
}
