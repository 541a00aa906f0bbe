/**
 * A stand-in for the browser's speech synthesis, installed before the app loads: it has the
 * voices a test gives it (on the phone or on the internet, at once or when the test says, through
 * `voiceschanged`), "speaks" each utterance for a short while, firing start and end as a browser
 * does, and reports to the test every utterance (text, language, voice) and every cancel.
 */
import type { Page } from 'playwright-core';

export interface StandInVoice {
  name: string;
  lang: string;
  /** True for a voice on the phone; false for one that sends the text to a server. */
  localService: boolean;
}

export interface SpeechOptions {
  voices: StandInVoice[];
  /** Voices listed only when the test calls `deliverVoices`, announced with `voiceschanged`. */
  later?: StandInVoice[];
  /** How long each utterance "speaks". */
  speakMs?: number;
}

/** What the page asked of the speech engine, in order. */
export type SpeechEvent =
  | { kind: 'speak'; text: string; lang: string; voice: string | null }
  | { kind: 'cancel' | 'pause' | 'resume' | 'voices' };

/** Installs the stand-in in `page` (before its first load); the events it reports fill the array returned. */
export async function installSpeech(page: Page, options: SpeechOptions): Promise<SpeechEvent[]> {
  const events: SpeechEvent[] = [];
  // A binding, not an array in the page: quick exit destroys the page, and what it did must survive.
  await page.exposeBinding('reportSpeech', (_source, event: SpeechEvent) => void events.push(event));
  await page.addInitScript(standIn, options);
  return events;
}

/** Lists the stand-in's `later` voices now, as a browser does a moment after the page opens. */
export function deliverVoices(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as { deliverVoices(): void }).deliverVoices());
}

/** The texts spoken so far. */
export function spoken(events: SpeechEvent[]): string[] {
  return events.flatMap((event) => (event.kind === 'speak' ? [event.text] : []));
}

/** Runs in the page. */
function standIn({ voices, later = [], speakMs = 250 }: SpeechOptions): void {
  const report = (event: SpeechEvent) =>
    (window as unknown as { reportSpeech(event: SpeechEvent): void }).reportSpeech(event);
  const voice = (given: StandInVoice) =>
    Object.freeze({ ...given, voiceURI: given.name, default: false }) as unknown as SpeechSynthesisVoice;
  let listed = voices.map(voice);

  class Utterance extends EventTarget {
    text: string;
    lang = '';
    voice: SpeechSynthesisVoice | null = null;
    rate = 1;
    pitch = 1;
    volume = 1;
    [handler: `on${string}`]: ((event: Event) => void) | null;
    constructor(text = '') {
      super();
      this.text = text;
    }
  }
  type Said = Utterance & Record<string, unknown>;
  const fire = (utterance: Said, type: string, error?: string) => {
    const event = Object.assign(new Event(type), error ? { error } : {});
    utterance.dispatchEvent(event);
    (utterance[`on${type}`] as ((event: Event) => void) | null | undefined)?.(event);
  };

  class Synthesis extends EventTarget {
    onvoiceschanged: ((event: Event) => void) | null = null;
    paused = false;
    private queue: Said[] = [];
    private current: Said | null = null;
    private timer: ReturnType<typeof setTimeout> | undefined;
    get speaking() {
      return this.current !== null;
    }
    get pending() {
      return this.queue.length > 0;
    }
    getVoices() {
      report({ kind: 'voices' });
      return [...listed];
    }
    speak(utterance: Said) {
      report({
        kind: 'speak',
        text: utterance.text,
        lang: utterance.lang,
        voice: utterance.voice?.name ?? null,
      });
      this.queue.push(utterance);
      if (!this.current) this.next();
    }
    cancel() {
      report({ kind: 'cancel' });
      clearTimeout(this.timer);
      const [current, queued] = [this.current, this.queue];
      this.current = null;
      this.queue = [];
      if (current) fire(current, 'error', 'interrupted');
      for (const utterance of queued) fire(utterance, 'error', 'canceled');
    }
    pause() {
      report({ kind: 'pause' });
      this.paused = true;
    }
    resume() {
      report({ kind: 'resume' });
      this.paused = false;
    }
    private next() {
      const utterance = this.queue.shift() ?? null;
      this.current = utterance;
      if (!utterance) return;
      this.timer = setTimeout(() => {
        fire(utterance, 'start');
        this.timer = setTimeout(() => {
          this.current = null;
          fire(utterance, 'end');
          if (!this.current) this.next();
        }, speakMs);
      }, 10);
    }
  }

  const synthesis = new Synthesis();
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  (window as unknown as { deliverVoices(): void }).deliverVoices = () => {
    listed = [...listed, ...later.map(voice)];
    const event = new Event('voiceschanged');
    synthesis.dispatchEvent(event);
    synthesis.onvoiceschanged?.(event);
  };
}
