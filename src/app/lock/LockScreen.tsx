/**
 * The lock screen: the site profile's name, one field, "Unlock", and "Forgot it?". It names no
 * lesson and shows no progress, so that it passes for the lock of any app.
 */
import site from 'virtual:site';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { ProgressKeys } from '../../storage';
import { unlock } from '../../storage/locking';
import { DB_NAME } from '../../storage/schema';
import { PasswordField } from '../components/fields';
import { eraseEverything } from '../pages/erase';
import { setTitle } from '../title';

/** "in 30 seconds", "in 2 minutes", in the page's language. */
function inTime(ms: number): string {
  const format = new Intl.RelativeTimeFormat(document.documentElement.lang, { numeric: 'always' });
  const seconds = Math.ceil(ms / 1000);
  return seconds < 90 ? format.format(seconds, 'second') : format.format(Math.ceil(seconds / 60), 'minute');
}

/** Asks for the PIN or passphrase; calls `onOpen` with the keys it opened. */
export function LockScreen({ onOpen }: { onOpen: (keys: ProgressKeys, decoy: boolean) => void }) {
  const [secret, setSecret] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const [forgot, setForgot] = useState<'closed' | 'open' | 'confirm'>('closed');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setTitle();
    field.current?.focus();
  }, []);
  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const timer = setTimeout(() => setWaitUntil(0), waitUntil - Date.now());
    return () => clearTimeout(timer);
  }, [waitUntil]);

  async function tryUnlock(event: Event) {
    event.preventDefault();
    if (!secret || busy) return;
    setBusy(true);
    setMessage(t('data.lock.checking'));
    const outcome = await unlock(DB_NAME, secret, eraseEverything).finally(() => setBusy(false));
    if (outcome.ok) {
      setSecret('');
      onOpen(outcome.keys, outcome.role === 'decoy');
      return;
    }
    if (!('waitUntil' in outcome)) {
      // Erased after too many wrong tries (or by another tab): start again, empty.
      location.replace(location.pathname);
      return;
    }
    setSecret('');
    const wait = outcome.waitUntil - Date.now();
    setWaitUntil(outcome.waitUntil);
    const wrong = outcome.problem === 'wrong' ? `${t('data.lock.wrong')} ` : '';
    setMessage(wait > 0 ? wrong + t('data.lock.wait', { when: inTime(wait) }) : wrong.trim());
    field.current?.focus();
  }

  const waiting = waitUntil > Date.now();
  return (
    <main id="main" class="page lock-screen">
      <h1>{site.name}</h1>
      <form onSubmit={tryUnlock}>
        <PasswordField
          label={t('data.lock.field')}
          inputRef={field}
          autocomplete="current-password"
          describedBy="lock-message"
          value={secret}
          onValue={setSecret}
        />
        <p class="actions">
          <button type="submit" class="button" disabled={busy || waiting}>
            {t('data.lock.unlock')}
          </button>
        </p>
        <p id="lock-message" class={message ? 'notice' : 'visually-hidden'} role="status">
          {message}
        </p>
      </form>
      {forgot === 'closed' ? (
        <button type="button" class="button button-quiet" onClick={() => setForgot('open')}>
          {t('data.lock.forgot')}
        </button>
      ) : (
        <div class="notice notice-warning" role="alertdialog" aria-labelledby="forgot-text">
          <p id="forgot-text">{t('data.lock.forgotText')}</p>
          <p class="actions">
            {forgot === 'open' ? (
              <button type="button" class="button button-danger" onClick={() => setForgot('confirm')}>
                {t('data.erase')}
              </button>
            ) : (
              <button
                type="button"
                class="button button-danger"
                onClick={async () => {
                  await eraseEverything();
                  location.replace(location.pathname);
                }}
              >
                {t('data.eraseConfirm')}
              </button>
            )}
            <button type="button" class="button button-quiet" onClick={() => setForgot('closed')}>
              {t('data.cancel')}
            </button>
          </p>
        </div>
      )}
    </main>
  );
}
