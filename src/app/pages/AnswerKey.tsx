/** A lesson's right answers, for a printed handout only: on a page of its own after the lesson. */

import { t } from '../../i18n';
import type { Lesson } from '../../shared/types';
import { textLang } from '../components/text-lang';

/** The right answers of `lesson`'s quizzes, as a list under each question. */
export function AnswerKey({ lesson }: { lesson: Lesson }) {
  const questions = lesson.blocks.flatMap((block) => (block.kind === 'quiz' ? block.questions : []));
  if (questions.length === 0) return null;
  return (
    <section class="answer-key print-only" {...textLang(lesson.locale)}>
      <h2>{t('lesson.answerKey')}</h2>
      <ol>
        {questions.map((question) => (
          <li key={question.id}>
            <span dangerouslySetInnerHTML={{ __html: question.prompt }} />
            <ul>
              {question.options
                .filter((option) => option.correct)
                .map((option) => (
                  <li key={option.id} dangerouslySetInnerHTML={{ __html: option.html }} />
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
