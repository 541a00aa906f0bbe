/** Level-two headings are numbered in order (section-1, section-2, …), the same in every language. */

/** The id of a lesson's section heading in the page, for links from search results and slides. */
export function sectionId(section: number): string {
  return `section-${section}`;
}
