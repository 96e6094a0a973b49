import { describe, expect, it } from 'vitest';
import { createPkcePair, pkceChallenge } from '../../src/providers/pkce.js';

describe('PKCE', () => {
  it('makes a 43–128 character verifier from the unreserved alphabet, and its S256 challenge', () => {
    const pair = createPkcePair();
    expect(pair.verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    expect(pair.method).toBe('S256');
    expect(pair.challenge).toBe(pkceChallenge(pair.verifier));
    expect(pair.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/); // base64url of 32 bytes, no padding
  });

  it('matches the RFC 7636 appendix B example', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('never repeats a verifier', () => {
    const verifiers = new Set(Array.from({ length: 50 }, () => createPkcePair().verifier));
    expect(verifiers.size).toBe(50);
  });

  it('rejects verifiers outside the RFC bounds', () => {
    expect(() => pkceChallenge('short')).toThrow(RangeError);
    expect(() => pkceChallenge('a'.repeat(129))).toThrow(RangeError);
    expect(() => pkceChallenge(`${'a'.repeat(42)}!`)).toThrow(RangeError);
  });
});
