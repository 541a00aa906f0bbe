/**
 * Calm notices, in the flow of the page so that they never cover what the learner reads: about
 * storage and updates above every page, and that the app works offline at its foot. An update
 * arriving while the learner reads above it leaves the text where it was (the browser anchors the
 * scroll position); the offline notice comes at a first visit, as the page loads, so at the foot it
 * moves nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadPageStrings, t } from '../../i18n';
import { quizInProgress, storageStatus } from '../progress';
import { useObservable } from '../state';
import { applyUpdate, offlineReady, updateReady } from '../updates';

/** Resolves to true once the notices' words are loaded, when `needed`. */
function useWords(needed: boolean): boolean {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (needed) void loadPageStrings().then(() => setLoaded(true));
  }, [needed]);
  return needed && loaded;
}

/** The notices above every page: an insecure address, storage trouble, an update waiting. */
export function Notices() {
  const storage = useObservable(storageStatus);
  const update = useObservable(updateReady);
  const busy = useObservable(quizInProgress);
  const ready = useWords(!window.isSecureContext || storage !== null || update);
  // The live region is always there, so a notice that appears is announced.
  return (
    <div class="notices" aria-live="polite">
      {ready && !window.isSecureContext && (
        <div class="notice" role="status">
          <p>{t('notice.insecure')}</p>
        </div>
      )}
      {ready && storage && (
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
      {ready && update && (
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
    </div>
  );
}

/** At the foot of every page: the app is now saved on the device and works offline. */
export function OfflineNotice() {
  const offline = useObservable(offlineReady);
  const update = useObservable(updateReady);
  const [dismissed, setDismissed] = useState(false);
  const ready = useWords(offline && !update && !dismissed);
  return (
    <div class="notices notices-foot" aria-live="polite">
      {ready && (
        <div class="notice" role="status">
          <p>{t('notice.offlineReady')}</p>
          <button type="button" class="button button-quiet" onClick={() => setDismissed(true)}>
            {t('notice.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
