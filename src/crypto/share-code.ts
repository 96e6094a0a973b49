import { randomBytes } from 'node:crypto';

/**
 * Share codes: 10 characters from a 31-letter alphabet without look-alikes (no 0/O, 1/I/L, U),
 * about 49.5 random bits, drawn by rejection sampling so every letter is equally likely. They are
 * random, so they reveal nothing about users or ids. Uniqueness is the database's job (a unique
 * constraint; the caller retries on collision).
 */
export const SHARE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SHARE_CODE_LENGTH = 10;
export const SHARE_CODE_BITS = SHARE_CODE_LENGTH * Math.log2(SHARE_CODE_ALPHABET.length);

const LIMIT = 256 - (256 % SHARE_CODE_ALPHABET.length);

export function generateShareCode(random: (n: number) => Buffer = randomBytes): string {
  let code = '';
  while (code.length < SHARE_CODE_LENGTH) {
    for (const byte of random(16)) {
      if (byte < LIMIT && code.length < SHARE_CODE_LENGTH) code += SHARE_CODE_ALPHABET[byte % SHARE_CODE_ALPHABET.length];
    }
  }
  return code;
}

/** What a person typed → the canonical code, or undefined when it cannot be one. */
export function normalizeShareCode(input: string): string | undefined {
  const code = input.trim().toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== SHARE_CODE_LENGTH) return undefined;
  for (const ch of code) if (!SHARE_CODE_ALPHABET.includes(ch)) return undefined;
  return code;
}
