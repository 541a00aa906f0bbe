/**
 * Reading a lesson aloud, section by section, one piece (split.ts) at a time, always with the
 * phone's own voice that was found for it (voices.ts) and the lesson's language.
 *
 * Pausing cancels the speech and keeps the place, and resuming says the interrupted piece again:
 * `speechSynthesis.pause()` ends the speech on Android rather than pausing it. The reading stops
 * the moment its controls leave the page (quick exit and erase empty it, leaving the lesson
 * removes them) and pauses when the app is covered in the background (background-cover.ts makes
 * it inert), so a phone never goes on speaking a lesson after the learner hid it.
 */
import { readSections, type Section } from './reading';

export type Status = 'idle' | 'playing' | 'paused';

/** What the controls show. */
export interface PlayerState {
  status: Status;
  /** The name of the section being read. */
  name: string;
}

export class Player {
  private sections: Section[] = [];
  private section = 0;
  private part = 0;
  private status: Status = 'idle';
  /** The utterance being spoken, held so that the browser does not drop it (and its end) early. */
  private utterance: SpeechSynthesisUtterance | undefined;
  private marked: HTMLElement | undefined;
  private watcher: MutationObserver | undefined;

  constructor(
    private readonly voice: SpeechSynthesisVoice,
    private readonly locale: string,
    private readonly changed: (state: PlayerState) => void,
  ) {}

  /** Reads the lesson in `article` from its start; `controls` are watched for leaving the page. */
  start(article: HTMLElement, controls: HTMLElement): void {
    this.sections = readSections(article, this.locale);
    if (this.sections.length === 0) return;
    this.watch(controls);
    this.play(0);
  }

  pause(): void {
    if (this.status !== 'playing') return;
    this.status = 'paused';
    this.silence();
    this.show();
  }

  resume(): void {
    if (this.status !== 'paused') return;
    this.status = 'playing';
    this.speak();
  }

  /** The learner's "Next section": the next section is read, its heading brought into view. */
  nextSection(): void {
    this.next();
    if (this.status !== 'idle') this.sections[this.section]?.heading.scrollIntoView({ block: 'start' });
  }

  /** Goes on to the next section, or stops after the last. */
  private next(): void {
    if (this.status === 'idle') return;
    this.silence();
    if (this.section + 1 < this.sections.length) this.play(this.section + 1);
    else this.stop();
  }

  stop(): void {
    this.silence();
    this.watcher?.disconnect();
    removeEventListener('pagehide', this.stopNow);
    this.marked?.removeAttribute('data-listening');
    if (this.status === 'idle') return;
    this.status = 'idle';
    this.show();
  }

  private readonly stopNow = () => this.stop();

  private play(section: number): void {
    this.section = section;
    this.part = 0;
    this.status = 'playing';
    this.speak();
  }

  /** Speaks the current piece; its end speaks the next, and the end of a section starts the next one. */
  private speak(): void {
    const section = this.sections[this.section];
    const part = section?.parts[this.part];
    if (!section || !part) {
      this.next();
      return;
    }
    const utterance = new SpeechSynthesisUtterance(part.text);
    // Set on every piece: left unset, the browser would choose a voice, perhaps one on the internet.
    utterance.voice = this.voice;
    utterance.lang = this.locale;
    utterance.onend = () => {
      if (this.utterance !== utterance) return;
      this.part += 1;
      this.speak();
    };
    // A voice that fails stops the reading rather than trying piece after piece.
    utterance.onerror = () => this.utterance === utterance && this.stop();
    this.utterance = utterance;
    this.mark(part.element);
    speechSynthesis.speak(utterance);
    this.show();
  }

  /** Ends any speech now; the events of what was cancelled are then ignored. */
  private silence(): void {
    this.utterance = undefined;
    speechSynthesis.cancel();
  }

  /** Marks the element being read (listen.css), and only that one. */
  private mark(element: HTMLElement): void {
    if (this.marked !== element) this.marked?.removeAttribute('data-listening');
    element.setAttribute('data-listening', '');
    this.marked = element;
  }

  /** Stops when `controls` leave the page, pauses when the page is covered (made inert). */
  private watch(controls: HTMLElement): void {
    this.watcher?.disconnect();
    this.watcher = new MutationObserver(() => {
      if (!controls.isConnected) this.stop();
      else if (controls.closest('[inert]')) this.pause();
    });
    this.watcher.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['inert'],
    });
    addEventListener('pagehide', this.stopNow);
  }

  private show(): void {
    this.changed({ status: this.status, name: this.sections[this.section]?.name ?? '' });
  }
}
