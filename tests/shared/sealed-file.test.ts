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

  it('is told apart from a plain progress file', () => {
    expect(isSealed(JSON.parse(text))).toBe(false);
  });
});
