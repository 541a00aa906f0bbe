/** Workshop plans: the list with audience and length, and one plan's agenda from a chosen start time. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { isolated } from '../../i18n/format';
import { sameId } from '../../shared/addresses';
import type { Lesson, Workshop } from '../../shared/types';
import { CourseUnavailable } from '../components/CourseUnavailable';
import { textLang } from '../components/text-lang';
import type { Course } from '../course';
import { useCourse, usePageHeading } from '../hooks';
import { href } from '../router';
import { setTitle } from '../title';
import { Handout } from './Handout';
import { HelpCardLinks } from './help-card-links';

/** "2 h 30 min" in the reader's language. */
function duration(minutes: number): string {
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(document.documentElement.lang, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
    }).format(value);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? unit(hours, 'hour') : '', rest || !hours ? unit(rest, 'minute') : '']
    .filter(Boolean)
    .join(' ');
}

/** The clock time `minutes` after `start` ("09:00"), written as the reader's language writes times. */
export function clockTime(start: string, minutes: number): string {
  const [hours = 9, mins = 0] = start.split(':').map(Number);
  const date = new Date(Date.UTC(2000, 0, 1, hours, mins + minutes));
  return new Intl.DateTimeFormat(document.documentElement.lang, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(date);
}

const total = (plan: Workshop) => plan.sessions.reduce((sum, session) => sum + session.minutes, 0);

function Plan({ plan, course, locale }: { plan: Workshop; course: Course; locale: string }) {
  const [start, setStart] = useState('09:00');
  // The handouts of the plan's lessons, printed after the agenda as a workshop pack.
  const [handouts, setHandouts] = useState<Lesson[]>([]);
  useEffect(() => {
    const ids = plan.sessions.filter((session) => session.kind === 'lesson').map((session) => session.text);
    void Promise.all(ids.map((id) => course.load(id).then(({ lesson }) => lesson))).then(setHandouts);
  }, [plan, course]);
  let elapsed = 0;
  return (
    <>
      <p class="lede" {...textLang(plan.locale)}>
        {plan.summary}
      </p>
      <p {...textLang(plan.locale)}>{t('workshops.audience', { audience: plan.audience })}</p>
      <label class="field">
        <span>{t('workshops.start')}</span>
        <input
          type="time"
          value={start}
          onInput={(event) => setStart(event.currentTarget.value || '09:00')}
        />
      </label>
      <table class="agenda">
        <thead>
          <tr>
            <th scope="col">{t('workshops.time')}</th>
            <th scope="col">{t('workshops.session')}</th>
            <th scope="col">{t('workshops.length')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.sessions.map((session, index) => {
            const at = clockTime(start, elapsed);
            elapsed += session.minutes;
            const lesson = session.kind === 'lesson' ? course.lesson(session.text) : undefined;
            return (
              <tr key={index} class={`session-${session.kind}`}>
                <td>{at}</td>
                <td>
                  {lesson ? (
                    <a
                      href={href(locale, { page: 'lesson', lessonId: lesson.id })}
                      {...textLang(lesson.textLocale)}
                    >
                      {lesson.title}
                    </a>
                  ) : (
                    <span {...textLang(plan.locale)}>{session.text}</span>
                  )}
                </td>
                <td>{duration(session.minutes)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        {t('workshops.ends', { time: isolated(clockTime(start, elapsed)) })} ({duration(elapsed)})
      </p>
      <p class="hint">{t('workshops.printPack')}</p>
      <div class="print-only pack">
        {handouts.map((lesson) => (
          <Handout key={lesson.id} lesson={lesson} />
        ))}
      </div>
    </>
  );
}

export default function WorkshopsPage({ locale, planId }: { locale: string; planId?: string }) {
  const course = useCourse(locale);
  const ready = Boolean(course && course !== 'failed');
  const heading = usePageHeading<HTMLHeadingElement>(ready);
  useEffect(() => {
    setTitle(t('workshops.title'));
  }, []);
  if (course === 'failed') return <CourseUnavailable />;
  if (!course) return <p class="loading">{t('app.loading')}</p>;
  const plan = planId ? course.workshops.find((candidate) => sameId(candidate.id, planId)) : undefined;
  if (plan) {
    return (
      <div class="page workshop">
        <h1 ref={heading} tabIndex={-1} {...textLang(plan.locale)}>
          {plan.title}
        </h1>
        <Plan plan={plan} course={course} locale={locale} />
        <a href={href(locale, { page: 'workshops' })}>{t('workshops.all')}</a>
      </div>
    );
  }
  return (
    <div class="page workshops">
      <h1 ref={heading} tabIndex={-1}>
        {t('workshops.title')}
      </h1>
      <p class="lede">{t('workshops.intro')}</p>
      <ul class="cards">
        {course.workshops.map((each) => (
          <li key={each.id} class="card">
            <h2>
              <a href={href(locale, { page: 'workshops', planId: each.id })} {...textLang(each.locale)}>
                {each.title}
              </a>
            </h2>
            <p {...textLang(each.locale)}>{each.summary}</p>
            <p class="meta">
              <span>{duration(total(each))}</span>
              <span>{t('workshops.sessions', { count: each.sessions.length })}</span>
            </p>
            <p class="meta" {...textLang(each.locale)}>
              {t('workshops.audience', { audience: each.audience })}
            </p>
          </li>
        ))}
      </ul>
      {course.workshops.length === 0 && <p class="hint">{t('workshops.none')}</p>}
      <section>
        <h2>{t('helpCard.title')}</h2>
        <p>{t('helpCard.intro')}</p>
        <HelpCardLinks locale={locale} label={t('helpCard.title')} />
      </section>
    </div>
  );
}
