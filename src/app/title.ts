/** Page titles, which show in the browser tab, the list of open apps and the browser history. */
import site from 'virtual:site';

/**
 * Sets the title: the kind of page ("Lesson", "Settings"), then the app's name; just the app's for
 * the home page, or in a build whose site profile keeps titles plain. A title never names a
 * lesson: the browser keeps it in its history.
 */
export function setTitle(page?: string): void {
  document.title = page && !site.plainTitles ? `${page} · ${site.title}` : site.title;
}
