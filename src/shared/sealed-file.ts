/**
 * A progress file protected with a passphrase: the file's text encrypted with AES-GCM under a key
 * derived by PBKDF2-SHA-256 from the passphrase and a random salt. The file records the
 * parameters, so a future version can raise the work factor and still read old files; a file
 * asking for less work than `MIN_ITERATIONS` is refused rather than trusted. Uses only WebCrypto,
 * so it runs the same in the browser and in Node.
 */
import * as v from 'valibot';
import { passphraseKey } from './passphrase-key';
import { FILE_APP } from './progress-file';

export const SEALED_KIND = 'progress-sealed';
export const SEALED_VERSION = 1;
/** The least work accepted on import; the OWASP recommendation for PBKDF2-SHA-256. */
export const MIN_ITERATIONS = 600_000;
/** The most work accepted, so a crafted file cannot freeze the phone. */
export const MAX_ITERATIONS = 10_000_000;
/** The work used when sealing. */
export const ITERATIONS = 600_000;

const SALT_BYTES = 16;
const IV_BYTES = 12;

const base64 = (length: number) =>
  v.pipe(
    v.string(),
    // Stryker disable next-line Regex: atob refuses all but base64 and spaces, and spaces around a salt or nonce decode to the same bytes
    v.regex(/^[A-Za-z0-9+/]+=*$/),
    v.check((text) => fromBase64(text).length === length),
  );

const SealedHead = v.looseObject({ app: v.literal(FILE_APP), kind: v.literal(SEALED_KIND) });

const SealedFile = v.strictObject({
  app: v.literal(FILE_APP),
  kind: v.literal(SEALED_KIND),
  version: v.literal(SEALED_VERSION),
  kdf: v.strictObject({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_ITERATIONS)),
    salt: base64(SALT_BYTES),
  }),
  cipher: v.strictObject({ name: v.literal('AES-GCM'), iv: base64(IV_BYTES) }),
  data: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*=*$/)),
});

type SealedFileData = v.InferOutput<typeof SealedFile>;

/** Why a sealed file could not be opened. */
export type UnsealProblem = 'wrong-passphrase' | 'weak-protection' | 'damaged';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array(0);
  }
}

/** Binds the ciphertext to the format, so it cannot be passed off as another kind of file. */
const ASSOCIATED = new TextEncoder().encode(`${FILE_APP}/${SEALED_KIND}/${SEALED_VERSION}`);

const deriveKey = passphraseKey;

/** True when parsed JSON looks like a sealed progress file (its details are checked on opening). */
export function isSealed(json: unknown): boolean {
  return v.is(SealedHead, json);
}

/** Encrypts `text` with `passphrase`; returns the sealed file's JSON text. */
export async function seal(text: string, passphrase: string, iterations = ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await deriveKey(passphrase, salt, iterations);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: ASSOCIATED },
    key,
    new TextEncoder().encode(text),
  );
  const file: SealedFileData = {
    app: FILE_APP,
    kind: SEALED_KIND,
    version: SEALED_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(new Uint8Array(data)),
  };
  return JSON.stringify(file, null, 1);
}

/**
 * Decrypts a sealed file (already parsed JSON). A wrong passphrase and a changed file look the
 * same to AES-GCM, so both are reported as `wrong-passphrase`, and the message says so.
 */
export async function unseal(
  json: unknown,
  passphrase: string,
): Promise<{ ok: true; text: string } | { ok: false; problem: UnsealProblem }> {
  const parsed = v.safeParse(SealedFile, json);
  if (!parsed.success) return { ok: false, problem: 'damaged' };
  const { kdf, cipher, data } = parsed.output;
  if (kdf.iterations < MIN_ITERATIONS) return { ok: false, problem: 'weak-protection' };
  try {
    const key = await deriveKey(passphrase, fromBase64(kdf.salt), kdf.iterations);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(cipher.iv), additionalData: ASSOCIATED },
      key,
      fromBase64(data),
    );
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
  } catch {
    return { ok: false, problem: 'wrong-passphrase' };
  }
}
