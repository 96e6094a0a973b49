import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ProviderId } from '../providers/types.js';

/**
 * Signed, expiring tokens: the `t=` of the /link URLs a DM carries, and the OAuth `state`.
 * Format `base64url(json).base64url(hmac-sha256)`; the HMAC key is derived (HKDF) from the
 * vault key, with a purpose label so a link token is never accepted as a state or vice versa.
 * A token proves who asked and for which provider; single use is the oauth_states row's job.
 */
export interface LinkClaims { readonly discordId: string; readonly provider: ProviderId; readonly nonce: string; readonly expiresAt: Date }

export type VerifyResult = { ok: true; claims: LinkClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export interface LinkSigner {
  /** The URL a DM or /link button carries: PUBLIC_BASE_URL/link/:provider?t=… */
  url(discordId: string, provider: ProviderId): string;
  sign(purpose: Purpose, discordId: string, provider: ProviderId, ttlMs?: number): string;
  verify(purpose: Purpose, token: string): VerifyResult;
}

export type Purpose = 'link' | 'state';
export const LINK_TTL_MS = 15 * 60_000;
export const STATE_TTL_MS = 10 * 60_000;

export function createLinkSigner(deps: { secret: Buffer; publicBaseUrl: string; now: () => Date }): LinkSigner {
  const keyFor = (purpose: Purpose) => Buffer.from(hkdfSync('sha256', deps.secret, Buffer.alloc(0), `blend-bot ${purpose} tokens`, 32));
  const keys = { link: keyFor('link'), state: keyFor('state') } as const;
  const mac = (purpose: Purpose, body: string) => createHmac('sha256', keys[purpose]).update(body).digest();

  const signer: LinkSigner = {
    url(discordId, provider) {
      return `${deps.publicBaseUrl}/link/${provider}?t=${signer.sign('link', discordId, provider)}`;
    },
    sign(purpose, discordId, provider, ttlMs = purpose === 'link' ? LINK_TTL_MS : STATE_TTL_MS) {
      const claims = { d: discordId, p: provider, n: randomBytes(16).toString('base64url'), e: deps.now().getTime() + ttlMs };
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${body}.${mac(purpose, body).toString('base64url')}`;
    },
    verify(purpose, token) {
      const [body, signature, extra] = token.split('.');
      if (!body || !signature || extra !== undefined || body.length > 1024) return { ok: false, reason: 'malformed' };
      const expected = mac(purpose, body);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
      const claims = parseClaims(body);
      if (!claims) return { ok: false, reason: 'malformed' };
      if (claims.expiresAt.getTime() <= deps.now().getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, claims };
    },
  };
  return signer;
}

function parseClaims(body: string): LinkClaims | undefined {
  try {
    const raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { d, p, n, e } = raw;
    if (typeof d !== 'string' || (p !== 'spotify' && p !== 'apple') || typeof n !== 'string' || typeof e !== 'number') return undefined;
    return { discordId: d, provider: p, nonce: n, expiresAt: new Date(e) };
  } catch {
    return undefined;
  }
}
