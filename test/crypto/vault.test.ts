import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createVault, keyId, VaultError } from '../../src/crypto/vault.js';

const key = randomBytes(32);

describe('token vault', () => {
  it('round-trips a token and never stores it in plain text', () => {
    const vault = createVault(key);
    const stored = vault.encrypt('BQDsecret-access-token');
    expect(stored).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(stored).not.toContain('secret');
    expect(vault.decrypt(stored)).toBe('BQDsecret-access-token');
  });

  it('detects tampering with any byte of the ciphertext', () => {
    const vault = createVault(key);
    const stored = vault.encrypt('token');
    const [v, id, data] = stored.split('.') as [string, string, string];
    const bytes = Buffer.from(data, 'base64url');
    for (const index of [0, 12, bytes.length - 1]) {
      const copy = Buffer.from(bytes);
      copy[index] = (copy[index] ?? 0) ^ 0x01;
      expect(() => vault.decrypt(`${v}.${id}.${copy.toString('base64url')}`)).toThrow(VaultError);
    }
  });

  it('rejects truncated and malformed values with a clear error', () => {
    const vault = createVault(key);
    const stored = vault.encrypt('token');
    expect(() => vault.decrypt(stored.slice(0, 20))).toThrow(/truncated|not a vault value/);
    expect(() => vault.decrypt('plain-token')).toThrow(/not a vault value/);
    expect(() => vault.decrypt('')).toThrow(VaultError);
  });

  it('reads values written with an old key during rotation and marks them stale', () => {
    const oldKey = randomBytes(32);
    const before = createVault(oldKey).encrypt('refresh-token');
    const rotated = createVault(key, [oldKey]);
    expect(rotated.decrypt(before)).toBe('refresh-token');
    expect(rotated.isStale(before)).toBe(true);
    expect(rotated.isStale(rotated.encrypt('x'))).toBe(false);
  });

  it('refuses a value from an unknown key, naming the key id', () => {
    const stored = createVault(randomBytes(32)).encrypt('token');
    expect(() => createVault(key).decrypt(stored)).toThrow(/unknown key \([0-9a-f]{8}\).*TOKEN_ENCRYPTION_KEYS_OLD/);
  });

  it('uses a fresh nonce for each of 10,000 encryptions', () => {
    const vault = createVault(key);
    const nonces = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      nonces.add(Buffer.from(vault.encrypt('same token').split('.')[2] ?? '', 'base64url').subarray(0, 12).toString('hex'));
    }
    expect(nonces.size).toBe(10_000);
  });

  it('derives a stable key id from the key', () => {
    expect(keyId(key)).toBe(keyId(Buffer.from(key)));
    expect(keyId(key)).not.toBe(keyId(randomBytes(32)));
  });
});
