/** Progress per module and lesson: questions answered, best score, actions done. */
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n';
import { formatPercent } from '../../i18n/format';
import { courseProgress } from '../../shared/progress';
import { CourseUnavailable } from '../components/CourseUnavailable';
import { textLang } from '../components/text-lang';
import { useCourse, usePageHeading, useSavedProgress } from '../hooks';
import { href } from '../router';
import { setTitle } from '../title';

export default function ProgressPage({ locale }: { locale: string }) {
  const course = useCourse(locale);
  const saved = useSavedProgress();
  const heading = usePageHeading<HTMLHeadingElement>(Boolean(course && saved));
  useEffect(() => {
    setTitle(t('progress.title'));
  }, [locale]);
  if (course === 'failed') return <CourseUnavailable />;
  if (!course || !saved) return <p class="loading">{t('app.loading')}</p>;

  const progress = courseProgress(course.lessons, saved.answered, saved.checklist, saved.lessons);
  const done = [...progress.values()].filter((lesson) => lesson.state === 'done').length;
  return (
    <div class="page progress">
      <h1 ref={heading} tabIndex={-1}>
        {t('progress.title')}
      </h1>
      <p class="lede">{t('progress.intro')}</p>
      <p class="total">{t('progress.lessonsDone', { done, count: course.lessons.length })}</p>
      {course.modules.map((module) => (
        <section key={module.id} class="module" aria-labelledby={`progress-${module.id}`}>
          <h2 id={`progress-${module.id}`} {...textLang(module.textLocale)}>
            {module.title}
          </h2>
          <ul class="progress-list">
            {module.lessons.map((id) => {
              const lesson = course.lesson(id);
              const state = progress.get(id);
              if (!lesson || !state) return null;
              return (
                <li key={id}>
                  <h3>
                    <a href={href(locale, { page: 'lesson', lessonId: id })} {...textLang(lesson.textLocale)}>
                      {lesson.title}
                    </a>
                  </h3>
                  <p>{t('progress.answered', { answered: state.answered, total: state.total })}</p>
                  <div class="bar" aria-hidden="true">
                    <span
                      style={{ inlineSize: `${state.total ? (state.answered / state.total) * 100 : 0}%` }}
                    />
                  </div>
                  <p>
                    {state.bestPercent == null
                      ? t('progress.noScore')
                      : t('progress.score', { percent: formatPercent(state.bestPercent) })}
                  </p>
                  <p>{t('progress.actions', { done: state.checklistDone, total: state.checklistTotal })}</p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
