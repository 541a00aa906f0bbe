/** Entry point: start the interface language, render the app, then register the service worker. */
import { render } from 'preact';
import { initI18n } from '../i18n';
import { SOURCE_LOCALE } from '../shared/locales';
import { App } from './App';
import { parseHash } from './router';
import { startUpdates } from './updates';
import './styles.css';

const root = document.getElementById('app');

try {
  await initI18n(parseHash(location.hash)?.locale ?? SOURCE_LOCALE);
  if (root) render(<App />, root);
} catch (error) {
  // Never a blank page: say so plainly, even if the interface strings are what failed.
  console.error(error);
  if (root) root.textContent = 'Safe Online could not start. Reload the page to try again.';
}
startUpdates();
