/**
 * Finding a voice that speaks on the phone itself. A voice that is not `localService` sends the
 * text to a company's servers to be spoken, and lesson text must not leave the phone: without a
 * local voice for the language, nothing is offered, and no default voice is ever left to choose.
 */

/** True when `voice` speaks `locale` ("hi" matches "hi-IN", and "ur_PK" as some phones write it). */
function speaks(voice: SpeechSynthesisVoice, locale: string): boolean {
  return voice.lang.toLowerCase().split(/[-_]/)[0] === locale.toLowerCase();
}

/** The phone's own voice for `locale` (its default one if that is local), or none. */
export function localVoice(locale: string): SpeechSynthesisVoice | undefined {
  const local = speechSynthesis
    .getVoices()
    .filter((voice) => voice.localService === true && speaks(voice, locale));
  return local.find((voice) => voice.default) ?? local[0];
}

/**
 * Calls `found` with the local voice for `locale` once there is one: browsers often list their
 * voices only a moment after the page opens, announcing them with `voiceschanged`. Returns a stop.
 */
export function whenLocalVoice(locale: string, found: (voice: SpeechSynthesisVoice) => void): () => void {
  const look = () => {
    const voice = localVoice(locale);
    if (!voice) return;
    stop();
    found(voice);
  };
  const stop = () => speechSynthesis.removeEventListener('voiceschanged', look);
  speechSynthesis.addEventListener('voiceschanged', look);
  look();
  return stop;
}
