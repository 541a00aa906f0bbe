/**
 * Progress encrypted at rest: each record is JSON encrypted with AES-GCM under the data key, with
 * a fresh 12-byte nonce, and bound to the id it is stored under (so a record cannot be moved to
 * another id). Ids are an HMAC of what the record holds ("lesson passwords", "settings") under a
 * second key: every tab finds the same record, and the id says nothing to anyone without the key.
 * Only WebCrypto, so it runs the same in the browser and in Node.
 */

/** One encrypted record as IndexedDB holds it. */
export interface SealedRecord {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** The keys progress is kept under: one encrypts records, one names them. */
export interface ProgressKeys {
  data: CryptoKey;
  names: CryptoKey;
}

const encoder = new TextEncoder();

/** New random keys. They cannot be read out of WebCrypto: only used, stored and destroyed. */
export async function newKeys(): Promise<ProgressKeys> {
  const [data, names] = await Promise.all([
    // Stryker disable next-line BooleanLiteral: no code exports a key, so whether it could changes nothing seen
    crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    // Stryker disable next-line BooleanLiteral: as for the data key
    crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
  ]);
  return { data, names };
}

/** The opaque id of the record that holds `what`. */
export async function recordId(keys: ProgressKeys, what: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', keys.names, encoder.encode(what)));
  return btoa(String.fromCharCode(...mac.subarray(0, 16)));
}

/** Encrypts `value` (as JSON) for storing under `id`. */
export async function encryptRecord(keys: ProgressKeys, id: string, value: unknown): Promise<SealedRecord> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
    keys.data,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv, data };
}

/** Decrypts a record stored under `id`; rejects when the key is not the one it was sealed with. */
export async function decryptRecord(keys: ProgressKeys, id: string, record: SealedRecord): Promise<unknown> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: record.iv, additionalData: encoder.encode(id) },
    keys.data,
    record.data,
  );
  return JSON.parse(new TextDecoder().decode(plain));
}
