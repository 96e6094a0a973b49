import { ProviderError } from '../errors.js';
import { classifyByStatus, pathOf, type HttpFailure } from '../http.js';
import { tryParseJson } from '../json.js';
import { AccountsError, WebApiError } from './schemas.js';

/**
 * 403 messages that are *not* the development-mode allowlist: the app owner's Premium lapsed,
 * a missing scope, or a playlist the user does not own. Every other 403 on a user call is read
 * as "not on the allowlist" (Spotify says "User not registered in the Developer Dashboard"),
 * because that is by far the likeliest cause in development mode and the one a member can act on.
 */
const OTHER_403 = /premium|scope|\bown\b|owner|not allowed to|insufficient/i;

export function classifySpotify(failure: HttpFailure): ProviderError {
  const where = `${failure.request.method} ${pathOf(failure.request)}`;
  if (pathOf(failure.request).endsWith('/api/token')) return classifyAccounts(failure, where);
  const message = readWebApiMessage(failure.body);
  const details = { status: failure.status };
  if (failure.status === 403) {
    return OTHER_403.test(message)
      ? new ProviderError('spotify', 'forbidden', `${where}: 403 ${message}`, details)
      : new ProviderError('spotify', 'not_allowlisted', `${where}: 403 ${message || 'forbidden'} (user not on the app's development-mode allowlist)`, details);
  }
  const base = classifyByStatus('spotify', failure);
  return new ProviderError('spotify', base.kind, message ? `${base.message}: ${message}` : base.message, details);
}

/** The accounts service: `invalid_grant` = refresh token expired (6 months) or revoked, or a bad code. */
function classifyAccounts(failure: HttpFailure, where: string): ProviderError {
  const parsed = tryParseJson(failure.body, AccountsError);
  const code = parsed?.error ?? '';
  const details = { status: failure.status };
  if (code === 'invalid_grant') {
    return new ProviderError('spotify', 'relink_required', `${where}: invalid_grant (${parsed?.error_description ?? 'token expired or revoked'})`, details);
  }
  if (code === 'invalid_client' || failure.status === 401) {
    return new ProviderError('spotify', 'unauthorized', `${where}: the Spotify client id/secret were rejected`, details);
  }
  const base = classifyByStatus('spotify', failure);
  return new ProviderError('spotify', base.kind, code ? `${base.message}: ${code}` : base.message, details);
}

function readWebApiMessage(body: string): string {
  return tryParseJson(body, WebApiError)?.error.message ?? '';
}
