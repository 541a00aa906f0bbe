/** The profile scanner's LevelDB reading, on small table and log files made here byte by byte. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compress } from 'snappyjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LOG_BLOCK_SIZE,
  readBlockEntries,
  readLogRecords,
  readTable,
  scanProfile,
  TABLE_MAGIC,
} from '../e2e/disk.ts';

// ——— Writing LevelDB's formats ———

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

/** A block of entries, each key stored as the part it does not share with the key before it. */
function block(entries: [key: Uint8Array, value: Uint8Array][]): Buffer {
  const parts: Buffer[] = [];
  let previous = Buffer.alloc(0);
  for (const [key, value] of entries) {
    const keyBytes = Buffer.from(key);
    let shared = 0;
    while (shared < previous.length && shared < keyBytes.length && previous[shared] === keyBytes[shared]) {
      shared++;
    }
    parts.push(
      Buffer.from([...varint(shared), ...varint(keyBytes.length - shared), ...varint(value.length)]),
    );
    parts.push(keyBytes.subarray(shared), Buffer.from(value));
    previous = keyBytes;
  }
  const restarts = Buffer.alloc(8); // One restart point, at 0; then their count, 1.
  restarts.writeUInt32LE(1, 4);
  return Buffer.concat([...parts, restarts]);
}

/** A table file: its data blocks (stored, Snappy or Zstd as asked), an empty metaindex, the index, the footer. */
function table(blocks: { entries: [Uint8Array, Uint8Array][]; compression: 0 | 1 | 2 }[]): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  const add = (contents: Buffer, compression: number) => {
    const handle = { offset, size: contents.length };
    parts.push(contents, Buffer.from([compression, 0, 0, 0, 0]));
    offset += contents.length + 5;
    return handle;
  };
  const index: [Uint8Array, Uint8Array][] = blocks.map((data, i) => {
    const contents = block(data.entries);
    const stored = data.compression === 1 ? Buffer.from(compress(contents)) : contents;
    const handle = add(stored, data.compression);
    return [Buffer.from(`separator-${i}`), Buffer.from([...varint(handle.offset), ...varint(handle.size)])];
  });
  const meta = add(block([]), 0);
  const indexHandle = add(block(index), 0);
  const handles = [
    ...varint(meta.offset),
    ...varint(meta.size),
    ...varint(indexHandle.offset),
    ...varint(indexHandle.size),
  ];
  const footer = Buffer.concat([Buffer.from(handles), Buffer.alloc(40 - handles.length), TABLE_MAGIC]);
  return Buffer.concat([...parts, footer]);
}

/** A write batch putting `value` under `key`. */
function writeBatch(key: Uint8Array, value: Uint8Array): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt32LE(1, 8);
  return Buffer.concat([
    header,
    Buffer.from([1, ...varint(key.length)]),
    Buffer.from(key),
    Buffer.from(varint(value.length)),
    Buffer.from(value),
  ]);
}

/** A log holding `records`, cut into fragments wherever a 32 KiB block ends. */
function log(records: Buffer[]): Buffer {
  const out: number[] = [];
  for (const record of records) {
    let at = 0;
    let first = true;
    do {
      const room = LOG_BLOCK_SIZE - (out.length % LOG_BLOCK_SIZE);
      if (room < 7) {
        out.push(...new Array(room).fill(0));
        continue;
      }
      const length = Math.min(room - 7, record.length - at);
      const last = at + length === record.length;
      const type = first && last ? 1 : first ? 2 : last ? 4 : 3;
      out.push(0, 0, 0, 0, length & 0xff, length >> 8, type, ...record.subarray(at, at + length));
      at += length;
      first = false;
    } while (at < record.length);
  }
  return Buffer.from(out);
}

// ——— The tests ———

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Writes `files` into a new folder laid out like a profile, and scans it for `needles`. */
async function scanFiles(files: Record<string, Buffer>, needles: string[]) {
  dir = await mkdtemp(path.join(os.tmpdir(), 'disk-scan-unit-'));
  for (const [name, bytes] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), bytes);
  }
  return scanProfile(dir, needles);
}

const ways = (scan: Awaited<ReturnType<typeof scanFiles>>, needle: string) =>
  scan.needles.find((entry) => entry.needle === needle)?.hits.map((hit) => `${hit.encoding} ${hit.layer}`) ??
  [];

describe('reading a LevelDB table', () => {
  // The second key shares "prefix-reused-le" with the first, so its bytes on disk are only "ak-2":
  // "reused-leak" is nowhere in the file until the key is put back together.
  const keys = [utf16be('prefix-reused-le'), utf16be('prefix-reused-leak-2')];
  // A value whose tail Snappy stores as a back-reference.
  const repetitive = Buffer.from(`needle-${'ab'.repeat(30)}`);

  it('finds every data block through the footer and the index, and restores shared key prefixes', () => {
    const file = table([
      { entries: [[keys[0] ?? Buffer.alloc(0), Buffer.from('one')]], compression: 0 },
      {
        entries: keys.map((key) => [key, repetitive]),
        compression: 1,
      },
    ]);
    const blocks = readTable(file);
    expect(blocks.map((b) => b.kind)).toEqual(['stored', 'snappy']);
    const second = blocks[1];
    if (second?.kind !== 'snappy') throw new Error('expected a Snappy block');
    expect(
      readBlockEntries(second.data).map((entry) => Buffer.from(entry.key).swap16().toString('utf16le')),
    ).toEqual(['prefix-reused-le', 'prefix-reused-leak-2']);
  });

  it('finds a key split by prefix sharing, and a string only a decompressed block spells out', async () => {
    const file = table([{ entries: keys.map((key) => [key, repetitive]), compression: 1 }]);
    expect(file.includes(utf16be('reused-leak'))).toBe(false);
    expect(file.includes(repetitive)).toBe(false);
    const scan = await scanFiles({ 'Default/IndexedDB/site.leveldb/000005.ldb': file }, [
      'reused-leak',
      repetitive.toString(),
    ]);
    // A UTF-16BE string one byte on also reads as UTF-16LE: both are found, only in the restored key.
    expect(ways(scan, 'reused-leak')).toContain('utf-16be table key');
    expect(ways(scan, 'reused-leak').every((way) => way.endsWith('table key'))).toBe(true);
    expect(ways(scan, repetitive.toString())).toEqual(['utf-8 snappy table block']);
    expect(scan.unread).toEqual([]);
  });

  it('says which blocks it could not read, rather than pass over them in silence', async () => {
    const file = table([{ entries: [[Buffer.from('key'), Buffer.from('value')]], compression: 2 }]);
    const scan = await scanFiles({ 'Default/IndexedDB/site.leveldb/000007.ldb': file }, ['value']);
    expect(scan.unread).toEqual([
      { file: 'Default/IndexedDB/site.leveldb/000007.ldb', reason: 'block at 0 is compressed with Zstd' },
    ]);
  });

  it('reports a file named like a table that is not one', async () => {
    const scan = await scanFiles({ 'x/000001.ldb': Buffer.from('not a table') }, ['table']);
    expect(scan.unread.map((entry) => entry.reason)).toEqual([
      'not a readable LevelDB table: shorter than a table footer',
    ]);
    expect(ways(scan, 'table')).toEqual(['utf-8 raw']);
  });
});

describe('reading a LevelDB log', () => {
  it('joins a record split across two 32 KiB blocks, so a string on the boundary is found', async () => {
    const needle = 'check-leaks';
    // Padding puts the needle's UTF-16BE bytes across the first block's end.
    const padding = Buffer.alloc(LOG_BLOCK_SIZE - 7 - 12 - 3 - 10, 0x20);
    const key = Buffer.concat([padding, utf16be(needle)]);
    const file = log([writeBatch(key, Buffer.from('v'))]);
    expect(file.length).toBeGreaterThan(LOG_BLOCK_SIZE);
    expect(file.includes(utf16be(needle))).toBe(false);

    expect(readLogRecords(file)).toHaveLength(1);
    const scan = await scanFiles({ 'Default/Local Storage/leveldb/000003.log': file }, [needle]);
    expect(ways(scan, needle)).toEqual(['utf-16be log record']);
  });

  it('finds a value that is compressed with Snappy behind a few bytes of header', async () => {
    const text = `shop-only-${'cd'.repeat(30)}`;
    const value = Buffer.concat([Buffer.from([0xff, 0x11, 0x02]), Buffer.from(compress(Buffer.from(text)))]);
    const file = log([writeBatch(Buffer.from('key'), value)]);
    const scan = await scanFiles({ 'Default/IndexedDB/site.leveldb/000003.log': file }, [text]);
    expect(ways(scan, text)).toEqual(['utf-8 snappy value']);
  });

  it('searches every file in every encoding, and names where the needle was', async () => {
    const scan = await scanFiles(
      {
        'Default/a.bin': Buffer.from('xx reused-leak xx'),
        'Default/b.bin': Buffer.from('reused-leak', 'utf16le'),
        'Default/c.bin': utf16be('reused-leak'),
        'Default/d.bin': Buffer.from('nothing here'),
      },
      ['reused-leak'],
    );
    expect(scan.files).toBe(4);
    expect(scan.needles).toEqual([
      {
        needle: 'reused-leak',
        files: ['Default/a.bin', 'Default/b.bin', 'Default/c.bin'],
        hits: [
          { file: 'Default/a.bin', encoding: 'utf-8', layer: 'raw' },
          { file: 'Default/b.bin', encoding: 'utf-16le', layer: 'raw' },
          { file: 'Default/c.bin', encoding: 'utf-16be', layer: 'raw' },
        ],
      },
    ]);
  });
});
