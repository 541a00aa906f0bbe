/**
 * The app lock, offered once after a lesson's quiz is finished: a calm card with "Set a lock"
 * (which opens Settings) and "Not now". Either answer is kept, and the card never shows again.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { progressStore } from '../progress';
import { href } from '../router';

/** Settings key keeping the learner's answer to the offer. */
const OFFER_SETTING = 'lock-offer';

export function LockOffer({ locale }: { locale: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    void progressStore()
      .then((store) => store.getSetting(OFFER_SETTING))
      .then((answered) => setShown(answered === undefined));
  }, []);
  if (!shown) return null;
  const answer = (value: 'set' | 'not-now') => {
    setShown(false);
    void progressStore().then((store) => store.setSetting(OFFER_SETTING, value));
  };
  return (
    <aside class="notice lock-offer" aria-labelledby="lock-offer-heading">
      <h3 id="lock-offer-heading">{t('data.lock.offer.title')}</h3>
      <p>{t('data.lock.offer.text')}</p>
      <p class="actions">
        <a class="button" href={href(locale, { page: 'settings' })} onClick={() => answer('set')}>
          {t('data.lock.set')}
        </a>
        <button type="button" class="button button-quiet" onClick={() => answer('not-now')}>
          {t('data.lock.offer.notNow')}
        </button>
      </p>
    </aside>
  );
}
