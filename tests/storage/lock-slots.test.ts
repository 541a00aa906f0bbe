/**
 * The wrapped keys as the lock stores them: the real slot first or second at random, whichever it
 * is the decoy's PIN never becomes the real one, and a lock or record written by this version
 * still opens after an update, while a slot of any other shape is refused.
 */
import { describe, expect, it, vi } from 'vitest';
import { recordId } from '../../src/storage/cipher';
import { readLock } from '../../src/storage/lock-record';
import { changeSecret, setDecoy, turnLockOn, unlock } from '../../src/storage/locking';
import { DB_NAME } from '../../src/storage/schema';
import { deriveWrappingKey, importKeys, newKeyBytes, newSalt, openSlot } from '../../src/storage/wrap';
import { freshIndexedDB, freshStorageEachTest } from './helpers';
import { ALL, DECOY, erase, FAST, lockOn, PIN, seen, someProgress, start } from './lock-helpers';

const EMPTY = { answers: [], lessons: [], checklist: [], settings: [], reviews: [] };

/** Makes the one random byte that orders the slots `value`; every other random byte stays random. */
function orderByte(value: number) {
  const random = crypto.getRandomValues.bind(crypto);
  vi.spyOn(crypto, 'getRandomValues').mockImplementation(((array: ArrayBufferView) => {
    if (array instanceof Uint8Array && array.length === 1) {
      array[0] = value;
      return array;
    }
    return random(array as Uint8Array);
  }) as never);
}

/** AES-GCM over `plain` under the key `pin` makes, bound as the lock's slots are bound. */
async function slotOf(pin: string, salt: Uint8Array<ArrayBuffer>, plain: Uint8Array<ArrayBuffer>) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode('progress-lock/1') },
    await deriveWrappingKey(pin, salt, 1_000),
    plain,
  );
  return { iv, data: new Uint8Array(data) };
}

describe('the order of the slots', () => {
  it('is random, so the stored lock does not say which slot is the real one', async () => {
    const places = new Set<number>();
    for (let i = 0; i < 20; i++) {
      freshIndexedDB();
      await turnLockOn(DB_NAME, EMPTY, PIN, FAST);
      const record = await readLock(DB_NAME);
      const wrapping = await deriveWrappingKey(PIN, record?.salt ?? newSalt(), FAST.iterations);
      for (const [index, slot] of (record?.slots ?? []).entries())
        if (await openSlot(wrapping, slot)) places.add(index);
    }
    expect([...places].sort()).toEqual([0, 1]);
  });
});

describe.each([
  ['first', 0],
  ['second', 255],
])('with the real slot %s', (_place, byte) => {
  freshStorageEachTest();

  it('the decoy’s PIN can neither become the real PIN nor outlive its removal', async () => {
    await someProgress();
    orderByte(byte);
    await lockOn();
    vi.restoreAllMocks();
    expect(await setDecoy(DB_NAME, PIN, DECOY)).toBe('done');

    expect(await changeSecret(DB_NAME, PIN, DECOY)).toBe('same');
    expect(await setDecoy(DB_NAME, PIN, null)).toBe('done');

    expect(await unlock(DB_NAME, DECOY, erase)).toMatchObject({ ok: false, problem: 'wrong' });
    expect(await seen(await start(PIN))).toEqual(ALL);
  });
});

describe('a lock written by this version', () => {
  it('opens after an update: a role byte, then the 64 key bytes, bound to what a slot is', async () => {
    const salt = newSalt();
    const bytes = newKeyBytes();
    const wrapping = await deriveWrappingKey(PIN, salt, 1_000);

    const real = await openSlot(wrapping, await slotOf(PIN, salt, new Uint8Array([0, ...bytes])));
    const decoy = await openSlot(wrapping, await slotOf(PIN, salt, new Uint8Array([1, ...bytes])));

    expect(real).toEqual({ role: 'real', keyBytes: bytes });
    expect(decoy).toEqual({ role: 'decoy', keyBytes: bytes });
  });

  it('refuses a slot of any other shape rather than open with keys it cannot trust', async () => {
    const salt = newSalt();
    const wrapping = await deriveWrappingKey(PIN, salt, 1_000);
    const shapes = [
      new Uint8Array([7, ...newKeyBytes()]),
      new Uint8Array([0, ...newKeyBytes().slice(0, 32)]),
      new Uint8Array([0, ...newKeyBytes(), 0]),
      new Uint8Array(0),
    ];

    for (const plain of shapes) expect(await openSlot(wrapping, await slotOf(PIN, salt, plain))).toBeNull();
  });

  it('finds its records after an update: the first 32 bytes encrypt, the last 32 name', async () => {
    const bytes = newKeyBytes();
    const keys = await importKeys(bytes);
    const names = await crypto.subtle.importKey(
      'raw',
      bytes.slice(32),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', names, new TextEncoder().encode('settings')));

    expect(await recordId(keys, 'settings')).toBe(btoa(String.fromCharCode(...mac.subarray(0, 16))));
  });
});
