import { describe, expect, it } from 'vitest';
import { siteText } from '../../src/shared/site.ts';

describe('the texts of a site profile, such as a disguised build’s cover', () => {
  it('shows one text in every language, without naming a language for it', () => {
    expect(siteText('Notes', 'ur')).toEqual({ text: 'Notes' });
  });

  it('shows the text in the reader’s language when the profile has it', () => {
    expect(siteText({ en: 'Notes', ur: 'نوٹس' }, 'ur')).toEqual({ text: 'نوٹس', locale: 'ur' });
  });

  it('falls back to English, marked as English, when the reader’s language is missing', () => {
    expect(siteText({ ur: 'نوٹس', en: 'Notes' }, 'ms')).toEqual({ text: 'Notes', locale: 'en' });
  });

  it('falls back to the first text given when there is neither the reader’s language nor English', () => {
    expect(siteText({ ur: 'نوٹس', hi: 'नोट्स' }, 'ms')).toEqual({ text: 'نوٹس', locale: 'ur' });
  });

  it('shows nothing, in no language, when no text is given', () => {
    const none = siteText({}, 'en');
    expect(none.text).toBe('');
    expect(none.locale).toBeUndefined();
  });
});
