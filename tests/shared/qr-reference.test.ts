/** The QR check used by the sharing tests tells a right code from a wrong one. */
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { encodes } from './qr-reference.ts';

describe('checking a QR code against a reference encoder', () => {
  const address = 'http://192.168.1.5:8080/';
  const drawn = encode(address, { border: 0 }).data;

  it('accepts the code of the address', () => {
    expect(encodes(drawn, address)).toBe(true);
  });

  it('rejects the code of another address, or with one module wrong', () => {
    expect(encodes(drawn, 'http://192.168.1.6:8080/')).toBe(false);
    const damaged = drawn.map((row) => [...row]);
    const row = damaged[12] as boolean[];
    row[12] = !row[12];
    expect(encodes(damaged, address)).toBe(false);
  });
});
