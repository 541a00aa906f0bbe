/** The calm notice shown instead of the app when another site frames it (see frame-guard.ts). */
import { render } from 'preact';
import { loadPageStrings, t } from '../i18n';

/** Replaces everything in `root` with the notice and a link that opens the app on its own. */
export async function showFrameNotice(root: HTMLElement): Promise<void> {
  await loadPageStrings();
  render(
    <main class="page">
      <div class="notice notice-warning" role="alert">
        <p>{t('notice.framed')}</p>
        <p>
          <a href={location.href} target="_blank" rel="noopener noreferrer">
            {t('notice.openAlone')}
          </a>
        </p>
      </div>
    </main>,
    root,
  );
}
