/** The course home: every module with its lessons, each with its state and best score. */
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n';
import { courseProgress } from '../../shared/progress';
import { CourseUnavailable } from '../components/CourseUnavailable';
import { LessonMeta } from '../components/LessonMeta';
import { textLang } from '../components/text-lang';
import { useCourse, usePageHeading, useSavedProgress } from '../hooks';
import { LAST_LESSON_SETTING } from '../progress';
import { href } from '../router';
import { setTitle } from '../title';

export function HomePage({ locale }: { locale: string }) {
  const course = useCourse(locale);
  const saved = useSavedProgress();
  const ready = Boolean(course && saved);
  const heading = usePageHeading<HTMLHeadingElement>(ready);
  useEffect(() => {
    setTitle();
  }, [locale]);
  if (course === 'failed') return <CourseUnavailable />;
  if (!course || !saved) return <p class="loading">{t('app.loading')}</p>;

  const progress = courseProgress(course.lessons, saved.answered, saved.checklist, saved.lessons);
  const due = saved.due;
  // The lesson opened last, or the one after it once it is done; the first lesson for a new learner.
  const last = saved.settings.find(([key]) => key === LAST_LESSON_SETTING)?.[1];
  const lastLesson = typeof last === 'string' ? course.lesson(last) : undefined;
  const next =
    lastLesson && progress.get(lastLesson.id)?.state === 'done' ? course.next(lastLesson.id) : lastLesson;
  const resume = lastLesson ? next : course.lessons[0];
  return (
    <div class="page home">
      <h1 ref={heading} tabIndex={-1}>
        {t('home.title')}
      </h1>
      <p class="lede">{t('home.intro')}</p>
      <p class="home-help">
        <a href={href(locale, { page: 'help' })}>{t('home.help')}</a>
      </p>
      {(resume || due > 0) && (
        <div class="resume">
          {resume && (
            <p>
              <span class="eyebrow">{lastLesson ? t('home.continue') : t('home.startHere')}</span>
              <a
                class="button"
                href={href(locale, { page: 'lesson', lessonId: resume.id })}
                {...textLang(resume.textLocale)}
              >
                {resume.title}
              </a>
            </p>
          )}
          {due > 0 && (
            <p>
              <a class="button button-quiet" href={href(locale, { page: 'review' })}>
                {t('home.reviewDue', { count: due })}
              </a>
            </p>
          )}
        </div>
      )}
      {course.modules.map((module, index) => {
        const done = module.lessons.filter((id) => progress.get(id)?.state === 'done').length;
        return (
          <section key={module.id} class="module" aria-labelledby={`module-${module.id}`}>
            <h2 id={`module-${module.id}`}>
              <span class="eyebrow">{t('home.module', { number: index + 1 })}</span>
              <span {...textLang(module.textLocale)}>{module.title}</span>
            </h2>
            <p class="module-count">{t('home.moduleDone', { done, count: module.lessons.length })}</p>
            <ol class="cards">
              {module.lessons.map((id) => {
                const lesson = course.lesson(id);
                if (!lesson) return null;
                return (
                  <li key={id} class="card">
                    <h3>
                      <a
                        href={href(locale, { page: 'lesson', lessonId: id })}
                        {...textLang(lesson.textLocale)}
                      >
                        {lesson.title}
                      </a>
                    </h3>
                    <p {...textLang(lesson.textLocale)}>{lesson.summary}</p>
                    <LessonMeta entry={lesson} progress={progress.get(id)} />
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
