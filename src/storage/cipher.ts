/**
 * Progress encrypted at rest: each record is JSON encrypted with AES-GCM under the data key, with
 * a fresh 12-byte nonce, and bound to the opaque id it is stored under (so a record cannot be
 * moved to another id). Only WebCrypto, so it runs the same in the browser and in Node.
 */

/** One encrypted record as IndexedDB holds it. */
export interface SealedRecord {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

const encoder = new TextEncoder();

/** A new random data key. It cannot be read out of WebCrypto: only used, stored and destroyed. */
export function newDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A new opaque id for a record: random, so it says nothing about what the record holds. */
export function newRecordId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** Encrypts `value` (as JSON) for storing under `id`. */
export async function encryptRecord(key: CryptoKey, id: string, value: unknown): Promise<SealedRecord> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv, data };
}

/** Decrypts a record stored under `id`; rejects when the key is not the one it was sealed with. */
export async function decryptRecord(key: CryptoKey, id: string, record: SealedRecord): Promise<unknown> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: record.iv, additionalData: encoder.encode(id) },
    key,
    record.data,
  );
  return JSON.parse(new TextDecoder().decode(plain));
}
