/**
 * The cover of a disguised build: a plain first screen (its site profile's heading, line of text
 * and button) that names nothing of the lessons. The button opens the app. Plain DOM, loaded only
 * by builds that have a cover.
 */
import site from 'virtual:site';
import { direction } from '../shared/locales';
import { siteText } from '../shared/site';

/** Shows the cover in `root`; resolves when the button is pressed. */
export function showCover(root: HTMLElement, locale: string): Promise<void> {
  const cover = site.cover;
  if (!cover) return Promise.resolve();
  const element = (tag: string, text: Parameters<typeof siteText>[0]) => {
    const node = document.createElement(tag);
    const chosen = siteText(text, locale);
    node.textContent = chosen.text;
    if (chosen.locale && chosen.locale !== locale) {
      node.lang = chosen.locale;
      node.dir = direction(chosen.locale);
    }
    return node;
  };
  const main = document.createElement('main');
  main.className = 'cover';
  const button = element('button', cover.button) as HTMLButtonElement;
  button.type = 'button';
  button.className = 'button';
  main.append(element('h1', cover.heading), element('p', cover.text), button);
  root.replaceChildren(main);
  return new Promise((resolve) => {
    button.addEventListener('click', () => {
      root.replaceChildren();
      resolve();
    });
  });
}
