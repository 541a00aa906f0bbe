/**
 * Loaded in the worker thread of the progress-file fuzz test (see ../fuzz.ts): reads files with
 * `readProgressFile`, and imports them with the app's own `importProgress` into an in-memory
 * IndexedDB, saying what the store held before and after.
 */
import 'fake-indexeddb/auto';
import { importProgress } from '../../src/app/pages/progress-data.ts';
import { progressStore, storageStatus } from '../../src/app/progress.ts';
import { MAX_FILE_BYTES, mergeProgress, readProgressFile } from '../../src/shared/progress-file.ts';
import { isSealed, seal, unseal } from '../../src/shared/sealed-file.ts';
import type { ProgressSnapshot } from '../../src/storage/index.ts';
import { referenceMerge } from './merge-reference.ts';

remember(globalThis.crypto.subtle);

const EMPTY: ProgressSnapshot = { answers: [], lessons: [], checklist: [], settings: [], reviews: [] };

/** `readProgressFile`; an accepted file is also merged, which must not throw either. */
export function read(text: string, bytes: number) {
  const result = readProgressFile(text, bytes);
  if (result.ok) mergeProgress(EMPTY, result.data);
  return result;
}

export function sealText(text: string, passphrase: string): Promise<string> {
  return seal(text, passphrase);
}

export interface Imported {
  /** What `importProgress` resolved to: null when the file was merged in. */
  outcome: unknown;
  before: ProgressSnapshot;
  after: ProgressSnapshot;
  /** For a merged file: what the store should hold, the reference merge of `before` and the file. */
  expected: ProgressSnapshot | null;
  /** For a merged file: its progress file text (decrypted, for a protected one). */
  text: string | null;
  /** Set if the store gave up on IndexedDB, which would hide what the import did. */
  storage: unknown;
}

/** Puts `seed` in the store, imports `text` (or these bytes) as a chosen file, and reads the store again. */
export async function importText(
  text: string | Uint8Array<ArrayBuffer>,
  seed: ProgressSnapshot,
  passphrase?: string,
): Promise<Imported> {
  const store = await progressStore();
  await store.replaceAll(seed);
  const before = await store.snapshot();
  const file = new File([text], 'progress.json', { type: 'application/json' });
  const outcome = await importProgress(file, passphrase);
  const after = await store.snapshot();

  // What the import should have done, worked out again step by step, with the reference merge rather
  // than the app's own. Reading the file as text drops a byte order mark, as the app's reading does.
  const content = file.size > MAX_FILE_BYTES ? '' : await file.text();
  let plain: string | null = content;
  let json: unknown = null;
  try {
    json = JSON.parse(content);
  } catch {
    // Not JSON: readProgressFile refuses it.
  }
  if (isSealed(json)) {
    const opened = passphrase === undefined ? null : await unseal(json, passphrase);
    plain = opened?.ok ? opened.text : null;
  }
  const readBack = plain === null ? null : readProgressFile(plain, file.size);
  let expected: ProgressSnapshot | null = null;
  if (readBack?.ok) {
    await store.replaceAll(referenceMerge(before, readBack.data));
    expected = await store.snapshot();
  }
  return {
    outcome,
    before,
    after,
    expected,
    text: readBack?.ok ? plain : null,
    storage: storageStatus.get(),
  };
}

/**
 * Remembers PBKDF2 keys already derived from the same passphrase, salt and work factor. Each takes
 * a good part of a second, and most changed files keep all three, so without this a few hundred
 * runs would take minutes. The derivation is deterministic, so the result is the same.
 */
function remember(subtle: SubtleCrypto): void {
  const importKey = subtle.importKey.bind(subtle) as (...args: unknown[]) => Promise<CryptoKey>;
  const deriveKey = subtle.deriveKey.bind(subtle) as (...args: unknown[]) => Promise<CryptoKey>;
  const hex = (data: unknown) =>
    (ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data as ArrayBuffer)
    ).toString('hex');
  const materials = new Map<string, Promise<CryptoKey>>();
  const names = new WeakMap<CryptoKey, string>();
  const derived = new Map<string, Promise<CryptoKey>>();
  Object.assign(subtle, {
    importKey(...args: unknown[]) {
      const [format, data, algorithm] = args;
      if (format !== 'raw' || algorithm !== 'PBKDF2') return importKey(...args);
      const name = hex(data);
      let key = materials.get(name);
      if (!key) {
        key = importKey(...args).then((material) => {
          names.set(material, name);
          return material;
        });
        materials.set(name, key);
      }
      return key;
    },
    deriveKey(...args: unknown[]) {
      const [algorithm, material] = args as [Pbkdf2Params, CryptoKey];
      const name = names.get(material);
      if (algorithm.name !== 'PBKDF2' || name === undefined) return deriveKey(...args);
      const id = [name, hex(algorithm.salt), algorithm.iterations, algorithm.hash].join('/');
      let key = derived.get(id);
      if (!key) {
        key = deriveKey(...args);
        derived.set(id, key);
      }
      return key;
    },
  });
}
