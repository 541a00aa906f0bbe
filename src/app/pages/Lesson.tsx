/** A lesson: its text, callouts, quiz and checklist, and the way on to the next lesson. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { formatDate, formatPercent } from '../../i18n/format';
import type { Lesson, LessonEntry } from '../../shared/types';
import { Checklist } from '../components/Checklist';
import { Quiz } from '../components/Quiz';
import { lessonEntry, loadCourseText, loadLesson, nextLesson } from '../course';
import { usePageHeading } from '../hooks';
import { href } from '../router';
import { useLessonProgress } from './lesson-progress';

interface Props {
  locale: string;
  lessonId: string;
}

export function LessonPage({ locale, lessonId }: Props) {
  const entry = lessonEntry(lessonId);
  const heading = usePageHeading<HTMLHeadingElement>(!entry);
  if (!entry) {
    return (
      <div class="page">
        <h1 ref={heading} tabIndex={-1}>
          {t('lesson.notFound')}
        </h1>
        <a href={href(locale, { page: 'home' })}>{t('lesson.allLessons')}</a>
      </div>
    );
  }
  return <LoadedLesson key={`${locale}/${lessonId}`} locale={locale} entry={entry} />;
}

function LoadedLesson({ locale, entry }: { locale: string; entry: LessonEntry }) {
  const [lesson, setLesson] = useState<Lesson | null>(null);
  const [failed, setFailed] = useState(false);
  const [nextTitle, setNextTitle] = useState<string | null>(null);
  const [tries, setTries] = useState(0);
  const progress = useLessonProgress(entry);
  const next = nextLesson(entry.id);
  const heading = usePageHeading<HTMLHeadingElement>(Boolean(lesson && progress.loaded) || failed);

  useEffect(() => {
    let live = true;
    setFailed(false);
    loadLesson(entry.id, locale).then(
      (loaded) => live && setLesson(loaded.lesson),
      () => live && setFailed(true),
    );
    if (next)
      loadCourseText(locale).then((text) => live && setNextTitle(text.lessons[next.id]?.title ?? null));
    return () => {
      live = false;
    };
  }, [entry.id, locale, tries]);

  useEffect(() => {
    if (lesson) document.title = `${lesson.title} · ${t('app.name')}`;
  }, [lesson]);

  if (failed) {
    return (
      <div class="page">
        <h1 ref={heading} tabIndex={-1} class="notice-heading">
          {t('lesson.loadFailed')}
        </h1>
        <button type="button" class="button" onClick={() => setTries((count) => count + 1)}>
          {t('lesson.tryAgain')}
        </button>{' '}
        <a href={href(locale, { page: 'home' })}>{t('lesson.allLessons')}</a>
      </div>
    );
  }
  if (!lesson || !progress.loaded) return <p class="loading">{t('lesson.opening')}</p>;

  const lastQuiz = lesson.blocks.map((block) => block.kind).lastIndexOf('quiz');
  return (
    <article class="page lesson" lang={lesson.locale}>
      <header class="lesson-header">
        <h1 ref={heading} tabIndex={-1}>
          {lesson.title}
        </h1>
        <p class="lede">{lesson.summary}</p>
        <p class="meta">
          <span>{t('lesson.minutes', { count: lesson.minutes })}</span>
          <span>{t(`lesson.level.${lesson.level}`)}</span>
          {progress.record?.bestPercent != null && (
            <span>{t('lesson.bestScore', { percent: formatPercent(progress.record.bestPercent) })}</span>
          )}
        </p>
      </header>
      {lesson.blocks.map((block, index) => {
        switch (block.kind) {
          case 'html':
            return <div key={index} class="prose" dangerouslySetInnerHTML={{ __html: block.html }} />;
          case 'callout':
            return (
              <aside
                key={index}
                class={`callout callout-${block.tone}`}
                aria-label={t(`lesson.${block.tone}`)}
              >
                <p class="callout-title">{t(`lesson.${block.tone}`)}</p>
                <div class="prose" dangerouslySetInnerHTML={{ __html: block.html }} />
              </aside>
            );
          case 'quiz':
            return (
              <Quiz
                key={index}
                lessonId={entry.id}
                questions={block.questions}
                allQuestions={entry.questions}
                progress={progress}
                showScore={index === lastQuiz}
              />
            );
          case 'checklist':
            return <Checklist key={index} lessonId={entry.id} items={block.items} progress={progress} />;
          default:
            // Trainer notes stay hidden from learners.
            return null;
        }
      })}
      <footer class="lesson-footer">
        <p class="meta">{t('lesson.reviewed', { date: formatDate(lesson.reviewed) })}</p>
        <nav class="lesson-nav" aria-label={t('lesson.allLessons')}>
          {next && nextTitle && (
            <a class="button" href={href(locale, { page: 'lesson', lessonId: next.id })}>
              {t('lesson.next', { title: nextTitle })}
            </a>
          )}
          <a href={href(locale, { page: 'home' })}>{t('lesson.allLessons')}</a>
        </nav>
      </footer>
    </article>
  );
}
