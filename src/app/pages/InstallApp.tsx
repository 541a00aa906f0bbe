/** "Install the app": the browser's prompt where it offers one, steps for iPhone, nothing once installed. */
import { t } from '../../i18n';
import { isInstalled, needsManualInstall } from '../../pwa/install';
import { useObservable } from '../state';
import { installPrompt } from '../updates';

export function InstallApp() {
  const prompt = useObservable(installPrompt);
  const manual = needsManualInstall();
  // The single file opened from the phone's files is offline already: there is nothing to install.
  if (isInstalled() || location.protocol === 'file:' || (!prompt && !manual)) return null;
  return (
    <section aria-labelledby="install-heading">
      <h2 id="install-heading">{t('install.title')}</h2>
      <p>{t('install.intro')}</p>
      {prompt ? (
        <button
          type="button"
          class="button"
          onClick={async () => {
            await prompt.prompt();
            await prompt.userChoice;
            installPrompt.set(null);
          }}
        >
          {t('install.button')}
        </button>
      ) : (
        <p>{t('install.ios')}</p>
      )}
    </section>
  );
}
