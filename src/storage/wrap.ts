/**
 * The app lock's cryptography. Progress keys are made as random bytes, wrapped with AES-GCM under a
 * key derived from the learner's PIN or passphrase (PBKDF2-SHA-256, random salt), and once opened
 * imported as non-extractable CryptoKeys. Two slots share one salt, so one derivation tries both:
 * one holds the real keys, the other a decoy's keys or random bytes of the same length, in random
 * order, so that the stored lock does not say whether a decoy exists. Only WebCrypto.
 */
import { passphraseKey } from '../shared/passphrase-key';
import type { ProgressKeys } from './cipher';

/** The least work used or accepted for a lock; the OWASP recommendation for PBKDF2-SHA-256. */
export const LOCK_ITERATIONS = 600_000;

/** One wrapped key set: what the role byte and the key bytes encrypt to. */
export interface Slot {
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

/** Whose keys a slot holds: the learner's progress, or the decoy's empty one. */
export type Role = 'real' | 'decoy';

const KEY_BYTES = 64;
const SALT_BYTES = 16;
// A role byte, the two keys' bytes, and AES-GCM's 16-byte tag.
const SLOT_BYTES = 1 + KEY_BYTES + 16;
const ROLES: Role[] = ['real', 'decoy'];
/** Binds a slot to what it is, so a slot cannot be passed off as anything else the app encrypts. */
const ASSOCIATED = new TextEncoder().encode('progress-lock/1');

const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/** A new random salt for a lock. */
export const newSalt = () => random(SALT_BYTES);

/** New random key material (the data key's bytes, then the name key's). */
export const newKeyBytes = () => random(KEY_BYTES);

/** Random bytes the size of a slot: what stands in the decoy's place when there is none. */
export const randomSlot = (): Slot => ({ iv: random(12), data: random(SLOT_BYTES) });

/** The key that wraps the slots, derived from the PIN or passphrase. */
export const deriveWrappingKey = passphraseKey;

/** Wraps `keyBytes` for `role` under `wrapping`. */
export async function wrapSlot(wrapping: CryptoKey, role: Role, keyBytes: Uint8Array): Promise<Slot> {
  const plain = new Uint8Array(1 + KEY_BYTES);
  plain[0] = ROLES.indexOf(role);
  plain.set(keyBytes, 1);
  const iv = random(12);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: ASSOCIATED },
    wrapping,
    plain,
  );
  plain.fill(0);
  return { iv, data: new Uint8Array(data) };
}

/** What a slot holds, or null when `wrapping` does not open it (another PIN's, or random bytes). */
export async function openSlot(
  wrapping: CryptoKey,
  slot: Slot,
): Promise<{ role: Role; keyBytes: Uint8Array<ArrayBuffer> } | null> {
  try {
    const plain = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: slot.iv, additionalData: ASSOCIATED },
        wrapping,
        slot.data,
      ),
    );
    // Stryker disable next-line UnaryOperator: only an empty slot has no role byte, and the length check below refuses it either way
    const role = ROLES[plain[0] ?? -1];
    if (!role || plain.length !== 1 + KEY_BYTES) return null;
    return { role, keyBytes: plain.slice(1) };
  } catch {
    return null;
  }
}

/** Imports key material as the progress keys: non-extractable, usable only as progress keys are. */
export async function importKeys(keyBytes: Uint8Array<ArrayBuffer>): Promise<ProgressKeys> {
  const [data, names] = await Promise.all([
    crypto.subtle.importKey('raw', keyBytes.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']),
    crypto.subtle.importKey('raw', keyBytes.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { data, names };
}
