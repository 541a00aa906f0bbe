/** Progress files protected with a passphrase: only the right passphrase on an unchanged file opens them. */
import { describe, expect, it } from 'vitest';
import { isSealed, MIN_ITERATIONS, seal, unseal } from '../../src/shared/sealed-file.ts';

const text = JSON.stringify({ app: 'safe-online', kind: 'progress', note: 'ہم آن لائن محفوظ رہیں' });
const passphrase = 'correct horse battery staple';

describe('a sealed progress file', () => {
  it('opens with the passphrase it was sealed with, and records its parameters', async () => {
    const sealed = JSON.parse(await seal(text, passphrase));
    expect(isSealed(sealed)).toBe(true);
    expect(sealed.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS });
    expect(sealed.cipher.name).toBe('AES-GCM');
    expect(JSON.stringify(sealed)).not.toContain('note');
    expect(JSON.stringify(sealed)).not.toContain('محفوظ');
    expect(await unseal(sealed, passphrase)).toEqual({ ok: true, text });
  });

  it('uses a new salt and nonce each time, so the same progress never gives the same file', async () => {
    const [a, b] = [JSON.parse(await seal(text, passphrase)), JSON.parse(await seal(text, passphrase))];
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('refuses a wrong passphrase', async () => {
    const sealed = JSON.parse(await seal(text, passphrase));
    expect(await unseal(sealed, 'correct horse battery stapler')).toEqual({
      ok: false,
      problem: 'wrong-passphrase',
    });
  });

  it('refuses a file whose ciphertext, salt or nonce was changed', async () => {
    const sealed = JSON.parse(await seal(text, passphrase));
    const flip = (b64: string) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      bytes[0] = (bytes[0] as number) ^ 1;
      return btoa(String.fromCharCode(...bytes));
    };
    for (const changed of [
      { ...sealed, data: flip(sealed.data) },
      { ...sealed, kdf: { ...sealed.kdf, salt: flip(sealed.kdf.salt) } },
      { ...sealed, cipher: { ...sealed.cipher, iv: flip(sealed.cipher.iv) } },
    ])
      expect(await unseal(changed, passphrase)).toMatchObject({ ok: false });
  });

  it('refuses a file asking for less work than the minimum, even with the right passphrase', async () => {
    const weak = JSON.parse(await seal(text, passphrase, 1000));
    expect(await unseal(weak, passphrase)).toEqual({ ok: false, problem: 'weak-protection' });
    const missing = { ...JSON.parse(await seal(text, passphrase)), kdf: undefined };
    expect(await unseal(missing, passphrase)).toEqual({ ok: false, problem: 'damaged' });
  });

  it('refuses as damaged a salt or nonce of the wrong length, or data that is not base64', async () => {
    const sealed = JSON.parse(await seal(text, passphrase));
    for (const changed of [
      { ...sealed, kdf: { ...sealed.kdf, salt: btoa('eight by') } },
      { ...sealed, kdf: { ...sealed.kdf, salt: 'AAAAA' } },
      { ...sealed, cipher: { ...sealed.cipher, iv: btoa('sixteen bytes!!!') } },
      { ...sealed, data: `!${sealed.data}` },
      { ...sealed, data: `${sealed.data}!` },
    ])
      expect(await unseal(changed, passphrase)).toEqual({ ok: false, problem: 'damaged' });
  });

  it('does not pass off contents that are not text as opened', async () => {
    // Sealed the way the format says, but around bytes that are not UTF-8.
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const material = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(passphrase),
      'PBKDF2',
      false,
      ['deriveKey'],
    );
    const key = await crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: MIN_ITERATIONS },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt'],
    );
    const additionalData = new TextEncoder().encode('safe-online/progress-sealed/1');
    const data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData },
      key,
      new Uint8Array([0xff, 0xfe]),
    );
    const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
    const sealed = JSON.parse(await seal(text, passphrase));
    const file = {
      ...sealed,
      kdf: { ...sealed.kdf, salt: b64(salt) },
      cipher: { ...sealed.cipher, iv: b64(iv) },
      data: b64(new Uint8Array(data)),
    };
    expect(await unseal(file, passphrase)).toMatchObject({ ok: false });
  });

  it('is told apart from a plain progress file', () => {
    expect(isSealed(JSON.parse(text))).toBe(false);
  });
});
