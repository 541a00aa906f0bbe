/** Entry point: start the interface language, render the app, then register the service worker. */

import site from 'virtual:site';
import { render } from 'preact';
import { initI18n } from '../i18n';
import { enablePseudoLocale, matchLocale } from '../shared/locales';
import { App } from './App';
import { applyAppearance, loadAppearance } from './appearance';
import { coverInBackground } from './background-cover';
import { framedByAnotherOrigin } from './frame-guard';
import { savedLocale, saveLocale } from './language';
import { exitOnTripleEscape, leftBefore } from './quick-exit';
import { href, parseHash } from './router';
import { startUpdates } from './updates';
import './styles.css';
import './fonts.css';
// The site profile's brand colour, if it has one, after the app's own.
import 'virtual:site.css';

const root = document.getElementById('app');
// `npm run dev` can switch to an accented, longer English to show hard-coded or cut-off text.
if (import.meta.env.DEV) enablePseudoLocale();

async function start(): Promise<void> {
  try {
    // A link that names a language opens in it; otherwise the language chosen before, if any.
    const fromAddress = parseHash(location.hash)?.locale;
    const saved = await savedLocale();
    if (fromAddress && !saved) void saveLocale(fromAddress);
    const locale = fromAddress ?? saved ?? matchLocale(navigator.languages ?? []);
    // Text size and colours first, so the first page is drawn the way the learner set it.
    const [appearance] = await Promise.all([loadAppearance(), initI18n(locale)]);
    applyAppearance(appearance);
    // Inside another site's frame, a notice instead of the app: nothing there can be clicked.
    if (framedByAnotherOrigin() && root) return await (await import('./frame-notice')).showFrameNotice(root);
    // A disguised build opens on its plain cover; the app appears only when asked for.
    if (site.cover && !fromAddress && root) await (await import('./cover')).showCover(root, locale);
    if (!fromAddress && saved) history.replaceState(null, '', href(saved, { page: 'home' }));
    if (root) render(<App />, root);
  } catch (error) {
    // Never a blank page: say so plainly, even if the interface strings are what failed.
    console.error(error);
    if (root) root.textContent = `${site.name} could not start. Reload the page to try again.`;
  }
  void startUpdates();
}

// Back after a quick exit leaves again, before anything is drawn.
if (!leftBefore()) {
  exitOnTripleEscape();
  if (root) coverInBackground(root);
  void start();
}
