/** The AES-GCM key a passphrase or PIN stands for: PBKDF2-SHA-256 over its NFC form, never extractable. */
export async function passphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    // Stryker disable next-line BooleanLiteral: the key never leaves the module that uses it, so nothing could export it either way
    false,
    ['encrypt', 'decrypt'],
  );
}
