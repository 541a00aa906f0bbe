/**
 * Fast erase, two taps from any page: the header's "Erase" opens this page, and its button, away
 * from where the first tap landed, erases everything and leaves for a blank page.
 */
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n';
import { usePageHeading } from '../hooks';
import { quickExit } from '../quick-exit';
import { href } from '../router';
import { setTitle } from '../title';
import { eraseEverything } from './erase';

export default function ErasePage({ locale }: { locale: string }) {
  const heading = usePageHeading<HTMLHeadingElement>(true);
  useEffect(() => {
    setTitle();
  }, []);
  return (
    <div class="page erase">
      <h1 ref={heading} tabIndex={-1}>
        {t('data.eraseTitle')}
      </h1>
      <p class="notice notice-warning">{t('data.eraseWarning')}</p>
      <p class="actions">
        <button
          type="button"
          class="button button-danger"
          onClick={async () => {
            // Quick exit's history code loads now, before the app's saved copy is erased.
            await import('../quick-exit-history').catch(() => {});
            await eraseEverything();
            quickExit();
          }}
        >
          {t('data.eraseConfirm')}
        </button>
        <a class="button button-quiet" href={href(locale, { page: 'home' })}>
          {t('data.cancel')}
        </a>
      </p>
    </div>
  );
}
