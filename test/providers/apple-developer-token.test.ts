import { createPublicKey } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { APPLE_MAX_TOKEN_TTL_SECONDS, createAppleDeveloperToken, createDeveloperTokenCache } from '../../src/providers/apple/developer-token.js';
import { createClock } from './harness.js';
import { createAppleSim } from './sim/apple-sim.js';

const key = createAppleSim().config;
const publicKey = createPublicKey(key.privateKeyPem);

describe('createAppleDeveloperToken', () => {
  it('signs an ES256 JWT with kid, iss = Team ID, iat and exp', async () => {
    const now = new Date('2026-09-01T12:00:00Z');
    const { token, expiresAt } = await createAppleDeveloperToken({ ...key, now, ttlSeconds: 3_600 });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: key.keyId });
    const { payload } = await jwtVerify(token, publicKey, { algorithms: ['ES256'], issuer: key.teamId, currentDate: now });
    expect(payload).toEqual({ iss: key.teamId, iat: now.getTime() / 1000, exp: now.getTime() / 1000 + 3_600 });
    expect(expiresAt).toEqual(new Date(now.getTime() + 3_600_000));
  });

  it('adds the origin claim only when asked (for the MusicKit page)', async () => {
    const now = new Date();
    const { token } = await createAppleDeveloperToken({ ...key, now, ttlSeconds: 60, origin: ['https://bot.example.com'] });
    const { payload } = await jwtVerify(token, publicKey);
    expect(payload.origin).toEqual(['https://bot.example.com']);
  });

  it('refuses lifetimes beyond Apple\'s six-month ceiling', async () => {
    await expect(createAppleDeveloperToken({ ...key, now: new Date(), ttlSeconds: APPLE_MAX_TOKEN_TTL_SECONDS + 1 })).rejects.toThrow(RangeError);
  });
});

describe('developer token cache', () => {
  it('reuses the token until shortly before expiry, then mints a new one', async () => {
    const clock = createClock();
    const cache = createDeveloperTokenCache({ ...key, now: clock.now, ttlSeconds: 86_400, renewBeforeSeconds: 3_600 });
    const first = await cache.get();
    clock.advance(22 * 3_600_000);
    expect(await cache.get()).toBe(first);
    clock.advance(1 * 3_600_000 + 1_000); // inside the last hour
    const second = await cache.get();
    expect(second).not.toBe(first);
    const { payload } = await jwtVerify(second, publicKey, { currentDate: clock.now() });
    expect(payload.iat).toBe(Math.floor(clock.now().getTime() / 1000));
  });

  it('signs once for concurrent callers, and again after invalidate()', async () => {
    const clock = createClock();
    const cache = createDeveloperTokenCache({ ...key, now: clock.now });
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    cache.invalidate();
    clock.advance(1_000);
    expect(await cache.get()).not.toBe(a);
  });

  it('surfaces a bad private key on use', async () => {
    const cache = createDeveloperTokenCache({ ...key, privateKeyPem: 'not a key', now: () => new Date() });
    await expect(cache.get()).rejects.toThrow();
  });
});
