/** A lesson as a printed handout in a workshop pack: text, tips, checklist, blank quiz, answer key. */
import { t } from '../../i18n';
import type { Lesson } from '../../shared/types';
import { textLang } from '../components/text-lang';
import { LawNoteBox } from './law-notes';

export function Handout({ lesson }: { lesson: Lesson }) {
  const questions = lesson.blocks.flatMap((block) => (block.kind === 'quiz' ? block.questions : []));
  return (
    <article class="handout" {...textLang(lesson.locale)}>
      <h1>{lesson.title}</h1>
      <p class="lede">{lesson.summary}</p>
      {lesson.blocks.map((block, index) => {
        if (block.kind === 'html')
          return <div key={index} class="prose" dangerouslySetInnerHTML={{ __html: block.html }} />;
        if (block.kind === 'callout') {
          return (
            <aside
              key={index}
              class={`callout callout-${block.tone}`}
              dangerouslySetInnerHTML={{ __html: block.html }}
            />
          );
        }
        // A handout may go to a room from several countries: it carries every country's note.
        if (block.kind === 'law') {
          return (
            <LawNoteBox
              key={index}
              note={block}
              locale={lesson.locale}
              country={null}
              text={textLang(lesson.locale)}
              chooser={false}
            />
          );
        }
        if (block.kind === 'checklist') {
          return (
            <section key={index}>
              <h2>{t('checklist.title')}</h2>
              <ul>
                {block.items.map((item) => (
                  <li key={item.id} dangerouslySetInnerHTML={{ __html: `☐ ${item.html}` }} />
                ))}
              </ul>
            </section>
          );
        }
        return null;
      })}
      <section>
        <h2>{t('quiz.title')}</h2>
        <ol>
          {questions.map((question) => (
            <li key={question.id}>
              <p dangerouslySetInnerHTML={{ __html: question.prompt }} />
              <ul class="blank-options">
                {question.options.map((option) => (
                  <li key={option.id} dangerouslySetInnerHTML={{ __html: `○ ${option.html}` }} />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>
      <section class="answer-key">
        <h2>{t('lesson.answerKey')}</h2>
        <ol>
          {questions.map((question) => (
            <li key={question.id}>
              {question.options
                .filter((option) => option.correct)
                .map((option) => (
                  <span key={option.id} dangerouslySetInnerHTML={{ __html: `${option.html}. ` }} />
                ))}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
