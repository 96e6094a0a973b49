import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { STATE_TTL_MS } from '../../crypto/link-signer.js';
import type { ProviderId } from '../../providers/types.js';

/**
 * Binds an OAuth state to the browser that started it (RFC 6749 §10.12). Without it, someone
 * could start linking from their own DM and get another person to finish the sign-in, linking
 * that person's account to their Discord user. The cookie holds a hash of the state, is
 * HttpOnly, SameSite=Lax (sent on the redirect back from Spotify, not on cross-site POSTs) and
 * scoped to /callback.
 */
const cookieName = (provider: ProviderId) => `blend_state_${provider}`;
const COOKIE_PATH = '/callback';

const binding = (state: string): string => createHash('sha256').update(`browser-binding:${state}`).digest('base64url');

export function setStateCookie(res: Response, provider: ProviderId, state: string, secure: boolean): void {
  res.cookie(cookieName(provider), binding(state), { httpOnly: true, sameSite: 'lax', secure, path: COOKIE_PATH, maxAge: STATE_TTL_MS });
}

export function clearStateCookie(res: Response, provider: ProviderId, secure: boolean): void {
  res.clearCookie(cookieName(provider), { httpOnly: true, sameSite: 'lax', secure, path: COOKIE_PATH });
}

export function isBoundToThisBrowser(req: Request, provider: ProviderId, state: string): boolean {
  const given = readCookie(req.get('cookie') ?? '', cookieName(provider));
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(binding(state));
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
