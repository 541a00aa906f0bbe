/**
 * A help-now summary's texts, the learner's language first and then English, each with a Copy
 * button and a line that says whether it was copied: at an ending and in the saved list alike.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { SummaryText } from '../../storage/saved-summaries';
import { textLang } from '../components/text-lang';
import { copyText } from './help-now-summary';

/** `texts` as blocks to read out, with Copy; every text after the first is the English one. */
export function SummaryTexts({ texts }: { texts: readonly SummaryText[] }) {
  const [copied, setCopied] = useState<Record<string, boolean | undefined>>({});
  const refs = useRef<Record<string, HTMLElement | null>>({});
  return (
    <>
      {texts.map(({ locale: lang, text }, index) => (
        <div key={lang}>
          {index > 0 && <h3>{t('helpNow.summary.english')}</h3>}
          <p
            class="help-now-summary-text"
            ref={(element) => {
              refs.current[lang] = element;
            }}
            {...textLang(lang)}
          >
            {text}
          </p>
          <p>
            <button
              type="button"
              class="button button-quiet"
              onClick={async () => {
                const done = await copyText(text, refs.current[lang] ?? null);
                setCopied((before) => ({ ...before, [lang]: done }));
              }}
            >
              {index > 0 ? t('helpNow.copyEnglish') : t('helpNow.copy')}
            </button>{' '}
            <span role="status">
              {copied[lang] === true
                ? t('helpNow.copied')
                : copied[lang] === false
                  ? t('helpNow.copyFailed')
                  : ''}
            </span>
          </p>
        </div>
      ))}
    </>
  );
}
