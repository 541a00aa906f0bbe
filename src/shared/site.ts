/** What the app knows of its site profile (see src/compiler/site.ts): its name, titles and cover. */

/** One text, or one per language. */
export type SiteText = string | Record<string, string>;

/** A neutral first screen: a heading, a line of text and the button that opens the app (none on a notepad). */
export interface SiteCover {
  heading: SiteText;
  text: SiteText;
  button: SiteText;
}

export interface SiteInfo {
  name: string;
  title: string;
  /** Every page's title is just `title`. */
  plainTitles: boolean;
  cover: SiteCover | null;
  /**
   * A disguise's cover is a working notepad, and the app keeps to opaque addresses; `codeWord`,
   * saved as a note, opens the lessons until the learner sets another.
   */
  notepad: { codeWord: string } | null;
  /** Lessons may be read aloud with the phone's own voices (site.yaml's `listen`). */
  listen: boolean;
}

/** The text in `locale`, else in English, else the first one given. */
export function siteText(text: SiteText, locale: string): { text: string; locale?: string } {
  if (typeof text === 'string') return { text };
  for (const chosen of [locale, 'en', ...Object.keys(text)]) {
    const found = text[chosen];
    if (found !== undefined) return { text: found, locale: chosen };
  }
  return { text: '' };
}
