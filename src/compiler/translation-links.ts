/**
 * A translation must link where its English lesson links: a translator cannot send readers to
 * another page (a malicious download, say). Only a localized address that course.yaml lists for the
 * same page on the same site may stand in for an English link.
 */
import type { LinkPolicy } from './link-trust.ts';
import type { FoundLink } from './links.ts';

/** Reports each link of a translation that en.md does not have, and each of en.md it lacks. */
export function compareLinks(
  english: readonly string[],
  translated: readonly FoundLink[],
  locale: string,
  policy: LinkPolicy,
  /** Reports at a body line (0-based) and column: a missing link at the top of the body. */
  report: (line: number, col: number, message: string) => void,
): void {
  // Links may move within a sentence in another language, so they are compared as a bag.
  const left = new Map<string, number>();
  for (const href of english) left.set(href, (left.get(href) ?? 0) + 1);
  const take = (href: string) => {
    const count = left.get(href) ?? 0;
    if (count > 0) left.set(href, count - 1);
    return count > 0;
  };
  const extra = translated.filter((link) => !take(link.href));
  const unmatched = extra.filter((link) => {
    const original = [...left.keys()].find(
      (href) => (left.get(href) ?? 0) > 0 && policy.localized.get(href)?.get(locale) === link.href,
    );
    return !(original && take(original));
  });
  const missing = [...left].flatMap(([href, count]) => Array<string>(count).fill(href));
  const advice =
    'a translation must keep the links of en.md exactly (if it is the same page in this language, ask for the address to be listed under links: localized in course.yaml)';
  unmatched.forEach((link, index) => {
    const instead = missing[index];
    report(
      link.line,
      link.col,
      instead
        ? `this link goes to "${link.href}" where the English lesson links to "${instead}": ${advice}`
        : `this link goes to "${link.href}", but the English lesson has no such link: ${advice}`,
    );
  });
  for (const href of missing.slice(unmatched.length))
    report(0, 1, `the English lesson links to "${href}", but this translation does not: keep that link`);
}
