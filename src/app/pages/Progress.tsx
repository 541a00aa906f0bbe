/** Progress per module and lesson: questions answered, best score, actions done. */
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n';
import { formatPercent } from '../../i18n/format';
import { courseProgress } from '../../shared/progress';
import { lessons, modules } from '../course';
import { useCourseData, usePageHeading } from '../hooks';
import { href } from '../router';

export default function ProgressPage({ locale }: { locale: string }) {
  const data = useCourseData(locale);
  const heading = usePageHeading<HTMLHeadingElement>(Boolean(data));
  useEffect(() => {
    document.title = `${t('progress.title')} · ${t('app.name')}`;
  }, [locale]);
  if (!data) return <p class="loading">{t('app.loading')}</p>;

  const progress = courseProgress(lessons, data.saved.answers, data.saved.checklist, data.saved.lessons);
  const done = [...progress.values()].filter((lesson) => lesson.state === 'done').length;
  return (
    <div class="page progress">
      <h1 ref={heading} tabIndex={-1}>
        {t('progress.title')}
      </h1>
      <p class="lede">{t('progress.intro')}</p>
      <p class="total">{t('progress.lessonsDone', { done, total: lessons.length })}</p>
      {modules.map((module) => (
        <section key={module.id} class="module" aria-labelledby={`progress-${module.id}`}>
          <h2 id={`progress-${module.id}`}>{data.text.modules[module.id]}</h2>
          <ul class="progress-list">
            {module.lessons.map((id) => {
              const lesson = progress.get(id);
              if (!lesson) return null;
              return (
                <li key={id}>
                  <h3>
                    <a href={href(locale, { page: 'lesson', lessonId: id })}>
                      {data.text.lessons[id]?.title ?? id}
                    </a>
                  </h3>
                  <p>{t('progress.answered', { answered: lesson.answered, total: lesson.total })}</p>
                  <div class="bar" aria-hidden="true">
                    <span
                      style={{ inlineSize: `${lesson.total ? (lesson.answered / lesson.total) * 100 : 0}%` }}
                    />
                  </div>
                  <p>
                    {lesson.bestPercent == null
                      ? t('progress.noScore')
                      : t('progress.score', { percent: formatPercent(lesson.bestPercent) })}
                  </p>
                  <p>{t('progress.actions', { done: lesson.checklistDone, total: lesson.checklistTotal })}</p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
