/** Settings: language, text size, colours, storage on this phone, and the learner's data. */
import site from 'virtual:site';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { type Appearance, loadAppearance, saveAppearance, TEXT_SIZES, THEMES } from '../appearance';
import { Choices, PasswordField } from '../components/fields';
import { LocaleSelect } from '../components/LanguageSwitcher';
import { useCourse, usePageHeading } from '../hooks';
import { LockSettings } from '../lock/LockSettings';
import { CodeWordSetting } from '../notepad/CodeWordSetting';
import { privateSession } from '../private-session';
import type { Route } from '../router';
import { setTitle } from '../title';
import { eraseEverything } from './erase';
import { InstallApp } from './InstallApp';
import { setPrivateSession } from './private-toggle';
import { exportProgress, importProgress, MIN_PASSPHRASE } from './progress-data';
import { type StorageReport, storageReport } from './settings-storage';

function megabytes(bytes: number): string {
  return new Intl.NumberFormat(document.documentElement.lang, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  }).format(bytes / 1_000_000);
}

export default function SettingsPage({ route }: { route: Route }) {
  const course = useCourse(route.locale);
  const [appearance, setAppearance] = useState<Appearance | null>(null);
  const [report, setReport] = useState<StorageReport | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [locked, setLocked] = useState<File | null>(null);
  const [unlockPassphrase, setUnlockPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [privately, setPrivately] = useState(privateSession);
  /** The private-session choice being applied, shown while the switch runs. */
  const [switching, setSwitching] = useState<boolean | null>(null);
  const [privateMessage, setPrivateMessage] = useState('');
  const heading = usePageHeading<HTMLHeadingElement>(appearance !== null);

  /** Opens a progress file; a protected one first asks for its passphrase. */
  async function openFile(file: File, filePassphrase?: string): Promise<void> {
    setBusy(true);
    if (filePassphrase !== undefined) setMessage({ text: t('data.working'), error: false });
    const outcome = await importProgress(file, filePassphrase).finally(() => setBusy(false));
    if (outcome === 'locked') {
      setLocked(file);
      setUnlockPassphrase('');
      setMessage({ text: t('data.locked'), error: false });
      return;
    }
    if (outcome !== 'wrong-passphrase') setLocked(null);
    setMessage(
      outcome
        ? { text: t(`data.problems.${outcome}`), error: true }
        : { text: t('data.imported'), error: false },
    );
  }

  useEffect(() => {
    setTitle(t('settings.title'));
    void loadAppearance().then(setAppearance);
  }, []);
  useEffect(() => {
    if (!course || course === 'failed') return;
    const lessons = course.lessons.map((lesson) => ({
      id: lesson.id,
      locale: lesson.locales.includes(route.locale) ? route.locale : 'en',
    }));
    void storageReport(lessons).then(setReport);
  }, [course, route.locale]);

  if (!appearance) return <p class="loading">{t('app.loading')}</p>;
  const update = (change: Partial<Appearance>) => {
    const next = { ...appearance, ...change };
    setAppearance(next);
    void saveAppearance(next);
  };

  return (
    <div class="page settings">
      <h1 ref={heading} tabIndex={-1}>
        {t('settings.title')}
      </h1>

      <label class="field">
        <span>{t('settings.language')}</span>
        <LocaleSelect route={route} />
      </label>

      {site.notepad && <CodeWordSetting />}

      <Choices
        legend={t('settings.textSize')}
        name="text-size"
        choices={TEXT_SIZES}
        chosen={appearance.textSize}
        onChoose={(textSize) => update({ textSize })}
        label={(size) => (
          <span style={{ fontSize: `${Number(size) / 100}em` }}>{t(`settings.textSizes.${size}`)}</span>
        )}
      />

      <Choices
        legend={t('settings.theme')}
        name="theme"
        choices={THEMES}
        chosen={appearance.theme}
        onChoose={(theme) => update({ theme })}
        label={(theme) => <span>{t(`settings.themes.${theme}`)}</span>}
      />

      <InstallApp />

      <label class="field checkbox-field">
        <input
          type="checkbox"
          checked={appearance.trainerMode}
          onChange={(event) => update({ trainerMode: event.currentTarget.checked })}
        />
        <span>
          {t('settings.trainerMode')}
          <span class="hint">{t('settings.trainerModeHint')}</span>
        </span>
      </label>

      <label class="field checkbox-field">
        <input
          type="checkbox"
          checked={switching ?? privately}
          disabled={switching !== null}
          aria-describedby="private-message"
          onChange={async (event) => {
            const on = event.currentTarget.checked;
            setSwitching(on);
            setPrivateMessage('');
            const done = await setPrivateSession(on).finally(() => setSwitching(null));
            if (done) setPrivately(on);
            setPrivateMessage(
              t(done ? (on ? 'settings.privateOn' : 'settings.privateOff') : 'settings.privateFailed'),
            );
          }}
        />
        <span>
          {t('settings.privateSession')}
          <span class="hint">{t('settings.privateSessionHint')}</span>
        </span>
      </label>
      <p id="private-message" class={privateMessage ? 'notice' : 'visually-hidden'} role="status">
        {privateMessage}
      </p>

      <section aria-labelledby="storage-heading">
        <h2 id="storage-heading">{t('settings.storage')}</h2>
        {report && (
          <ul class="facts">
            {report.persisted !== null && (
              <li>{report.persisted ? t('settings.persisted') : t('settings.notPersisted')}</li>
            )}
            {report.usedBytes !== null && (
              <li>{t('settings.usage', { used: megabytes(report.usedBytes) })}</li>
            )}
            <li>
              {report.offline
                ? t('settings.offline', { count: report.offline.saved, total: report.offline.total })
                : t(location.protocol === 'file:' ? 'settings.offlineFile' : 'settings.offlineUnknown')}
            </li>
          </ul>
        )}
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">{t('data.title')}</h2>
        <p>{t('data.intro')}</p>
        <PasswordField
          label={t('data.passphrase')}
          autocomplete="new-password"
          describedBy="passphrase-hint"
          value={passphrase}
          onValue={setPassphrase}
        />
        <p class="hint" id="passphrase-hint">
          {t('data.passphraseHint', { count: MIN_PASSPHRASE })}
        </p>
        <p class="actions">
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={async () => {
              if (passphrase && passphrase.length < MIN_PASSPHRASE) {
                setMessage({ text: t('data.passphraseShort', { count: MIN_PASSPHRASE }), error: true });
                return;
              }
              setMessage(passphrase ? { text: t('data.working'), error: false } : null);
              setBusy(true);
              await exportProgress(passphrase).finally(() => setBusy(false));
              setMessage(null);
            }}
          >
            {t('data.export')}
          </button>
          <label class="button button-quiet file-button">
            {t('data.import')}
            <input
              type="file"
              accept="application/json,.json"
              class="visually-hidden"
              onChange={(event) => {
                const input = event.currentTarget;
                const file = input.files?.[0];
                input.value = '';
                if (file) void openFile(file);
              }}
            />
          </label>
        </p>
        {locked && (
          <form
            class="unlock"
            onSubmit={(event) => {
              event.preventDefault();
              void openFile(locked, unlockPassphrase);
            }}
          >
            <PasswordField
              label={t('data.unlockLabel')}
              autocomplete="off"
              required
              value={unlockPassphrase}
              onValue={setUnlockPassphrase}
            />
            <p class="actions">
              <button type="submit" class="button" disabled={busy}>
                {t('data.unlock')}
              </button>
              <button
                type="button"
                class="button button-quiet"
                onClick={() => {
                  setLocked(null);
                  setMessage(null);
                }}
              >
                {t('data.cancel')}
              </button>
            </p>
          </form>
        )}
        <p
          class={message?.error ? 'notice notice-warning' : message ? 'notice' : 'visually-hidden'}
          role="status"
        >
          {message?.text}
        </p>

        {/* A private session keeps nothing on the phone: there is nothing to lock. */}
        {!privately && <LockSettings locale={route.locale} />}

        {!confirming ? (
          <button type="button" class="button button-danger" onClick={() => setConfirming(true)}>
            {t('data.erase')}
          </button>
        ) : (
          <div class="notice notice-warning" role="alertdialog" aria-labelledby="erase-warning">
            <p id="erase-warning">{t('data.eraseWarning')}</p>
            <p class="actions">
              <button type="button" class="button button-danger" onClick={() => void eraseEverything()}>
                {t('data.eraseConfirm')}
              </button>
              <button type="button" class="button button-quiet" onClick={() => setConfirming(false)}>
                {t('data.cancel')}
              </button>
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
