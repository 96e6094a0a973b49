import { createHash, randomBytes } from 'node:crypto';

/** RFC 7636 verifier alphabet and bounds. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export interface PkcePair {
  readonly verifier: string;
  readonly challenge: string;
  readonly method: 'S256';
}

/** A fresh verifier (64 chars of base64url from 48 random bytes) and its S256 challenge. */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier), method: 'S256' };
}

/** base64url(SHA-256(verifier)) without padding. */
export function pkceChallenge(verifier: string): string {
  if (!VERIFIER.test(verifier)) throw new RangeError('PKCE verifier must be 43–128 characters of [A-Za-z0-9-._~]');
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
