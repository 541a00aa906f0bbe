/** The short facts about a lesson shown on cards: minutes, level, state and best score. */
import { t } from '../../i18n';
import { formatPercent } from '../../i18n/format';
import type { LessonProgress } from '../../shared/progress';
import type { LessonEntry } from '../../shared/types';

export function LessonMeta({
  entry,
  progress,
}: {
  entry: LessonEntry;
  progress: LessonProgress | undefined;
}) {
  const state = progress?.state ?? 'not-started';
  return (
    <p class="meta">
      <span>{t('lesson.minutes', { count: entry.minutes })}</span>
      <span>{t(`lesson.level.${entry.level}`)}</span>
      <span class={`state state-${state}`}>{t(`lesson.state.${state}`)}</span>
      {progress?.bestPercent != null && (
        <span>{t('lesson.bestScore', { percent: formatPercent(progress.bestPercent) })}</span>
      )}
    </p>
  );
}
