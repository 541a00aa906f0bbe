/**
 * Malformed progress files, fuzzed: random JSON, and real exports (written by `toProgressFile`)
 * with fields changed, text cut short or bytes flipped, plain and passphrase-protected. Reading or
 * importing one must never throw or run forever: the file is either accepted, and then everything
 * stored is valid, or refused with one of the known reasons, and then nothing changed.
 *
 * The code runs in a worker thread with a watchdog (see ../fuzz.ts). fast-check shrinks a failing
 * input and prints the seed that replays it (FUZZ_SEED=… replays, FUZZ_SCALE=… runs more).
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FILE_APP,
  FILE_KIND,
  FILE_VERSION,
  MAX_FILE_BYTES,
  type ProgressFileData,
  type ProgressRecords,
  readProgressFile,
  toProgressFile,
} from '../../src/shared/progress-file.ts';
import { MAX_ITERATIONS, MIN_ITERATIONS, SEALED_KIND } from '../../src/shared/sealed-file.ts';
import type { ProgressSnapshot } from '../../src/storage/index.ts';
import { fuzzSettings, fuzzTimeout, returned, Watchdog } from '../fuzz.ts';
import type { Imported } from './progress-import-worker.ts';

/** Reading a file takes milliseconds; a protected one needs a key derived, a second or two at most. */
const WATCHDOG_MS = 20_000;
const PROPERTY_TIMEOUT_MS = fuzzTimeout(60_000);

/** Why `readProgressFile` may refuse a file. */
const READ_PROBLEMS = ['too-large', 'not-json', 'not-ours', 'newer-version', 'damaged'];
/**
 * Why an import may not happen. ('failed', the store refusing to write, is left out on purpose:
 * the in-memory IndexedDB here never fails, so it would mean the import broke something.)
 */
const IMPORT_OUTCOMES = [...READ_PROBLEMS, 'wrong-passphrase', 'weak-protection', 'locked'];

const files = new Watchdog(
  fileURLToPath(new URL('./progress-import-worker.ts', import.meta.url)),
  WATCHDOG_MS,
);
afterAll(() => files.close());

type ReadResult = ReturnType<typeof readProgressFile>;
const bytesOf = (text: string) => Buffer.byteLength(text, 'utf8');

/** What an accepted file must be: exactly what the reader's schema accepts, so it reads back the same. */
function expectValid(data: ProgressFileData): void {
  const again = JSON.stringify(data);
  expect(readProgressFile(again, bytesOf(again))).toEqual({ ok: true, data });
}

async function readsOrRefuses(text: string, bytes: number): Promise<void> {
  const result = returned(await files.call<ReadResult>('read', text, bytes));
  if (result.ok) {
    expect(bytes).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expectValid(result.data);
  } else {
    expect(READ_PROBLEMS).toContain(result.problem);
  }
}

/** Imports `text` over `seed` the way the app does; checks it was merged in whole, or changed nothing. */
async function importsOrRefuses(
  text: string | Uint8Array<ArrayBuffer>,
  seed: ProgressSnapshot,
  passphrase?: string,
): Promise<Imported> {
  const imported = returned(await files.call<Imported>('importText', text, seed, passphrase));
  expect(imported.storage, 'the store gave up on IndexedDB').toBeNull();
  if (imported.outcome === null) {
    expect(imported.expected, 'merged, but the file does not read as valid').not.toBeNull();
    expect(imported.after).toEqual(imported.expected);
    // Everything now stored would be exported, and read back, as valid.
    const exported = JSON.stringify(toProgressFile(imported.after, new Date(0)));
    expect(readProgressFile(exported, bytesOf(exported)).ok).toBe(true);
  } else {
    expect(IMPORT_OUTCOMES).toContain(imported.outcome);
    expect(imported.after, `refused (${imported.outcome}) but the store changed`).toEqual(imported.before);
    if (imported.outcome !== 'locked') expect(imported.expected).toBeNull();
  }
  return imported;
}

// --- Valid records and exports ---------------------------------------------------------------------

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
const time = fc.integer({ min: 0, max: 2 ** 45 });
const records: fc.Arbitrary<ProgressRecords> = fc.record({
  answers: fc.array(
    fc.record({
      lessonId: id,
      questionId: id,
      selected: fc.array(id, { maxLength: 4 }),
      correct: fc.boolean(),
      answeredAt: time,
    }),
    { maxLength: 6 },
  ),
  lessons: fc.array(
    fc.record({
      lessonId: id,
      bestPercent: fc.option(fc.integer({ min: 0, max: 100 })),
      completedAt: fc.option(time),
      attempts: fc.nat({ max: 50 }),
      updatedAt: time,
    }),
    { maxLength: 4 },
  ),
  checklist: fc.array(fc.record({ lessonId: id, itemId: id, done: fc.boolean(), updatedAt: time }), {
    maxLength: 4,
  }),
  reviews: fc.array(
    fc.record({
      lessonId: id,
      questionId: id,
      box: fc.integer({ min: 1, max: 10 }),
      due: time,
      updatedAt: time,
    }),
    { maxLength: 4 },
  ),
  settings: fc.subarray<[string, unknown]>([
    ['locale', 'ur'],
    ['theme', 'dark'],
    ['text-size', '130'],
    ['last-lesson', 'passwords'],
    ['storage.persist-requested', true],
  ]),
});
const exportedAt = fc.date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true });
/** A real export, as the app writes it. */
const exported = fc.tuple(records, exportedAt).map(([data, at]) => toProgressFile(data, at));

// --- Changes to a file ------------------------------------------------------------------------------

/** Values that have broken validators before: wrong types, edge numbers, long or hostile strings. */
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    -1,
    1.5,
    1e308,
    -0,
    2 ** 53 + 1,
    11,
    101,
    0,
    '',
    'A',
    'a'.repeat(101),
    '<script>',
    '__proto__',
    'constructor',
    'passwords',
    '2026-13-45T99:99:99Z',
    '2026-11-28T10:00:00Z',
    `2026-11-28T10:00:00.000Z${'0'.repeat(5000)}`,
    FILE_APP,
    FILE_KIND,
    SEALED_KIND,
    FILE_VERSION + 1,
    '1',
    null,
    true,
    [],
    {},
  ),
);

type Path = (string | number)[];

/** Every place in a JSON value, the root first. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, index) => index)
    : Object.keys(value);
  return [path, ...keys.flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...path, key]))];
}

type Change =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete' | 'duplicate' | 'stringify'; at: number }
  | { kind: 'add-field'; at: number; name: string; value: unknown };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: oddValue }),
  fc.record({
    kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'stringify' as const),
    at: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('add-field' as const),
    at: fc.nat(),
    name: fc.constantFrom('extra', '__proto__', 'constructor', 'toString', 'version', ''),
    value: oddValue,
  }),
);

/** Applies changes to a copy of `value`, each at a place chosen among those there are then. */
function changed(value: unknown, changes: readonly Change[]): unknown {
  let root = structuredClone(value);
  for (const step of changes) {
    const paths = pathsOf(root);
    const path = paths[step.at % paths.length] ?? [];
    const key = path.at(-1);
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root);
    const node = path.reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root);
    const put = (next: unknown) => {
      if (key === undefined) root = next;
      else (parent as Record<string | number, unknown>)[key] = next;
    };
    if (step.kind === 'set') put(structuredClone(step.value));
    else if (step.kind === 'stringify') put(JSON.stringify(node) ?? '');
    else if (step.kind === 'delete') {
      if (key === undefined) root = undefined;
      else if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete (parent as Record<string, unknown>)[key];
    } else if (step.kind === 'duplicate') {
      if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(node));
      else put([node, structuredClone(node)]);
    } else if (
      step.kind === 'add-field' &&
      node !== null &&
      typeof node === 'object' &&
      !Array.isArray(node)
    ) {
      // defineProperty, so that even "__proto__" becomes a field of the file, as JSON.parse makes it.
      Object.defineProperty(node, step.name, {
        value: step.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root;
}

type TextChange =
  | { kind: 'truncate' | 'delete-char'; at: number }
  | { kind: 'insert' | 'replace'; at: number; text: string }
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'bom' | 'proto' };

const textChange: fc.Arbitrary<TextChange> = fc.oneof(
  fc.record({ kind: fc.constantFrom('truncate' as const, 'delete-char' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constantFrom('insert' as const, 'replace' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constantFrom('"', ',', '}', ']', '{', '[', '\\', '\0', '\uD800', '\u2028', '-', '9', 'e9', 'null'),
    ),
  }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 0xff }) }),
  fc.record({ kind: fc.constantFrom('bom' as const, 'proto' as const) }),
);

/** Applies changes to the text of a file, as a damaged copy or a careless edit would. */
function damaged(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const step of changes) {
    const at = 'at' in step ? step.at % (out.length + 1) : 0;
    if (step.kind === 'truncate') out = out.slice(0, at);
    else if (step.kind === 'delete-char') out = out.slice(0, at) + out.slice(at + 1);
    else if (step.kind === 'insert') out = out.slice(0, at) + step.text + out.slice(at);
    else if (step.kind === 'replace') out = out.slice(0, at) + step.text + out.slice(at + step.text.length);
    else if (step.kind === 'flip' && at < out.length)
      out = out.slice(0, at) + String.fromCharCode(out.charCodeAt(at) ^ step.mask) + out.slice(at + 1);
    else if (step.kind === 'bom') out = `\uFEFF${out}`;
    else if (step.kind === 'proto') out = out.replace('{', '{"__proto__":{"polluted":true},');
  }
  return out;
}

/** A claimed size: usually the real one, sometimes at or over the limit. */
const claimedBytes = fc.oneof(
  { weight: 8, arbitrary: fc.constant('real') },
  { weight: 1, arbitrary: fc.constantFrom('limit', 'over') },
);
const bytesFor = (text: string, claim: string) =>
  claim === 'limit' ? MAX_FILE_BYTES : claim === 'over' ? MAX_FILE_BYTES + 1 : bytesOf(text);

/** Plain files: a real export with fields changed, then its text damaged (either may be empty). */
const plainFile = fc
  .record({
    file: exported,
    changes: fc.array(change, { maxLength: 4 }),
    damage: fc.array(textChange, { maxLength: 3 }),
    indent: fc.constantFrom(undefined, 1),
  })
  .map(({ file, changes, damage, indent }) =>
    damaged(JSON.stringify(changed(file, changes), null, indent) ?? '', damage),
  );

// --- Protected files --------------------------------------------------------------------------------

const PASSPHRASE = 'café über sécurité';
/** The same passphrase with its accents as separate characters: it must open the file too. */
const DECOMPOSED = PASSPHRASE.normalize('NFD');

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
type SealedChange =
  | { kind: 'flip'; field: 'data' | 'salt' | 'iv'; at: number; char: string }
  | { kind: 'cut'; field: 'data' | 'salt' | 'iv'; at: number }
  | { kind: 'iterations'; value: unknown }
  | { kind: 'swap'; field: 'data' | 'salt' | 'iv' }
  | { kind: 'json'; change: Change }
  | { kind: 'text'; change: TextChange }
  | { kind: 'byte'; at: number; mask: number };

const sealedField = fc.constantFrom(
  'data' as const,
  'data' as const,
  'data' as const,
  'iv' as const,
  'salt' as const,
);
const sealedChange: fc.Arbitrary<SealedChange> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('flip' as const),
      field: sealedField,
      at: fc.nat(),
      char: fc.constantFrom(...BASE64),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('cut' as const), field: sealedField, at: fc.nat() }),
  },
  {
    weight: 1,
    // Never more work than the one the file was sealed with, so runs stay fast (the upper limit is
    // checked by the schema, just above it).
    arbitrary: fc.record({
      kind: fc.constant('iterations' as const),
      value: fc.constantFrom(
        0,
        1,
        1000,
        MIN_ITERATIONS - 1,
        MIN_ITERATIONS,
        MIN_ITERATIONS + 0.5,
        MAX_ITERATIONS + 1,
        -1,
        '600000',
        null,
        1e21,
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), field: sealedField }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('json' as const), change }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('text' as const), change: textChange }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('byte' as const),
      at: fc.nat(),
      mask: fc.integer({ min: 1, max: 0xff }),
    }),
  },
);

interface SealedBase {
  plain: string;
  sealed: Record<string, Record<string, unknown>>;
}

/** Applies changes to protected file `base`, giving the file's bytes; `other` lends its fields for a swap. */
function changedSealed(
  base: SealedBase,
  other: SealedBase,
  changes: readonly SealedChange[],
): Uint8Array<ArrayBuffer> {
  let file: unknown = structuredClone(base.sealed);
  const damage: TextChange[] = [];
  const flips: { at: number; mask: number }[] = [];
  const where = (field: 'data' | 'salt' | 'iv') =>
    field === 'data'
      ? (file as SealedBase['sealed'])
      : (file as SealedBase['sealed'])[field === 'salt' ? 'kdf' : 'cipher'];
  const otherField = (field: 'data' | 'salt' | 'iv') =>
    field === 'data' ? other.sealed.data : other.sealed[field === 'salt' ? 'kdf' : 'cipher']?.[field];
  for (const step of changes) {
    const shaped = file !== null && typeof file === 'object' && 'kdf' in file && 'cipher' in file;
    if (step.kind === 'json') file = changed(file, [step.change]);
    else if (step.kind === 'text') damage.push(step.change);
    else if (step.kind === 'byte') flips.push(step);
    else if (!shaped) continue;
    else if (step.kind === 'iterations') {
      const kdf = (file as SealedBase['sealed']).kdf;
      if (kdf && typeof kdf === 'object') kdf.iterations = step.value;
    } else {
      const holder = where(step.field);
      if (!holder || typeof holder !== 'object') continue;
      const value = String(holder[step.field] ?? '');
      const at = 'at' in step ? step.at % Math.max(value.length, 1) : 0;
      if (step.kind === 'flip') holder[step.field] = value.slice(0, at) + step.char + value.slice(at + 1);
      else if (step.kind === 'cut') holder[step.field] = value.slice(0, at);
      else holder[step.field] = otherField(step.field);
    }
  }
  const bytes = new TextEncoder().encode(damaged(JSON.stringify(file, null, 1) ?? '', damage));
  // Flipped bits may leave bytes that are not UTF-8 at all.
  for (const { at, mask } of flips)
    if (bytes.length > 0) bytes[at % bytes.length] = (bytes[at % bytes.length] as number) ^ mask;
  return bytes;
}

// --- The properties ---------------------------------------------------------------------------------

describe('reading a progress file that is not what it should be', () => {
  it(
    'reads or refuses any JSON value, and any text at all',
    async () => {
      const text = fc.oneof(
        fc.jsonValue().map((value) => JSON.stringify(value)),
        fc
          .record({
            app: fc.constantFrom(FILE_APP, FILE_APP, 'other'),
            kind: fc.constantFrom(FILE_KIND, FILE_KIND, SEALED_KIND),
            version: oddValue,
            rest: fc.dictionary(
              fc.constantFrom(
                'exportedAt',
                'answers',
                'lessons',
                'checklist',
                'reviews',
                'settings',
                'extra',
              ),
              oddValue,
            ),
          })
          .map(({ rest, ...head }) => JSON.stringify({ ...head, ...rest })),
        fc.string({ unit: 'binary', maxLength: 200 }),
      );
      await fc.assert(
        fc.asyncProperty(text, claimedBytes, (content, claim) =>
          readsOrRefuses(content, bytesFor(content, claim)),
        ),
        fuzzSettings(1500),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'reads or refuses real exports with fields changed and text damaged',
    async () => {
      await fc.assert(
        fc.asyncProperty(plainFile, claimedBytes, (content, claim) =>
          readsOrRefuses(content, bytesFor(content, claim)),
        ),
        fuzzSettings(1500),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('importing a damaged progress file into the app', () => {
  it(
    'merges a file in whole or refuses it changing nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(plainFile, records, async (content, seed) => {
          await importsOrRefuses(content, seed);
        }),
        {
          ...fuzzSettings(300),
          // An untouched export, and one too large to be read at all.
          examples: [
            [
              JSON.stringify(
                toProgressFile(
                  { answers: [], lessons: [], checklist: [], reviews: [], settings: [] },
                  new Date(0),
                ),
              ),
              { answers: [], lessons: [], checklist: [], reviews: [], settings: [] },
            ],
            [
              ' '.repeat(MAX_FILE_BYTES + 1),
              { answers: [], lessons: [], checklist: [], reviews: [], settings: [] },
            ],
          ],
        },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  describe('protected with a passphrase', () => {
    const bases: SealedBase[] = [];

    beforeAll(async () => {
      const plains = fc
        .sample(exported, { numRuns: 2, seed: 7 })
        .map((data) => JSON.stringify(data, null, 1));
      for (const plain of plains) {
        const sealed = returned(await files.call<string>('sealText', plain, PASSPHRASE));
        bases.push({ plain, sealed: JSON.parse(sealed) });
      }
    }, PROPERTY_TIMEOUT_MS);

    it(
      'opens only the unchanged file with the right passphrase, and refuses anything else changing nothing',
      async () => {
        const passphrase = fc.constantFrom(
          PASSPHRASE,
          PASSPHRASE,
          DECOMPOSED,
          undefined,
          '',
          `${PASSPHRASE} `,
          'wrong',
        );
        await fc.assert(
          fc.asyncProperty(
            fc.nat({ max: 1 }),
            fc.array(sealedChange, { maxLength: 3 }),
            passphrase,
            records,
            async (index, changes, phrase, seed) => {
              const base = bases[index] as SealedBase;
              const content = changedSealed(base, bases[1 - index] as SealedBase, changes);
              const imported = await importsOrRefuses(content, seed, phrase);
              // Whatever was changed, only the file as sealed can come out of it.
              if (imported.outcome === null) expect(imported.text).toBe(base.plain);
              if (changes.length === 0)
                expect(imported.outcome).toBe(
                  phrase === undefined
                    ? 'locked'
                    : [PASSPHRASE, DECOMPOSED].includes(phrase)
                      ? null
                      : 'wrong-passphrase',
                );
            },
          ),
          fuzzSettings(200),
        );
      },
      PROPERTY_TIMEOUT_MS,
    );
  });
});
