/** Page titles, which show in the browser tab, the list of open apps and the browser history. */
import site from 'virtual:site';

/**
 * Sets the title: the page's name, then the app's; just the app's for the home page, or in a
 * build whose site profile keeps titles plain so that they never name a lesson.
 */
export function setTitle(page?: string): void {
  document.title = page && !site.plainTitles ? `${page} · ${site.title}` : site.title;
}
