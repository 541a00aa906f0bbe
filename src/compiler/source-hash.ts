/** The fingerprint of an English lesson's text that a translation records as its `source_hash`. */
import { createHash } from 'node:crypto';

/**
 * Hash of the title, summary and body with white space folded, so re-wrapping lines or trailing
 * spaces do not mark translations as out of date, but any change of words does.
 */
export function sourceHash(title: string, summary: string, body: string): string {
  const text = [title, summary, body].join('\n').normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
