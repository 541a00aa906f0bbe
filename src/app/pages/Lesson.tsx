/** A lesson: its text, callouts, quiz and checklist, and the way on to the next lesson. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { formatDate, formatPercent } from '../../i18n/format';
import { direction, SOURCE_LOCALE } from '../../shared/locales';
import type { Lesson, LessonInfo } from '../../shared/types';
import { Checklist } from '../components/Checklist';
import { CourseUnavailable } from '../components/CourseUnavailable';
import { Quiz } from '../components/Quiz';
import { textLang } from '../components/text-lang';
import type { Course } from '../course';
import { useCourse, usePageHeading } from '../hooks';
import { LAST_LESSON_SETTING, progressStore } from '../progress';
import { href } from '../router';
import { setTitle } from '../title';
import type { AnswerKey as Key } from './AnswerKey';
import type { loadLawNotes } from './law-notes';
import { useLessonProgress } from './lesson-progress';

interface Props {
  locale: string;
  lessonId: string;
  /** A section to open at (from a search result). */
  section?: number;
}

export function LessonPage({ locale, lessonId, section }: Props) {
  const course = useCourse(locale);
  const entry = course && course !== 'failed' ? course.lesson(lessonId) : undefined;
  const missing = Boolean(course && course !== 'failed' && !entry);
  const heading = usePageHeading<HTMLHeadingElement>(missing);
  if (course === 'failed') return <CourseUnavailable />;
  if (!course) return <p class="loading">{t('lesson.opening')}</p>;
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
  return (
    <LoadedLesson
      key={`${locale}/${lessonId}`}
      locale={locale}
      course={course}
      entry={entry}
      section={section}
    />
  );
}

interface LoadedProps {
  locale: string;
  course: Course;
  entry: LessonInfo;
  section?: number;
}

function LoadedLesson({ locale, course, entry, section }: LoadedProps) {
  const [lesson, setLesson] = useState<Lesson | null>(null);
  const [isFallback, setFallback] = useState(false);
  const [failed, setFailed] = useState(false);
  const [tries, setTries] = useState(0);
  const progress = useLessonProgress(entry);
  const next = course.next(entry.id);
  const heading = usePageHeading<HTMLHeadingElement>(
    (Boolean(lesson && progress.loaded) || failed) && !section,
  );
  const article = useRef<HTMLElement>(null);
  const law = useLawNotes(lesson);
  // Only printed: its code loads after the lesson is drawn, not with the first page.
  const [AnswerKey, setAnswerKey] = useState<typeof Key>();
  useEffect(() => void import('./AnswerKey').then((module) => setAnswerKey(() => module.AnswerKey)), []);

  // Opened at a section (from search): move there, so keyboard and screen-reader users start at it.
  useEffect(() => {
    if (!section || !lesson || !progress.loaded) return;
    // Only lessons opened from search need it: loaded then, not with every lesson.
    const landing = import('./section-landing').then((module) => module.landOnSection(section, article));
    return () => void landing.then((stop) => stop());
  }, [section, lesson, progress.loaded]);

  // Glossary terms in the text are buttons that show their definition in place (one listener for all).
  useEffect(() => {
    const element = article.current;
    if (!element) return;
    // Listen (reading aloud): offered only where the phone has a voice of its own (listen/mount.tsx).
    void import('../listen/mount').then((module) => module.mountListen(element));
    // The definition code loads on the first press of a term, not with every lesson.
    const onClick = (event: Event) => {
      if (!(event.target instanceof Element) || !event.target.closest('button.term')) return;
      void import('./term-definitions').then(({ toggleTermDefinition }) =>
        toggleTermDefinition(event.target, () => course.glossary()),
      );
    };
    element.addEventListener('click', onClick);
    return () => element.removeEventListener('click', onClick);
    // The article is drawn only once both the lesson and the progress have loaded.
  }, [lesson, course, progress.loaded]);

  useEffect(() => {
    let live = true;
    setFailed(false);
    course.load(entry.id).then(
      (loaded) => {
        if (!live) return;
        setLesson(loaded.lesson);
        setFallback(loaded.isFallback);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [course, entry.id, tries]);

  useEffect(() => {
    if (!lesson) return;
    // The kind of page only: the title stays in the browser's history and list of open apps.
    setTitle(t('lesson.page'));
    void progressStore().then((store) => store.setSetting(LAST_LESSON_SETTING, entry.id));
  }, [lesson, entry.id]);

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
  const status = lesson.translation?.status;
  // The lesson's own language, which differs from the interface's when it is shown in English.
  const text = textLang(lesson.locale);
  return (
    <div class="page">
      {isFallback && (
        <p class="notice" role="note">
          {t('lesson.notTranslated')}
        </p>
      )}
      {lesson.translation?.stale && (
        <div class="notice notice-warning" role="note">
          <p>{t('lesson.stale')}</p>
          <a href={href(SOURCE_LOCALE, { page: 'lesson', lessonId: entry.id })}>{t('lesson.readEnglish')}</a>
        </div>
      )}
      <article class="lesson" ref={article}>
        <header class="lesson-header">
          <h1 ref={heading} tabIndex={-1} {...text}>
            {lesson.title}
          </h1>
          {status && status !== 'reviewed' && (
            <p class="badge" lang={locale} dir={direction(locale)}>
              {t(`lesson.unreviewed.${status}`)}
            </p>
          )}
          <p class="lede" {...text}>
            {lesson.summary}
          </p>
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
              return (
                <div key={index} class="prose" {...text} dangerouslySetInnerHTML={{ __html: block.html }} />
              );
            case 'callout':
              return (
                // A note, not a landmark: a lesson may have two warnings, and landmarks need names of their own.
                <div key={index} role="note" class={`callout callout-${block.tone}`}>
                  <p class="callout-title">{t(`lesson.${block.tone}`)}</p>
                  <div class="prose" {...text} dangerouslySetInnerHTML={{ __html: block.html }} />
                </div>
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
                  text={text}
                />
              );
            case 'checklist':
              return (
                <Checklist
                  key={index}
                  lessonId={entry.id}
                  items={block.items}
                  progress={progress}
                  text={text}
                />
              );
            case 'law':
              return (
                law && <law.Box key={index} note={block} locale={locale} country={law.country} text={text} />
              );
            default:
              // Trainer notes: in the page, but shown only in trainer mode (styles.css, data-trainer).
              return (
                <aside key={index} class="trainer-notes" aria-label={t('lesson.trainerNotes')}>
                  <p class="callout-title">{t('lesson.trainerNotes')}</p>
                  <div class="prose" {...text} dangerouslySetInnerHTML={{ __html: block.html }} />
                </aside>
              );
          }
        })}
        {AnswerKey && <AnswerKey lesson={lesson} />}
        <footer class="lesson-footer">
          <p class="meta">{t('lesson.reviewed', { date: formatDate(lesson.reviewed) })}</p>
          <nav class="lesson-nav" aria-label={t('lesson.allLessons')}>
            <a class="trainer-only" href={href(locale, { page: 'present', lessonId: entry.id })}>
              {t('lesson.present')}
            </a>
            {next && (
              <a class="button" href={href(locale, { page: 'lesson', lessonId: next.id })}>
                {t('lesson.next', { title: next.title })}
                {/* Points the way text runs: mirrored in right-to-left languages. */}
                <svg
                  class="icon-forward"
                  viewBox="0 0 24 24"
                  width="20"
                  height="20"
                  aria-hidden="true"
                  focusable="false"
                >
                  <path d="M5 12h13M13 6l6 6-6 6" fill="none" stroke="currentColor" stroke-width="2.5" />
                </svg>
              </a>
            )}
            <a href={href(locale, { page: 'home' })}>{t('lesson.allLessons')}</a>
          </nav>
        </footer>
      </article>
    </div>
  );
}

type LawNotes = Awaited<ReturnType<typeof loadLawNotes>>;

/** The law notes' box and the learner's country, loaded only for a lesson that has law notes. */
function useLawNotes(lesson: Lesson | null): LawNotes | null {
  const [law, setLaw] = useState<LawNotes | null>(null);
  const wanted = Boolean(lesson?.blocks.some((block) => block.kind === 'law'));
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    // Should the notes fail to load, the lesson still reads in full without them.
    import('./law-notes')
      .then((module) => module.loadLawNotes())
      .then(
        (loaded) => live && setLaw(loaded),
        () => {},
      );
    return () => {
      live = false;
    };
  }, [wanted]);
  return law;
}
