/** Review: the questions due today, asked again with their options shuffled, then rescheduled. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { dueToday, type ReviewCard, shuffled } from '../../shared/review';
import type { Lesson, Question } from '../../shared/types';
import type { AnswerRecord } from '../../storage';
import { CourseUnavailable } from '../components/CourseUnavailable';
import { QuestionView } from '../components/Question';
import { textLang } from '../components/text-lang';
import { useCourse, usePageHeading } from '../hooks';
import { progressChanged, progressStore } from '../progress';
import { setTitle } from '../title';

interface Item {
  card: ReviewCard;
  lesson: Lesson;
  question: Question;
}

function findQuestion(lesson: Lesson, id: string): Question | undefined {
  for (const block of lesson.blocks) {
    if (block.kind === 'quiz') {
      const question = block.questions.find((candidate) => candidate.id === id);
      if (question) return question;
    }
  }
  return undefined;
}

export default function ReviewPage({ locale }: { locale: string }) {
  const course = useCourse(locale);
  const [items, setItems] = useState<Item[] | null>(null);
  const [index, setIndex] = useState(0);
  const [answer, setAnswer] = useState<AnswerRecord | undefined>(undefined);
  const heading = usePageHeading<HTMLHeadingElement>(items !== null);

  useEffect(() => {
    setTitle(t('review.title'));
    if (!course || course === 'failed') return;
    let live = true;
    (async () => {
      const store = await progressStore();
      const due = dueToday(await store.getReviewCards(), Date.now());
      const loaded: Item[] = [];
      for (const card of due) {
        // A question removed from its lesson since it was answered simply leaves the queue.
        const lesson = course.lesson(card.lessonId) ? (await course.load(card.lessonId)).lesson : null;
        const question = lesson && findQuestion(lesson, card.questionId);
        if (lesson && question) loaded.push({ card, lesson, question });
      }
      if (live) setItems(loaded);
    })().catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [course]);

  if (course === 'failed') return <CourseUnavailable />;
  if (!items) return <p class="loading">{t('app.loading')}</p>;
  const item = items[index];
  return (
    <div class="page review">
      <h1 ref={heading} tabIndex={-1}>
        {t('review.title')}
      </h1>
      <p class="lede">{t('review.intro')}</p>
      {items.length === 0 && <p class="notice">{t('review.empty')}</p>}
      {items.length > 0 && !item && <p class="notice">{t('review.done')}</p>}
      {item && (
        <section aria-live="polite">
          <p class="meta">
            <span {...textLang(item.lesson.locale)}>{t('review.from', { title: item.lesson.title })}</span>
          </p>
          <QuestionView
            key={`${item.card.lessonId}/${item.card.questionId}`}
            lessonId={item.card.lessonId}
            question={{
              ...item.question,
              options: shuffled(item.question.options, `${item.card.questionId}/${item.card.updatedAt}`),
            }}
            number={index + 1}
            total={items.length}
            answer={answer}
            text={textLang(item.lesson.locale)}
            onAnswer={async (selected, correct) => {
              const store = await progressStore();
              await store.recordReview(item.card.lessonId, item.card.questionId, correct);
              const { lessonId, questionId } = item.card;
              setAnswer({ lessonId, questionId, selected, correct, answeredAt: Date.now() });
              progressChanged();
            }}
          />
          {answer && (
            <button
              type="button"
              class="button"
              onClick={() => {
                setAnswer(undefined);
                setIndex((current) => current + 1);
              }}
            >
              {t('review.next')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
