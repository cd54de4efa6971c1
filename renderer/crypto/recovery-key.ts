/*
 * The recovery key: 160 random bits written as 32 characters of Crockford base32 in groups of
 * four (no I, L, O or U, so it reads aloud and copies by hand without ambiguity).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BYTES = 20;

export function newRecoverySecret(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(BYTES));
}

export function formatRecoveryKey(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

/** Reads a typed recovery key: case, spaces and dashes do not matter; O reads as 0, I and L as 1. */
export function parseRecoveryKey(text: string): Uint8Array | undefined {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== Math.ceil((BYTES * 8) / 5)) return undefined;
  const out = new Uint8Array(BYTES);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of clean) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return undefined;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
    }
  }
  return out;
}
