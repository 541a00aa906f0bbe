/**
 * The app lock in Settings ("Your data"): off by default; on, its options, changing the PIN, the
 * decoy PIN and turning it off. In a decoy session the lock shows as on, as any locked app's
 * would, and every change is refused with the same calm line (see docs/security.md).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { LockChange } from '../../storage/locking';
import { PasswordField } from '../components/fields';
import { useObservable } from '../state';
import {
  changeDecoy,
  changeLockOptions,
  changeLockSecret,
  ERASE_AFTER,
  LOCK_AFTER,
  lockOptions,
  lockWith,
  MIN_SECRET,
  unlockForGood,
} from './actions';
import { lockSession } from './session';

type Action = 'on' | 'change' | 'decoy' | 'undecoy' | 'off';
/** Which fields each action asks for. */
const FIELDS: Record<Action, ('current' | 'new' | 'repeat' | 'decoy')[]> = {
  on: ['new', 'repeat'],
  change: ['current', 'new', 'repeat'],
  decoy: ['current', 'decoy'],
  undecoy: ['current'],
  off: ['current'],
};

/** The message for what a change came to. */
function said(action: Action, outcome: LockChange): { text: string; error: boolean } {
  if (outcome === 'done') return { text: t(`data.lock.done.${action}`), error: false };
  return { text: t(`data.lock.problems.${outcome}`), error: true };
}

export function LockSettings({ locale }: { locale: string }) {
  const session = useObservable(lockSession);
  const [options, setOptions] = useState<{ lockAfter: number; eraseAfter: number } | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void lockOptions().then(setOptions);
  }, [session]);

  async function submit(event: Event) {
    event.preventDefault();
    if (!action) return;
    const { current = '', decoy = '' } = values;
    const next = values.new ?? '';
    const fresh = FIELDS[action].includes('new') ? next : decoy;
    if (FIELDS[action].includes('new') || action === 'decoy') {
      if (fresh.length < MIN_SECRET)
        return setMessage({ text: t('data.lock.problems.short', { count: MIN_SECRET }), error: true });
      if (action !== 'decoy' && next !== values.repeat)
        return setMessage({ text: t('data.lock.problems.mismatch'), error: true });
    }
    setBusy(true);
    setMessage({ text: t('data.working'), error: false });
    const run: Record<Action, () => Promise<LockChange>> = {
      on: () => lockWith(next, LOCK_AFTER[0], locale),
      change: () => changeLockSecret(current, next),
      decoy: () => changeDecoy(current, decoy),
      undecoy: () => changeDecoy(current, null),
      off: () => unlockForGood(current),
    };
    const outcome = await run[action]().catch((): LockChange => 'none');
    setBusy(false);
    setMessage(said(action, outcome));
    if (outcome === 'done') {
      setAction(null);
      setValues({});
    }
  }

  async function option(change: { lockAfter?: number; eraseAfter?: number }) {
    const outcome = await changeLockOptions(change);
    if (outcome === 'done' && options) setOptions({ ...options, ...change });
    setMessage(outcome === 'done' ? null : said('change', outcome));
  }

  const start = (chosen: Action) => {
    setAction(chosen);
    setValues({});
    setMessage(null);
  };

  return (
    <section aria-labelledby="lock-heading" class="app-lock">
      <h3 id="lock-heading">{t('data.lock.title')}</h3>
      <p>{session ? t('data.lock.isOn') : t('data.lock.intro')}</p>
      <p class="hint">{t('data.lock.forgetWarning')}</p>
      {session && options && (
        <>
          <fieldset class="choices">
            <legend>{t('data.lock.after')}</legend>
            {LOCK_AFTER.map((after) => (
              <label key={after}>
                <input
                  type="radio"
                  name="lock-after"
                  checked={options.lockAfter === after}
                  onChange={() => void option({ lockAfter: after })}
                />
                <span>{t(`data.lock.afterOptions.${after}`)}</span>
              </label>
            ))}
          </fieldset>
          <label class="field">
            {t('data.lock.eraseAfter')}
            <select
              value={options.eraseAfter}
              onChange={(event) => void option({ eraseAfter: Number(event.currentTarget.value) })}
            >
              {ERASE_AFTER.map((count) => (
                <option key={count} value={count}>
                  {count === 0 ? t('data.lock.eraseNever') : t('data.lock.eraseAfterTries', { count })}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {action ? (
        <form class="lock-form" onSubmit={submit}>
          {action === 'decoy' && <p class="hint">{t('data.lock.decoyHint')}</p>}
          {FIELDS[action].map((name) => (
            <PasswordField
              key={name}
              label={t(`data.lock.fields.${name}`)}
              autocomplete={name === 'current' ? 'current-password' : 'new-password'}
              required
              value={values[name] ?? ''}
              onValue={(value) => setValues({ ...values, [name]: value })}
            />
          ))}
          <p class="actions">
            <button
              type="submit"
              class={action === 'off' ? 'button button-danger' : 'button'}
              disabled={busy}
            >
              {t(`data.lock.actions.${action}`)}
            </button>
            <button type="button" class="button button-quiet" onClick={() => setAction(null)}>
              {t('data.cancel')}
            </button>
          </p>
        </form>
      ) : (
        <p class="actions">
          {session ? (
            (['change', 'decoy', 'undecoy', 'off'] as const).map((chosen) => (
              <button key={chosen} type="button" class="button button-quiet" onClick={() => start(chosen)}>
                {t(`data.lock.actions.${chosen}`)}
              </button>
            ))
          ) : (
            <button type="button" class="button" onClick={() => start('on')}>
              {t('data.lock.set')}
            </button>
          )}
        </p>
      )}
      <p
        class={message?.error ? 'notice notice-warning' : message ? 'notice' : 'visually-hidden'}
        role="status"
      >
        {message?.text}
      </p>
    </section>
  );
}
