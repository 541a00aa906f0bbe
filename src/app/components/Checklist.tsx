/** "Actions to take": items the learner ticks off, saved as they are ticked. */
import { t } from '../../i18n';
import type { ChecklistItem } from '../../shared/types';
import type { LessonProgressState } from '../pages/lesson-progress';
import type { TextLang } from './text-lang';

interface Props {
  lessonId: string;
  items: ChecklistItem[];
  progress: LessonProgressState;
  /** Language and direction of the lesson text. */
  text: TextLang;
}

export function Checklist({ lessonId, items, progress, text }: Props) {
  const headingId = `checklist-${items[0]?.id}`;
  const done = items.filter((item) => progress.ticked.has(item.id)).length;
  return (
    <section class="checklist" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('checklist.title')}</h2>
      <p class="checklist-count">{t('checklist.done', { done, total: items.length })}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <label>
              <input
                type="checkbox"
                name={`${lessonId}--${item.id}`}
                // The browser would otherwise keep which actions were ticked in its session files.
                autocomplete="off"
                checked={progress.ticked.has(item.id)}
                onChange={(event) => void progress.tick(item.id, event.currentTarget.checked)}
              />
              <span {...text} dangerouslySetInnerHTML={{ __html: item.html }} />
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
