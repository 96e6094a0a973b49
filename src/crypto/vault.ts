import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for provider tokens at rest. Stored form: `v1.<keyId>.<base64url(nonce‖ciphertext‖tag)>`
 * with a fresh random 96-bit nonce per encryption. The key id (first 8 hex digits of the key's
 * SHA-256) names the key, so old ciphertexts stay readable with TOKEN_ENCRYPTION_KEYS_OLD while
 * new ones use the current key. A tampered, truncated or foreign value throws `VaultError`.
 */
export interface TokenVault {
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
  /** True when the value was written with an old key and should be re-encrypted. */
  isStale(stored: string): boolean;
}

export class VaultError extends Error {
  override readonly name = 'VaultError';
}

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export const keyId = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function createVault(currentKey: Buffer, oldKeys: readonly Buffer[] = []): TokenVault {
  for (const key of [currentKey, ...oldKeys]) {
    if (key.length !== 32) throw new VaultError('every vault key must be 32 bytes');
  }
  const currentId = keyId(currentKey);
  const keys = new Map<string, Buffer>([...oldKeys.map((k) => [keyId(k), k] as const), [currentId, currentKey]]);

  return {
    encrypt(plaintext) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', currentKey, nonce);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}.${currentId}.${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url')}`;
    },
    decrypt(stored) {
      const { id, blob } = parse(stored);
      const key = keys.get(id);
      if (!key) throw new VaultError(`token was encrypted with an unknown key (${id}); add it to TOKEN_ENCRYPTION_KEYS_OLD`);
      const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, NONCE_BYTES));
      decipher.setAuthTag(blob.subarray(blob.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(blob.subarray(NONCE_BYTES, blob.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new VaultError('token ciphertext failed authentication (tampered or wrong key)');
      }
    },
    isStale(stored) {
      return parse(stored).id !== currentId;
    },
  };
}

function parse(stored: string): { id: string; blob: Buffer } {
  const parts = stored.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION || !/^[0-9a-f]{8}$/.test(parts[1] ?? '')) {
    throw new VaultError('not a vault value (expected v1.<keyId>.<data>)');
  }
  const blob = Buffer.from(parts[2] ?? '', 'base64url');
  if (blob.length < NONCE_BYTES + TAG_BYTES) throw new VaultError('vault value is truncated');
  return { id: parts[1] ?? '', blob };
}
