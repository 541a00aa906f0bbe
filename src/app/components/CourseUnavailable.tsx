/** Shown when the course index could not be loaded: offline before the app was saved on the phone. */
import { t } from '../../i18n';

export function CourseUnavailable() {
  return (
    <div class="notice notice-warning" role="alert">
      <p>{t('lesson.loadFailed')}</p>
      <button type="button" class="button" onClick={() => location.reload()}>
        {t('lesson.tryAgain')}
      </button>
    </div>
  );
}
