import type { ProviderError } from './errors.js';
import type { ProviderId } from './types.js';

const LABEL = { spotify: 'Spotify', apple: 'Apple Music' } as const satisfies Record<ProviderId, string>;

/**
 * What to tell the member (web page, DM) about a provider failure. Safe to show: it never
 * includes the error's own message, which may carry provider text.
 */
export function userHint(error: ProviderError): string {
  const name = LABEL[error.provider];
  switch (error.kind) {
    case 'not_allowlisted':
      return 'This bot\'s Spotify app is in development mode, so Spotify only lets in people the bot owner has added by hand '
        + '(at most 5). Ask the bot owner to add your name and the e-mail of your Spotify account in the Spotify Developer '
        + 'Dashboard (the app → Settings → User Management), then link again.';
    case 'relink_required':
    case 'unauthorized':
      return `Your ${name} link has expired or was revoked. Link ${name} again to keep taking part in blends.`;
    case 'no_subscription':
      return 'Apple Music needs an active subscription to read your listening history. Link again once it is active.';
    case 'rate_limited':
    case 'quota_exceeded':
    case 'unavailable':
      return `${name} is busy or unavailable right now. The bot will try again later.`;
    default:
      return `${name} refused the request. The bot owner has been told.`;
  }
}
