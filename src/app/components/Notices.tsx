/**
 * Calm notices: about storage above every page, from the start; about updates and offline saving
 * floating at the foot of the screen, so that arriving later they do not push the page down.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadPageStrings, t } from '../../i18n';
import { quizInProgress, storageStatus } from '../progress';
import { useObservable } from '../state';
import { applyUpdate, offlineReady, updateReady } from '../updates';

export function Notices() {
  const storage = useObservable(storageStatus);
  const update = useObservable(updateReady);
  const offline = useObservable(offlineReady);
  const busy = useObservable(quizInProgress);
  const [dismissed, setDismissed] = useState(false);
  const [wordsLoaded, setWordsLoaded] = useState(false);
  const showing = !window.isSecureContext || storage !== null || update || offline;
  useEffect(() => {
    if (showing) void loadPageStrings().then(() => setWordsLoaded(true));
  }, [showing]);
  // The live regions are always there, so a notice that appears is announced.
  if (!showing || !wordsLoaded) {
    return (
      <>
        <div class="notices" aria-live="polite" />
        <div class="notices notices-float" aria-live="polite" />
      </>
    );
  }

  return (
    <>
      <div class="notices" aria-live="polite">
        {!window.isSecureContext && (
          <div class="notice" role="status">
            <p>{t('notice.insecure')}</p>
          </div>
        )}
        {storage && (
          <div class="notice notice-warning" role="status">
            <p>
              {t(
                storage.kind === 'memory' && storage.reason === 'private'
                  ? 'notice.private'
                  : `notice.${storage.kind}`,
              )}
            </p>
          </div>
        )}
      </div>
      <div class="notices notices-float" aria-live="polite">
        {update && (
          <div class="notice" role="status">
            <p>{t('notice.updateReady')}</p>
            {busy ? (
              <p class="notice-detail">{t('notice.updateAfterQuiz')}</p>
            ) : (
              <button type="button" class="button" onClick={() => void applyUpdate()}>
                {t('notice.updateNow')}
              </button>
            )}
          </div>
        )}
        {offline && !update && !dismissed && (
          <div class="notice" role="status">
            <p>{t('notice.offlineReady')}</p>
            <button type="button" class="button button-quiet" onClick={() => setDismissed(true)}>
              {t('notice.dismiss')}
            </button>
          </div>
        )}
      </div>
    </>
  );
}
