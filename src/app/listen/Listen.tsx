/**
 * "Listen": reads the lesson aloud with the phone's own voice (player.ts). A button under the
 * lesson's title starts it; while it reads, a bar at the foot of the screen names the section and
 * offers Pause or Resume, Stop and Next section (in that order, so that on a small screen at a large
 * text size the short ones share a row).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { textLang } from '../components/text-lang';
import { Player, type PlayerState } from './player';
import './listen.css';

interface Props {
  voice: SpeechSynthesisVoice;
  /** The lesson's language, which the voice speaks. */
  locale: string;
  article: HTMLElement;
}

/** The Listen button, and the controls while the lesson is read. */
export function Listen({ voice, locale, article }: Props) {
  const [state, setState] = useState<PlayerState>({ status: 'idle', name: '' });
  const player = useMemo(() => new Player(voice, locale, setState), [voice, locale]);
  const root = useRef<HTMLDivElement>(null);
  const idle = state.status === 'idle';
  // Leaving the lesson takes the controls away, and the voice with them.
  useEffect(() => () => player.stop(), [player]);
  // Listen and Stop go away when pressed: their focus moves to the controls that take their place,
  // not to the page's start. Focus the learner moved elsewhere (the end of the lesson) stays there.
  const wasIdle = useRef(idle);
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (wasIdle.current !== idle && lost) root.current?.querySelector('button')?.focus();
    wasIdle.current = idle;
  }, [idle]);

  const start = () => {
    if (root.current) player.start(article, root.current);
  };
  return (
    <div class="listen" ref={root}>
      {idle ? (
        <button type="button" class="button button-quiet listen-start" onClick={start}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path d="M4 9v6h4l5 4V5L8 9z" fill="currentColor" />
            <path
              d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
              fill="none"
              stroke="currentColor"
              stroke-width="2"
            />
          </svg>
          {t('listen.start')}
        </button>
      ) : (
        <section class="listen-bar" aria-label={t('listen.controls')}>
          <p class="listen-now">
            <span class="listen-status">
              {state.status === 'paused' ? t('listen.paused') : t('listen.reading')}
            </span>
            <span class="listen-section" {...textLang(locale)}>
              {state.name}
            </span>
          </p>
          <div class="listen-buttons">
            {state.status === 'paused' ? (
              <button type="button" class="button" onClick={() => player.resume()}>
                {t('listen.resume')}
              </button>
            ) : (
              <button type="button" class="button" onClick={() => player.pause()}>
                {t('listen.pause')}
              </button>
            )}
            <button type="button" class="button button-quiet" onClick={() => player.stop()}>
              {t('listen.stop')}
            </button>
            <button type="button" class="button button-quiet" onClick={() => player.nextSection()}>
              {t('listen.next')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
