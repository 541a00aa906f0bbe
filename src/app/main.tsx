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
import { href, parseHash, setOpaqueAddresses } from './router';
import { startUpdates } from './updates';
import './styles.css';
import './fonts.css';
// The site profile's brand colour, if it has one, after the app's own.
import 'virtual:site.css';

const root = document.getElementById('app');
// `npm run dev` can switch to an accented, longer English to show hard-coded or cut-off text.
if (import.meta.env.DEV) enablePseudoLocale();

// A disguise keeps to addresses that name no lesson and no page.
if (site.notepad) setOpaqueAddresses();

async function start(): Promise<void> {
  try {
    // A disguise opens on its notepad whatever the address was (a reload, a page kept by the
    // browser), and the address left in the history names nothing.
    if (site.notepad) history.replaceState(null, '', location.pathname + location.search);
    // A link that names a language opens in it; otherwise the language chosen before, if any.
    const fromAddress = parseHash(location.hash)?.locale;
    // With the app lock on, the lock screen comes first: no progress is read before it opens.
    const unlocked = root ? await (await import('./lock/boot')).unlockIfLocked(root, fromAddress) : null;
    const saved = await savedLocale();
    if (fromAddress && !saved) void saveLocale(fromAddress);
    const locale = fromAddress ?? saved ?? matchLocale(navigator.languages ?? []);
    // Text size and colours first, so the first page is drawn the way the learner set it.
    const [appearance] = await Promise.all([loadAppearance(), initI18n(locale)]);
    applyAppearance(appearance);
    // Inside another site's frame, a notice instead of the app: nothing there can be clicked.
    if (framedByAnotherOrigin() && root) return await (await import('./frame-notice')).showFrameNotice(root);
    // A disguised build opens on its plain cover; the app appears only when asked for.
    if (site.notepad && root) {
      // The notepad must work offline too, so the service worker does not wait for the lessons.
      void startUpdates();
      // With the lock on, the PIN is the way in: the real one opens the lessons, and the decoy
      // stays in its notes, where no code word opens anything.
      if (!unlocked) await (await import('./notepad')).showNotepad(root, locale);
      else if (unlocked.decoy) await (await import('./notepad')).showNotepad(root, locale, async () => false);
    } else if (site.cover && !fromAddress && root) await (await import('./cover')).showCover(root, locale);
    if (!fromAddress && saved) history.replaceState(null, '', href(saved, { page: 'home' }));
    if (root) render(<App />, root);
  } catch (error) {
    // Never a blank page: say so plainly, even if the interface strings are what failed.
    console.error(error);
    if (root) root.textContent = `${site.name} could not start. Reload the page to try again.`;
  }
  if (!site.notepad) void startUpdates();
}

// Back after a quick exit leaves again, before anything is drawn.
if (!leftBefore()) {
  exitOnTripleEscape();
  if (root) coverInBackground(root);
  void start();
}
