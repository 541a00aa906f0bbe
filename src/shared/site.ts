/** What the app knows of its site profile (see src/compiler/site.ts): its name, titles and cover. */

/** One text, or one per language. */
export type SiteText = string | Record<string, string>;

/** A neutral first screen: a heading, a line of text and the button that opens the app. */
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
