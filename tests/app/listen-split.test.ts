/** Cutting lesson text into pieces a voice reads whole: sentences kept whole, nothing lost. */
import { describe, expect, it } from 'vitest';
import { MAX_CHARS, splitForSpeech } from '../../src/app/listen/split.ts';

/** A paragraph of `count` numbered sentences of `words`, each ending with `stop`. */
function paragraph(words: string, stop: string, count: number): string {
  return Array.from({ length: count }, (_, index) => `${words} ${index + 1}${stop}`).join(' ');
}

describe('splitting text for speech', () => {
  it('keeps a short paragraph whole, with its spaces tidied', () => {
    expect(splitForSpeech('Use a  password\nmanager. It remembers.', 'en')).toEqual([
      'Use a password manager. It remembers.',
    ]);
  });

  it('cuts a long paragraph only where its sentences end, and loses nothing', () => {
    const text = paragraph('A password manager remembers every long password for you, number', '.', 10);
    const pieces = splitForSpeech(text, 'en');
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(MAX_CHARS);
      expect(piece).toMatch(/\d\.$/);
    }
    expect(pieces.join(' ')).toBe(text);
  });

  it('ends Hindi sentences at the danda and Urdu ones at the Urdu full stop', () => {
    const hindi = paragraph('हर खाते के लिए एक लंबा और अलग पासवर्ड बनाइए, संख्या', '।', 8);
    const hindiPieces = splitForSpeech(hindi, 'hi');
    const urdu = paragraph('ہر اکاؤنٹ کے لیے ایک لمبا اور الگ پاس ورڈ بنائیں، نمبر', '۔', 8);
    const urduPieces = splitForSpeech(urdu, 'ur');
    for (const [pieces, text, stop] of [
      [hindiPieces, hindi, '।'],
      [urduPieces, urdu, '۔'],
    ] as const) {
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.join(' ')).toBe(text);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(MAX_CHARS);
        expect(piece.endsWith(stop)).toBe(true);
      }
    }
  });

  it('cuts a sentence too long on its own at a comma, else between words, never inside one', () => {
    const clauses = Array.from({ length: 8 }, (_, index) => `the phone keeps clause number ${index} here`);
    const sentence = `${clauses.join(', ')}.`;
    const pieces = splitForSpeech(sentence, 'en');
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/,$/);
    expect(pieces.join(' ')).toBe(sentence);

    const words = `${Array.from({ length: 60 }, (_, index) => `word${index}`).join(' ')}.`;
    const cut = splitForSpeech(words, 'en');
    for (const piece of cut) expect(piece.length).toBeLessThanOrEqual(MAX_CHARS);
    expect(cut.join(' ')).toBe(words);
  });
});
