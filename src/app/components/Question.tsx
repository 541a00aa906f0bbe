/** One quiz question: a fieldset of native radio or checkbox inputs, then feedback once checked. */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { isCorrect } from '../../shared/scoring';
import type { Question } from '../../shared/types';
import type { AnswerRecord } from '../../storage';
import type { TextLang } from './text-lang';

interface Props {
  lessonId: string;
  question: Question;
  number: number;
  total: number;
  /** The saved answer, when the learner already answered. */
  answer: AnswerRecord | undefined;
  onAnswer: (selected: string[], correct: boolean) => Promise<void>;
  /** Language and direction of the lesson text. */
  text: TextLang;
}

const HINTS = {
  single: 'quiz.hintSingle',
  multiple: 'quiz.hintMultiple',
  'true-false': 'quiz.hintTrueFalse',
} as const;

export function QuestionView({ lessonId, question, number, total, answer, onAnswer, text }: Props) {
  const [selected, setSelected] = useState<string[]>(answer?.selected ?? []);
  // A guard, not state: re-rendering while the answer is saved would only delay the save.
  const saving = useRef(false);
  const chosen = answer?.selected ?? selected;
  const multiple = question.type === 'multiple';
  const name = `${lessonId}--${question.id}`;

  const choose = (optionId: string, on: boolean) => {
    if (!multiple) setSelected([optionId]);
    else setSelected((previous) => (on ? [...previous, optionId] : previous.filter((id) => id !== optionId)));
  };
  const check = async () => {
    if (saving.current) return;
    saving.current = true;
    try {
      await onAnswer(selected, isCorrect(question.options, selected));
    } finally {
      saving.current = false;
    }
  };

  return (
    <fieldset
      class={`question${answer ? (answer.correct ? ' is-right' : ' is-wrong') : ''}`}
      aria-describedby={`${name}-hint`}
    >
      <legend>
        <span class="question-number">{t('quiz.question', { number, total })}</span>
        <span class="question-prompt" {...text} dangerouslySetInnerHTML={{ __html: question.prompt }} />
      </legend>
      <p class="hint" id={`${name}-hint`}>
        {t(HINTS[question.type])}
      </p>
      <ul class="options">
        {question.options.map((option) => {
          const on = chosen.includes(option.id);
          const mark = answer && (option.correct ? 'right' : on ? 'wrong' : null);
          return (
            <li key={option.id} class={`option${on ? ' is-chosen' : ''}${mark ? ` is-${mark}` : ''}`}>
              <label>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={name}
                  // The browser would otherwise keep which option was chosen in its session files.
                  autocomplete="off"
                  value={option.id}
                  checked={on}
                  disabled={Boolean(answer)}
                  onChange={(event) => choose(option.id, event.currentTarget.checked)}
                />
                <span {...text} dangerouslySetInnerHTML={{ __html: option.html }} />
              </label>
              {answer && (
                <div class="feedback">
                  {mark && (
                    <p class="verdict">{mark === 'right' ? t('quiz.rightAnswer') : t('quiz.wrongChoice')}</p>
                  )}
                  <div
                    class="explanation"
                    {...text}
                    dangerouslySetInnerHTML={{ __html: option.explanation }}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {!answer && (
        <button type="button" class="button" disabled={selected.length === 0} onClick={check}>
          {t('quiz.check')}
        </button>
      )}
      <p class="result" role="status">
        {answer ? (answer.correct ? t('quiz.correct') : t('quiz.incorrect')) : ''}
      </p>
    </fieldset>
  );
}
