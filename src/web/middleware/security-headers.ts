import { randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

/**
 * Our pages load nothing from elsewhere except images (album art) and, on the Apple page only,
 * MusicKit JS. No framing, no inline script without the per-response nonce, forms post only to
 * us, and no Referer (link tokens and OAuth codes are in our URLs).
 */
const BASE_POLICY = {
  'default-src': ["'none'"],
  'img-src': ["'self'", 'data:', 'https:'],
  'style-src': ["'unsafe-inline'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

export const MUSICKIT_SCRIPT_URL = 'https://js-cdn.music.apple.com/musickit/v3/musickit.js';

const serialize = (policy: Record<string, readonly string[]>) =>
  Object.entries(policy).map(([directive, sources]) => `${directive} ${sources.join(' ')}`).join('; ');

export const DEFAULT_CSP = serialize(BASE_POLICY);

/** The MusicKit page: Apple's script (it talks to *.apple.com, opens Apple's sign-in window) and our nonced one. */
export function musicKitCsp(nonce: string): string {
  return serialize({
    ...BASE_POLICY,
    'script-src': [`'nonce-${nonce}'`, 'https://js-cdn.music.apple.com'],
    'style-src': ["'unsafe-inline'", 'https://js-cdn.music.apple.com'],
    'font-src': ['https://js-cdn.music.apple.com'],
    'connect-src': ['https://*.apple.com'],
    'frame-src': ['https://*.apple.com'],
    'worker-src': ['blob:'],
    'media-src': ['https://*.apple.com', 'blob:'],
  });
}

export function securityHeaders(options: { readonly https: boolean }): RequestHandler {
  return (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64');
    res.set({
      'Content-Security-Policy': DEFAULT_CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
      ...(options.https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
    });
    next();
  };
}

/**
 * The MusicKit page. Apple's sign-in is a popup that reports back through `window.opener`, so the
 * opener is kept. Its form posts to us: with `no-referrer` browsers send `Origin: null` on that
 * POST, so this page uses `same-origin` (still nothing to Apple) and the callback can check Origin.
 */
export function allowMusicKit(res: Response): void {
  res.set({
    'Content-Security-Policy': musicKitCsp(res.locals.cspNonce),
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
    'Referrer-Policy': 'same-origin',
  });
}
