/** The course home: every module with its lessons, each with its state and best score. */
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n';
import { courseProgress } from '../../shared/progress';
import { LessonMeta } from '../components/LessonMeta';
import { lessonEntry, lessons, modules } from '../course';
import { useCourseData, usePageHeading } from '../hooks';
import { href } from '../router';

export function HomePage({ locale }: { locale: string }) {
  const data = useCourseData(locale);
  const heading = usePageHeading<HTMLHeadingElement>(Boolean(data));
  useEffect(() => {
    document.title = t('app.name');
  }, [locale]);
  if (!data) return <p class="loading">{t('app.loading')}</p>;

  const progress = courseProgress(lessons, data.saved.answers, data.saved.checklist, data.saved.lessons);
  return (
    <div class="page home">
      <h1 ref={heading} tabIndex={-1}>
        {t('home.title')}
      </h1>
      <p class="lede">{t('home.intro')}</p>
      {modules.map((module, index) => {
        const done = module.lessons.filter((id) => progress.get(id)?.state === 'done').length;
        return (
          <section key={module.id} class="module" aria-labelledby={`module-${module.id}`}>
            <h2 id={`module-${module.id}`}>
              <span class="eyebrow">{t('home.module', { number: index + 1 })}</span>
              {data.text.modules[module.id]}
            </h2>
            <p class="module-count">{t('home.moduleDone', { done, total: module.lessons.length })}</p>
            <ol class="cards">
              {module.lessons.map((id) => {
                const entry = lessonEntry(id);
                if (!entry) return null;
                return (
                  <li key={id} class="card">
                    <h3>
                      <a href={href(locale, { page: 'lesson', lessonId: id })}>
                        {data.text.lessons[id]?.title ?? id}
                      </a>
                    </h3>
                    <p>{data.text.lessons[id]?.summary}</p>
                    <LessonMeta entry={entry} progress={progress.get(id)} />
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
