import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateShareCode, normalizeShareCode, SHARE_CODE_ALPHABET, SHARE_CODE_BITS, SHARE_CODE_LENGTH } from '../../src/crypto/share-code.js';

describe('share codes', () => {
  it('carry at least 40 random bits from an alphabet without look-alikes', () => {
    expect(SHARE_CODE_BITS).toBeGreaterThanOrEqual(40);
    for (const ambiguous of ['0', 'O', '1', 'I', 'L', 'U']) expect(SHARE_CODE_ALPHABET).not.toContain(ambiguous);
    expect(new Set(SHARE_CODE_ALPHABET).size).toBe(SHARE_CODE_ALPHABET.length);
  });

  it('use only the alphabet, at the fixed length', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
      const code = generateShareCode(() => Buffer.from(bytes.map((b) => b % 240)));
      return code.length === SHARE_CODE_LENGTH && [...code].every((c) => SHARE_CODE_ALPHABET.includes(c));
    }));
  });

  it('do not repeat over 100,000 draws and use every letter about equally', () => {
    const codes = new Set<string>();
    const counts = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const code = generateShareCode();
      codes.add(code);
      for (const c of code) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(codes.size).toBe(100_000);
    const expected = (100_000 * SHARE_CODE_LENGTH) / SHARE_CODE_ALPHABET.length;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.05);
  });

  it('accept what a person types: lower case, spaces and dashes', () => {
    const code = generateShareCode();
    expect(normalizeShareCode(` ${code.slice(0, 5).toLowerCase()}-${code.slice(5)} `)).toBe(code);
    expect(normalizeShareCode('O0O0O0O0O0')).toBeUndefined();
    expect(normalizeShareCode('')).toBeUndefined();
    expect(normalizeShareCode('ABC')).toBeUndefined();
  });
});
