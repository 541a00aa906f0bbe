/** Presentation mode: a lesson as full-screen slides for a workshop, quizzes as class polls. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { direction } from '../../shared/locales';
import { lessonSlides, type Slide } from '../../shared/slides';
import type { Lesson } from '../../shared/types';
import { CourseUnavailable } from '../components/CourseUnavailable';
import { textLang } from '../components/text-lang';
import { useCourse } from '../hooks';
import { href } from '../router';
import { setTitle } from '../title';
import { useFullScreen } from './full-screen';

/** One slide; `long` when a revealed poll did not fit the screen in two columns. */
function SlideView({ slide, revealed, long }: { slide: Slide; revealed: boolean; long: boolean }) {
  switch (slide.kind) {
    case 'title':
      return (
        <>
          <h1>{slide.title}</h1>
          <p class="lede">{slide.summary}</p>
        </>
      );
    case 'content':
      return (
        <>
          {slide.html.map((html, i) => (
            <div key={i} class="prose" dangerouslySetInnerHTML={{ __html: html }} />
          ))}
          {slide.callouts.map((callout, i) => (
            <aside
              key={`c${i}`}
              class={`callout callout-${callout.tone}`}
              aria-label={t(`lesson.${callout.tone}`)}
            >
              <div class="prose" dangerouslySetInnerHTML={{ __html: callout.html }} />
            </aside>
          ))}
        </>
      );
    case 'poll': {
      const right = slide.question.options.filter((option) => option.correct);
      return (
        <>
          <p class="eyebrow">{t('quiz.title')}</p>
          <h2 class="poll-prompt" dangerouslySetInnerHTML={{ __html: slide.question.prompt }} />
          {/* On a wide screen the explanation stands beside the options, so that all fits one screen. */}
          <div class={revealed ? `poll poll-revealed${long ? ' poll-long' : ''}` : 'poll'}>
            <ol class="poll-options">
              {slide.question.options.map((option) => (
                <li key={option.id} class={revealed ? (option.correct ? 'is-right' : 'is-wrong') : ''}>
                  <span dangerouslySetInnerHTML={{ __html: option.html }} />
                  {/* A line of its own: run into the option, the two read as one phrase. */}
                  {revealed && option.correct && <p class="verdict">{t('quiz.rightAnswer')}</p>}
                </li>
              ))}
            </ol>
            {/* Why the right answer is right; the other options' reasons are the class's to discuss. */}
            {revealed && (
              <div class="poll-why">
                {right.map((option) => (
                  <div
                    key={option.id}
                    class="explanation"
                    dangerouslySetInnerHTML={{ __html: option.explanation }}
                  />
                ))}
              </div>
            )}
          </div>
        </>
      );
    }
    default:
      return (
        <>
          <h2>{t('checklist.title')}</h2>
          <ul>
            {slide.items.map((item) => (
              <li key={item.id} dangerouslySetInnerHTML={{ __html: item.html }} />
            ))}
          </ul>
        </>
      );
  }
}

export default function PresentPage({ locale, lessonId }: { locale: string; lessonId: string }) {
  const course = useCourse(locale);
  const [lesson, setLesson] = useState<Lesson | null>(null);
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [long, setLong] = useState(false);
  const [full, toggleFullScreen] = useFullScreen();
  const slideRef = useRef<HTMLDivElement>(null);
  const navRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const entry = course && course !== 'failed' ? course.lesson(lessonId) : undefined;
    if (!course || course === 'failed' || !entry) return;
    void course.load(entry.id).then(({ lesson: loaded }) => setLesson(loaded));
  }, [course, lessonId]);

  // Worked out once per lesson, not on every slide change: long sections are split by text length.
  const slides = useMemo(() => (lesson ? lessonSlides(lesson) : []), [lesson]);
  const rtl = lesson ? direction(lesson.locale) === 'rtl' : false;
  const go = (step: number) => {
    setIndex((current) => Math.min(Math.max(current + step, 0), Math.max(slides.length - 1, 0)));
    setRevealed(false);
    setLong(false);
  };

  useEffect(() => {
    // Arrows follow the reading direction; a clicker sends PageDown and PageUp.
    const onKey = (event: KeyboardEvent) => {
      const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
      const back = rtl ? 'ArrowRight' : 'ArrowLeft';
      if ([forward, 'PageDown', ' '].includes(event.key)) go(1);
      else if ([back, 'PageUp'].includes(event.key)) go(-1);
      else return;
      event.preventDefault();
    };
    let startX: number | null = null;
    const onDown = (event: PointerEvent) => {
      startX = event.clientX;
    };
    const onUp = (event: PointerEvent) => {
      if (startX === null) return;
      const moved = event.clientX - startX;
      startX = null;
      // A swipe towards the start of the line shows the next slide.
      if (Math.abs(moved) > 60) go(moved < 0 !== rtl ? 1 : -1);
    };
    addEventListener('keydown', onKey);
    addEventListener('pointerdown', onDown);
    addEventListener('pointerup', onUp);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('pointerdown', onDown);
      removeEventListener('pointerup', onUp);
    };
  }, [rtl, slides.length]);

  // Each slide starts at its top, the first one too, wherever the page before was scrolled to.
  useLayoutEffect(() => {
    if (lesson) scrollTo({ top: 0, behavior: 'instant' });
  }, [lesson, index]);

  // A revealed poll longer than the screen takes one more column: measured once drawn, and again
  // once its font has come (Nastaliq sets taller lines than the fallback).
  useLayoutEffect(() => {
    if (!revealed || long) return;
    const check = () => {
      const bottom = slideRef.current?.getBoundingClientRect().bottom ?? 0;
      const controls = navRef.current?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY;
      if (bottom > controls + 1) setLong(true);
    };
    check();
    void document.fonts.ready.then(check);
  }, [revealed, long, full, index]);

  useEffect(() => {
    // "Slides", never the lesson: the title stays in the browser's history.
    setTitle(t('present.controls'));
  }, [locale]);

  if (course === 'failed') return <CourseUnavailable />;
  const slide = slides[index];
  if (!lesson || !slide) return <p class="loading">{t('app.loading')}</p>;
  return (
    <div class="presentation">
      <div class="slide" ref={slideRef} {...textLang(lesson.locale)}>
        <SlideView slide={slide} revealed={revealed} long={long} />
      </div>
      <nav class="slide-nav" ref={navRef} aria-label={t('present.controls')}>
        <button type="button" class="button button-quiet" onClick={() => go(-1)} disabled={index === 0}>
          {t('present.previous')}
        </button>
        <span class="slide-position" aria-live="polite">
          {t('present.position', { number: index + 1, total: slides.length })}
        </span>
        <button type="button" class="button" onClick={() => go(1)} disabled={index === slides.length - 1}>
          {t('present.next')}
        </button>
        {slide.kind === 'poll' && !revealed && (
          <button type="button" class="button" onClick={() => setRevealed(true)}>
            {t('present.reveal')}
          </button>
        )}
        <button type="button" class="button button-quiet" aria-pressed={full} onClick={toggleFullScreen}>
          {t('present.fullScreen')}
        </button>
        <a href={href(locale, { page: 'lesson', lessonId })}>{t('present.exit')}</a>
      </nav>
    </div>
  );
}
