import { describe, expect, it } from 'vitest';
import { markWords, type SnippetPiece, snippet } from '../../src/app/pages/search-snippet.ts';

/** A snippet as a learner reads it, the marked words in [brackets]. */
const shown = (pieces: SnippetPiece[]) =>
  pieces.map((piece) => (piece.marked ? `[${piece.text}]` : piece.text)).join('');

const long = (words: number, word = 'filler') => Array.from({ length: words }, () => word).join(' ');

describe('a search snippet', () => {
  it('marks the matched word at the very start of the text, with no ellipsis before it', () => {
    expect(shown(snippet('Passwords keep accounts safe.', ['passwords']))).toBe(
      '[Passwords] keep accounts safe.',
    );
  });

  it('keeps only a few words before a match deep in the text, and says text was left out', () => {
    const text = `${long(40)} the screen lock matters ${long(40)}`;
    const line = shown(snippet(text, ['lock']));
    expect(line.startsWith('… ')).toBe(true);
    expect(line.endsWith(' …')).toBe(true);
    expect(line.indexOf('[lock]')).toBeLessThanOrEqual(30);
    expect(line.length).toBeLessThanOrEqual(130);
  });

  it('shows a match at the very end of the text whole, with nothing after it', () => {
    const text = `${long(40)} turn on backups`;
    const line = shown(snippet(text, ['backups']));
    expect(line.endsWith('[backups]')).toBe(true);
    expect(line.startsWith('… ')).toBe(true);
  });

  it('marks every matched word, in any letter case', () => {
    expect(shown(snippet('A VPN hides sites; a vpn is not Tor.', ['vpn', 'tor']))).toBe(
      'A [VPN] hides sites; a [vpn] is not [Tor].',
    );
  });

  it('starts at the text when only the heading matched', () => {
    expect(shown(snippet(`Nothing here matches ${long(40)}`, ['absent']))).toMatch(
      /^Nothing here matches filler/,
    );
  });

  it('marks Hindi words whole, vowel signs and virama kept with their letters', () => {
    const text = 'अपने फ़ोन का पासवर्ड किसी को न बताएँ। स्क्रीन लॉक लगाएँ।';
    const line = shown(snippet(text, ['पासवर्ड', 'स्क्रीन']));
    expect(line).toBe('अपने फ़ोन का [पासवर्ड] किसी को न बताएँ। [स्क्रीन] लॉक लगाएँ।');
  });

  it('cuts Hindi text only between words, so no combining mark is split from its letter', () => {
    const text = `${long(30, 'सुरक्षित')} पासवर्ड ${long(30, 'ज़िंदगी')}`;
    for (const piece of snippet(text, ['पासवर्ड'])) {
      const words = piece.text.replace(/…/g, '').trim().split(/\s+/).filter(Boolean);
      for (const word of words) expect(['सुरक्षित', 'पासवर्ड', 'ज़िंदगी']).toContain(word);
    }
  });

  it('marks Urdu words whole, with their diacritics, in right-to-left text', () => {
    const text = 'فون پر لاک لگائیں اور بیک اَپ بنائیں۔';
    expect(shown(snippet(text, ['لاک', 'اَپ']))).toBe('فون پر [لاک] لگائیں اور بیک [اَپ] بنائیں۔');
    const deep = `${long(40, 'حفاظت')} واٹس ایپ ${long(40, 'حفاظت')}`;
    const line = shown(snippet(deep, ['واٹس']));
    expect(line).toContain('[واٹس] ایپ');
    expect(line.startsWith('… ')).toBe(true);
  });

  it('gives markup in the text back as text, never as markup', () => {
    expect(markWords('<b> bold </b> & <script>', ['bold'])).toEqual([
      { text: '<b> ', marked: false },
      { text: 'bold', marked: true },
      { text: ' </b> & <script>', marked: false },
    ]);
  });
});
