/** The glossary: every term with its definition; `#/<locale>/glossary/<id>` opens at one term. */

import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { sameId } from '../../shared/addresses';
import type { Glossary } from '../../shared/types';
import { CourseUnavailable } from '../components/CourseUnavailable';
import { textLang } from '../components/text-lang';
import { useCourse, usePageHeading } from '../hooks';
import { setTitle } from '../title';

export default function GlossaryPage({ locale, termId }: { locale: string; termId?: string }) {
  const course = useCourse(locale);
  const [glossary, setGlossary] = useState<Glossary | null | 'none'>(null);
  const heading = usePageHeading<HTMLHeadingElement>(Boolean(glossary) && !termId);
  const target = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!course || course === 'failed') return;
    let live = true;
    course.glossary().then((loaded) => live && setGlossary(loaded ?? 'none'));
    return () => {
      live = false;
    };
  }, [course]);
  useEffect(() => {
    setTitle(t('nav.glossary'));
    // Opening at one term: move there, so keyboard and screen-reader users start at it.
    if (glossary && termId) target.current?.focus();
  }, [glossary, termId]);

  if (course === 'failed') return <CourseUnavailable />;
  if (!glossary) return <p class="loading">{t('app.loading')}</p>;
  const text = glossary === 'none' ? textLang(locale) : textLang(glossary.locale);
  return (
    <div class="page glossary">
      <h1 ref={heading} tabIndex={-1} {...text}>
        {glossary === 'none' ? t('nav.glossary') : glossary.title}
      </h1>
      {glossary !== 'none' && (
        <>
          <p class="lede" {...text}>
            {glossary.summary}
          </p>
          <dl class="terms" {...text}>
            {glossary.terms.map((term) => (
              <div key={term.id} class={`term-entry${sameId(term.id, termId) ? ' is-target' : ''}`}>
                <dt id={`term-${term.id}`} tabIndex={-1} ref={sameId(term.id, termId) ? target : undefined}>
                  {term.term}
                </dt>
                <dd dangerouslySetInnerHTML={{ __html: term.html }} />
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
