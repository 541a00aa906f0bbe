/**
 * Offers Listen under a lesson's title once the phone has its own voice for the lesson's
 * language. The lesson page loads this small module with every lesson; the controls and their
 * words load only when a voice is found, and go when the lesson leaves the page. Nothing is
 * offered where the browser cannot speak, nor in a profile without `listen` (site.yaml).
 */
import site from 'virtual:site';
import { render } from 'preact';
import { loadPageStrings } from '../../i18n';
import { whenLocalVoice } from './voices';

/** Lessons already given their Listen (the lesson page asks again as its progress loads). */
const offered = new WeakSet<HTMLElement>();

/** Draws Listen into the header of the lesson in `article` once the phone has a voice for its language. */
export function mountListen(article: HTMLElement): void {
  const header = article.querySelector('.lesson-header');
  // The lesson's own language, which differs from the interface's when it is shown in English.
  const locale = header?.querySelector('h1')?.lang;
  if (!site.listen || !('speechSynthesis' in window) || !header || !locale || offered.has(article)) return;
  offered.add(article);
  const slot = document.createElement('div');
  const stopWaiting = whenLocalVoice(locale, (voice) => {
    void Promise.all([import('./Listen'), loadPageStrings()]).then(
      ([{ Listen }]) => {
        if (!article.isConnected) return;
        header.append(slot);
        render(<Listen voice={voice} locale={locale} article={article} />, slot);
      },
      () => {},
    );
  });
  // The lesson left the page (another page, another lesson): Listen goes too, and its voice stops.
  const gone = new MutationObserver(() => {
    if (article.isConnected) return;
    gone.disconnect();
    stopWaiting();
    render(null, slot);
  });
  gone.observe(document.body, { childList: true, subtree: true });
}
