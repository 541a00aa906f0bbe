/** A lesson's questions with the running count, the score once complete, and a retry. */

import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadPageStrings, t } from '../../i18n';
import { formatPercent } from '../../i18n/format';
import { percent, scoreQuiz } from '../../shared/scoring';
import type { Question } from '../../shared/types';
import { lockSession } from '../lock/session';
import type { LessonProgressState } from '../pages/lesson-progress';
import { privateSession } from '../private-session';
import { QuestionView } from './Question';
import type { TextLang } from './text-lang';

/** The app lock's one-time offer, loaded only once a quiz is finished (lock/LockOffer.tsx). */
function LockOfferSlot({ locale }: { locale: string }) {
  const [Offer, setOffer] = useState<ComponentType<{ locale: string }> | null>(null);
  useEffect(() => {
    void Promise.all([import('../lock/LockOffer'), loadPageStrings()]).then(([module]) =>
      setOffer(() => module.LockOffer),
    );
  }, []);
  return Offer ? <Offer locale={locale} /> : null;
}

interface Props {
  lessonId: string;
  questions: Question[];
  /** Every question id of the lesson, in order, for numbering and scoring. */
  allQuestions: string[];
  progress: LessonProgressState;
  /** Only the last quiz block of a lesson shows the score and the retry button. */
  showScore: boolean;
  /** Language and direction of the lesson text. */
  text: TextLang;
}

export function Quiz({ lessonId, questions, allQuestions, progress, showScore, text }: Props) {
  const score = scoreQuiz(allQuestions, [...progress.answers.values()]);
  return (
    <section class="quiz" aria-labelledby={`quiz-${questions[0]?.id}`}>
      <h2 id={`quiz-${questions[0]?.id}`}>{t('quiz.title')}</h2>
      {questions.map((question) => (
        <QuestionView
          key={`${question.id}-${progress.attempt}`}
          lessonId={lessonId}
          question={question}
          number={allQuestions.indexOf(question.id) + 1}
          total={allQuestions.length}
          answer={progress.answers.get(question.id)}
          onAnswer={(selected, correct) => progress.answer(question.id, selected, correct)}
          text={text}
        />
      ))}
      {showScore && (
        <div class="quiz-summary" aria-live="polite">
          {score.complete ? (
            <>
              <p class="score">
                {t('quiz.score', {
                  correct: score.correct,
                  total: score.total,
                  percent: formatPercent(percent(score.correct, score.total)),
                })}
              </p>
              <button type="button" class="button button-quiet" onClick={() => void progress.retry()}>
                {t('quiz.retry')}
              </button>
              {/* A private session keeps nothing to lock; a locked app needs no offer. */}
              {!privateSession() && !lockSession.get() && (
                <LockOfferSlot locale={document.documentElement.lang} />
              )}
            </>
          ) : (
            <p>{t('quiz.answered', { answered: score.answered, total: score.total })}</p>
          )}
        </div>
      )}
    </section>
  );
}
