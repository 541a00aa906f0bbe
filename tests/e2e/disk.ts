/**
 * What a forensic copy of the browser's files reveals: a Chromium with a profile folder of its own,
 * and a scan of every file in it for given strings, the way an inspector with a copy of the phone
 * would search it, through the encodings and the compression that the storage engines use.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { uncompress } from 'snappyjs';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/tools/chromium.ts';

// ——— The browser and its profile ———

/** A new, empty folder for a browser profile. */
export function newProfileDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'safe-online-profile-'));
}

/** Deletes a profile folder and everything in it. */
export function removeProfileDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/**
 * A phone-sized headless Chromium, with the harness's flags, that keeps its files in `dir`, so they
 * can be read once it is closed. Closing the context closes the browser.
 */
export function launchProfile(dir: string, executablePath = inject('chromePath')): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
  });
}

/**
 * Opens the browser on the profile in `dir`, runs `use` on its page, and closes the browser (also
 * when `use` throws), so that its files are written out before anyone reads them.
 */
export async function inProfile<T>(dir: string, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await launchProfile(dir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    return await use(page);
  } finally {
    await context.close();
  }
}

// ——— The scan ———

/** How the searched bytes spell the needle. */
export type Encoding = 'utf-8' | 'latin-1' | 'utf-16le' | 'utf-16be';

/**
 * Where in the file the needle was: in its bytes as they are, or only once the file was read as
 * the storage engine writes it.
 */
export type Layer =
  /** The file's bytes as they are on disk. */
  | 'raw'
  /** A LevelDB write-ahead log record, its fragments put back together. */
  | 'log record'
  /** A LevelDB table's data block, stored as it is. */
  | 'table block'
  /** A LevelDB table's data block, once decompressed from Snappy. */
  | 'snappy table block'
  /** A LevelDB key with the prefix it shares with the key before it put back. */
  | 'table key'
  /** A value (in a log record or a table) that decompresses as Snappy. */
  | 'snappy value';

export interface Hit {
  /** Path of the file, relative to the profile folder, with forward slashes. */
  file: string;
  encoding: Encoding;
  layer: Layer;
}

export interface NeedleHits {
  needle: string;
  /** Every file that holds the needle in some encoding or layer, sorted. */
  files: string[];
  /** Each way it was found, one per file, encoding and layer. */
  hits: Hit[];
}

/** A file, or part of one, that the scan could read only as raw bytes, and why. */
export interface Unread {
  file: string;
  reason: string;
}

export interface Scan {
  /** One entry per needle, in the order given. */
  needles: NeedleHits[];
  /** How many files were searched. */
  files: number;
  unread: Unread[];
}

export interface ScanOptions {
  /** Leaves out files for which this returns true (given the relative path, with forward slashes). */
  skip?: (file: string) => boolean;
}

/** The needle's bytes in every encoding a browser may store a string in, without duplicates. */
export function encodings(needle: string): [Encoding, Buffer][] {
  const utf8 = Buffer.from(needle, 'utf8');
  const found: [Encoding, Buffer][] = [['utf-8', utf8]];
  // V8 writes strings whose characters all fit in one byte as Latin-1 ("one-byte strings").
  if ([...needle].every((c) => (c.codePointAt(0) ?? 0) < 0x100)) {
    const latin1 = Buffer.from(needle, 'latin1');
    if (!latin1.equals(utf8)) found.push(['latin-1', latin1]);
  }
  const utf16le = Buffer.from(needle, 'utf16le');
  found.push(['utf-16le', utf16le], ['utf-16be', Buffer.from(utf16le).swap16()]);
  return found;
}

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const slashes = (file: string) => file.split(path.sep).join('/');

/**
 * Searches every file under the profile folder `dir` for each needle: in the raw bytes, and in what
 * LevelDB's logs and tables hold once read as LevelDB reads them (fragments joined, blocks
 * decompressed, shared key prefixes restored, values tried as Snappy); each in UTF-8, Latin-1,
 * UTF-16LE and UTF-16BE.
 */
export async function scanProfile(dir: string, needles: string[], options: ScanOptions = {}): Promise<Scan> {
  const patterns = needles.map((needle) => ({ needle, bytes: encodings(needle) }));
  const hits = new Map<string, Hit[]>(needles.map((needle) => [needle, []]));
  const unread: Unread[] = [];
  const files = (await filesUnder(dir)).map(slashes).filter((file) => !options.skip?.(file));
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, file));
    } catch (error) {
      // A file can vanish between listing and reading only if a browser still runs on the profile.
      unread.push({ file, reason: `could not be read: ${(error as Error).message}` });
      continue;
    }
    const seen = new Set<string>();
    const search = (view: Uint8Array, layer: Layer) => {
      const buffer = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
      for (const { needle, bytes: spellings } of patterns) {
        for (const [encoding, pattern] of spellings) {
          const key = `${needle}\n${encoding}\n${layer}`;
          if (!seen.has(key) && buffer.includes(pattern)) {
            seen.add(key);
            hits.get(needle)?.push({ file, encoding, layer });
          }
        }
      }
    };
    search(bytes, 'raw');
    for (const [view, layer] of levelDbViews(file, bytes, (reason) => unread.push({ file, reason }))) {
      search(view, layer);
    }
  }
  return {
    files: files.length,
    unread,
    needles: needles.map((needle) => {
      const found = hits.get(needle) ?? [];
      return { needle, files: [...new Set(found.map((hit) => hit.file))].sort(), hits: found };
    }),
  };
}

/** The needles that were found, and where: for a test's failure message or log. */
export function describeHits(found: NeedleHits[]): string {
  const lines = found
    .filter((entry) => entry.files.length > 0)
    .flatMap((entry) => [
      `"${entry.needle}" in ${entry.files.length} file(s):`,
      ...entry.files.map((file) => {
        const ways = entry.hits
          .filter((hit) => hit.file === file)
          .map((hit) => `${hit.encoding} ${hit.layer}`)
          .join(', ');
        return `  ${file} (${ways})`;
      }),
    ]);
  return lines.length > 0 ? lines.join('\n') : 'nothing found';
}

// ——— LevelDB, as the scan reads it ———

/** What LevelDB holds in `file`, besides its raw bytes; each view paired with how it was read. */
function* levelDbViews(
  file: string,
  bytes: Uint8Array,
  unreadable: (reason: string) => void,
): Generator<[Uint8Array, Layer]> {
  const name = path.posix.basename(file);
  if (name.endsWith('.log') || name.startsWith('MANIFEST-')) {
    for (const record of readLogRecords(bytes)) {
      yield [record, 'log record'];
      for (const value of writeBatchValues(record)) yield* snappyTries(value);
    }
  } else if (name.endsWith('.ldb') || name.endsWith('.sst')) {
    let table: TableBlock[];
    try {
      table = readTable(bytes);
    } catch (error) {
      unreadable(`not a readable LevelDB table: ${(error as Error).message}`);
      return;
    }
    for (const block of table) {
      if (block.kind === 'unreadable') {
        unreadable(block.reason);
        continue;
      }
      yield [block.data, block.kind === 'snappy' ? 'snappy table block' : 'table block'];
      let entries: BlockEntry[];
      try {
        entries = readBlockEntries(block.data);
      } catch (error) {
        unreadable(`a data block's entries could not be read: ${(error as Error).message}`);
        continue;
      }
      for (const entry of entries) {
        yield [entry.key, 'table key'];
        yield* snappyTries(entry.value);
      }
    }
  }
}

/** Reads a varint (up to 64 bits; LevelDB's lengths and offsets) at `at`: its value and where it ends. */
export function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const byte = bytes[i] ?? 0;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, i + 1];
    scale *= 128;
  }
  throw new Error(`no varint at byte ${at}`);
}

/** Size of a LevelDB log block: records never cross one, fragments do. */
export const LOG_BLOCK_SIZE = 32 * 1024;
const LOG_HEADER = 7;
const FULL = 1;
const FIRST = 2;
const MIDDLE = 3;
const LAST = 4;

/**
 * The records of a LevelDB write-ahead log (or MANIFEST), each put back together from its FULL, or
 * FIRST, MIDDLE… and LAST fragments: a string split across two 32 KiB blocks is whole again.
 * Checksums are not verified: a torn record's bytes are still there for an inspector to read.
 */
export function readLogRecords(bytes: Uint8Array): Uint8Array[] {
  const records: Uint8Array[] = [];
  let pending: Uint8Array[] | null = null;
  for (let block = 0; block < bytes.length; block += LOG_BLOCK_SIZE) {
    const end = Math.min(block + LOG_BLOCK_SIZE, bytes.length);
    let at = block;
    while (at + LOG_HEADER <= end) {
      const length = (bytes[at + 4] ?? 0) | ((bytes[at + 5] ?? 0) << 8);
      const type = bytes[at + 6];
      const start = at + LOG_HEADER;
      // Type 0 is the zeros of a block's unused tail (or of space a crash left unwritten).
      if (type === 0 || start + length > end) break;
      const fragment = bytes.subarray(start, start + length);
      if (type === FULL) {
        records.push(fragment);
        pending = null;
      } else if (type === FIRST) {
        pending = [fragment];
      } else if (type === MIDDLE && pending) {
        pending.push(fragment);
      } else if (type === LAST && pending) {
        pending.push(fragment);
        records.push(Buffer.concat(pending));
        pending = null;
      }
      at = start + length;
    }
  }
  // A record whose LAST fragment was never written still holds readable bytes.
  if (pending) records.push(Buffer.concat(pending));
  return records;
}

/** The keys and values put by a LevelDB write batch (a log record): 8-byte sequence, 4-byte count, then entries. */
export function writeBatchValues(record: Uint8Array): Uint8Array[] {
  const values: Uint8Array[] = [];
  let at = 12;
  try {
    while (at < record.length) {
      const tag = record[at];
      at += 1;
      const [keyLength, keyAt] = readVarint(record, at);
      at = keyAt + keyLength;
      if (tag === 1) {
        const [valueLength, valueAt] = readVarint(record, at);
        values.push(record.subarray(valueAt, valueAt + valueLength));
        at = valueAt + valueLength;
      } else if (tag !== 0) {
        break;
      }
    }
  } catch {
    // A record that is not a write batch (a MANIFEST's) or is torn: what was read so far stands.
  }
  return values;
}

/** A block handle: where a block starts in a table file, and its size without the 5-byte trailer. */
export interface BlockHandle {
  offset: number;
  size: number;
}

/** The 8 bytes that end every LevelDB table file: 0xdb4775248b80fb57, little-endian. */
export const TABLE_MAGIC = Buffer.from([0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb]);
const FOOTER = 48;
const TRAILER = 5;

export type TableBlock =
  | { kind: 'stored' | 'snappy'; handle: BlockHandle; data: Uint8Array }
  | { kind: 'unreadable'; handle: BlockHandle; reason: string };

/**
 * Every data block of a LevelDB table (.ldb, .sst), found through its footer and index block, and
 * decompressed. Throws when the file is not a table.
 */
export function readTable(bytes: Uint8Array): TableBlock[] {
  if (bytes.length < FOOTER) throw new Error('shorter than a table footer');
  const footer = bytes.subarray(bytes.length - FOOTER);
  if (!Buffer.from(footer.subarray(FOOTER - 8)).equals(TABLE_MAGIC)) throw new Error('no table magic number');
  const [, afterMetaOffset] = readVarint(footer, 0);
  const [, afterMetaSize] = readVarint(footer, afterMetaOffset);
  const [indexOffset, afterIndexOffset] = readVarint(footer, afterMetaSize);
  const [indexSize] = readVarint(footer, afterIndexOffset);
  const index = readBlock(bytes, { offset: indexOffset, size: indexSize });
  if (index.kind === 'unreadable') throw new Error(`its index block is ${index.reason}`);
  return readBlockEntries(index.data).map((entry) => {
    const [offset, afterOffset] = readVarint(entry.value, 0);
    const [size] = readVarint(entry.value, afterOffset);
    return readBlock(bytes, { offset, size });
  });
}

/** One block of a table, decompressed as its trailer says. */
export function readBlock(bytes: Uint8Array, handle: BlockHandle): TableBlock {
  const end = handle.offset + handle.size;
  if (end + TRAILER > bytes.length) {
    return { kind: 'unreadable', handle, reason: `block at ${handle.offset} runs past the end of the file` };
  }
  const stored = bytes.subarray(handle.offset, end);
  const compression = bytes[end];
  if (compression === 0) return { kind: 'stored', handle, data: stored };
  if (compression === 1) {
    try {
      return { kind: 'snappy', handle, data: uncompress(stored) };
    } catch (error) {
      return {
        kind: 'unreadable',
        handle,
        reason: `bad Snappy at ${handle.offset}: ${(error as Error).message}`,
      };
    }
  }
  const name = compression === 2 ? 'Zstd' : `compression type ${compression}`;
  return { kind: 'unreadable', handle, reason: `block at ${handle.offset} is compressed with ${name}` };
}

export interface BlockEntry {
  /** The whole key, with the prefix it shares with the previous key put back. */
  key: Uint8Array;
  value: Uint8Array;
}

/**
 * The entries of a table block: each stores only the part of its key that differs from the key
 * before it (varints shared, unshared, value length; then those key bytes and the value), and the
 * block ends with its restart points (4 bytes each) and their count (4 bytes).
 */
export function readBlockEntries(block: Uint8Array): BlockEntry[] {
  if (block.length < 4) throw new Error('block shorter than its restart count');
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const restarts = view.getUint32(block.length - 4, true);
  const entriesEnd = block.length - 4 * (restarts + 1);
  if (entriesEnd < 0) throw new Error(`${restarts} restart points do not fit in the block`);
  const entries: BlockEntry[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  let at = 0;
  while (at < entriesEnd) {
    const [shared, afterShared] = readVarint(block, at);
    const [unshared, afterUnshared] = readVarint(block, afterShared);
    const [valueLength, keyAt] = readVarint(block, afterUnshared);
    const valueAt = keyAt + unshared;
    const next = valueAt + valueLength;
    if (shared > previous.length || next > entriesEnd) throw new Error(`entry at ${at} runs past its block`);
    const key = Buffer.concat([previous.subarray(0, shared), block.subarray(keyAt, valueAt)]);
    entries.push({ key, value: block.subarray(valueAt, next) });
    previous = key;
    at = next;
  }
  return entries;
}

/**
 * Chromium may compress a large IndexedDB value with Snappy behind a few bytes of its own header,
 * so each of the first offsets of a value is tried as the start of a Snappy stream. A guess that
 * is not Snappy fails or yields bytes that hold no needle.
 */
function* snappyTries(value: Uint8Array): Generator<[Uint8Array, Layer]> {
  // Snappy's output is at most about 21 times its input: one 3-byte copy writes up to 64 bytes.
  const limit = value.length * 24 + 64;
  for (let offset = 0; offset < Math.min(16, value.length - 1); offset++) {
    try {
      const data = uncompress(value.subarray(offset), limit);
      if (data.length > 0) yield [data, 'snappy value'];
    } catch {
      // Not Snappy from here.
    }
  }
}

// ——— Where a file belongs ———

/** What a file of the profile is, for an inspector: see `areaOf`. */
export type Area = 'site storage' | 'app code' | 'browser';

// Paths start with the profile's own folder ("Default" for the first profile).
const SITE_STORAGE =
  /^[^/]+\/(IndexedDB|Local Storage|Session Storage|WebStorage|File System|blob_storage)\//;
const APP_CODE = /^[^/]+\/(Service Worker\/(CacheStorage|ScriptCache)|Code Cache|Cache)\//;
/** Cache Storage: the responses a service worker saved, for pages to use offline. */
export const CACHE_STORAGE = /^[^/]+\/Service Worker\/CacheStorage\//;

/**
 * Where a file of the profile (a path relative to it) belongs:
 * - 'site storage': what sites store through web APIs: IndexedDB (and Storage Buckets, under
 *   WebStorage), Local Storage, Session Storage, the File System API and blobs;
 * - 'app code': the browser's copies of the app's own files: Cache Storage and the service worker's
 *   script cache, the HTTP cache and V8's compiled-code cache;
 * - 'browser': everything else the browser writes of its own: history, session restore, settings.
 */
export function areaOf(file: string): Area {
  if (SITE_STORAGE.test(file)) return 'site storage';
  if (APP_CODE.test(file)) return 'app code';
  return 'browser';
}

/** `found`, keeping only the files that `keep` accepts, and the needles still found somewhere. */
export function onlyFiles(found: NeedleHits[], keep: (file: string) => boolean): NeedleHits[] {
  return found
    .map((entry) => ({
      needle: entry.needle,
      files: entry.files.filter(keep),
      hits: entry.hits.filter((hit) => keep(hit.file)),
    }))
    .filter((entry) => entry.files.length > 0);
}
