import { importPKCS8, SignJWT } from 'jose';

/** Apple's ceiling for a developer token's lifetime: 15,777,000 s (six months). */
export const APPLE_MAX_TOKEN_TTL_SECONDS = 15_777_000;

export interface AppleKeyConfig {
  readonly teamId: string;
  readonly keyId: string;
  /** The MusicKit `.p8` key (PKCS #8 PEM). */
  readonly privateKeyPem: string;
}

export interface DeveloperTokenInput extends AppleKeyConfig {
  readonly now: Date;
  readonly ttlSeconds: number;
  /** Locks the token to these web origins (for the MusicKit JS page). Server calls use none. */
  readonly origin?: readonly string[];
}

export interface DeveloperToken {
  readonly token: string;
  readonly expiresAt: Date;
}

/** An ES256 JWT: header `{alg: ES256, kid}`, claims `iss` = Team ID, `iat`, `exp` (+ `origin`). */
export async function createAppleDeveloperToken(input: DeveloperTokenInput): Promise<DeveloperToken> {
  return sign(await importPKCS8(input.privateKeyPem, 'ES256'), input);
}

async function sign(key: CryptoKey, input: Omit<DeveloperTokenInput, 'privateKeyPem'>): Promise<DeveloperToken> {
  if (!(input.ttlSeconds > 0 && input.ttlSeconds <= APPLE_MAX_TOKEN_TTL_SECONDS)) {
    throw new RangeError(`Apple developer token ttl must be 1…${APPLE_MAX_TOKEN_TTL_SECONDS} seconds`);
  }
  const iat = Math.floor(input.now.getTime() / 1000);
  const exp = iat + input.ttlSeconds;
  const jwt = new SignJWT(input.origin ? { origin: [...input.origin] } : {})
    .setProtectedHeader({ alg: 'ES256', kid: input.keyId })
    .setIssuer(input.teamId)
    .setIssuedAt(iat)
    .setExpirationTime(exp);
  return { token: await jwt.sign(key), expiresAt: new Date(exp * 1000) };
}

export interface DeveloperTokenCacheOptions extends AppleKeyConfig {
  readonly now: () => Date;
  /** Default one day: the server can mint any time, so short-lived tokens cost nothing. */
  readonly ttlSeconds?: number;
  /** Mint a new token this long before the old one expires (default one hour). */
  readonly renewBeforeSeconds?: number;
  readonly origin?: readonly string[];
}

export interface DeveloperTokenCache {
  get(): Promise<string>;
  /** Forget the current token (after a 401), so the next `get` mints a fresh one. */
  invalidate(): void;
}

/** One token at a time, renewed before expiry; concurrent callers share one signing. */
export function createDeveloperTokenCache(options: DeveloperTokenCacheOptions): DeveloperTokenCache {
  const ttlSeconds = options.ttlSeconds ?? 86_400;
  const renewBeforeMs = (options.renewBeforeSeconds ?? 3_600) * 1000;
  let key: Promise<CryptoKey> | undefined;
  let current: { readonly pending: Promise<DeveloperToken>; expiresAt?: number } | undefined;

  function mint(): Promise<DeveloperToken> {
    key ??= importPKCS8(options.privateKeyPem, 'ES256');
    return key.then((k) => sign(k, { ...options, now: options.now(), ttlSeconds }));
  }

  return {
    async get() {
      const stale = current?.expiresAt !== undefined && current.expiresAt - renewBeforeMs <= options.now().getTime();
      if (!current || stale) {
        const entry: { readonly pending: Promise<DeveloperToken>; expiresAt?: number } = { pending: mint() };
        current = entry;
        entry.pending.then((t) => { entry.expiresAt = t.expiresAt.getTime(); }, () => { if (current === entry) current = undefined; });
      }
      return (await current.pending).token;
    },
    invalidate() {
      current = undefined;
    },
  };
}
