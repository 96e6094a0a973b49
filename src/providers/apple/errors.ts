import { ProviderError } from '../errors.js';
import { classifyByStatus, pathOf, type HttpFailure } from '../http.js';
import { tryParseJson } from '../json.js';
import { AppleErrors } from './schemas.js';

/** Apple's "Insufficient Privileges" code: the user has no active Apple Music subscription. */
export const APPLE_NO_SUBSCRIPTION_CODE = '40015';

/**
 * Apple status semantics: 401 = developer-token problem (the caller re-mints once); 403 on a
 * personal call = the Music User Token is expired, revoked or lacks consent, and there is no
 * refresh token, so the user must authorize again; 400 code 40015 = no subscription.
 */
export function classifyApple(failure: HttpFailure): ProviderError {
  const where = `${failure.request.method} ${pathOf(failure.request)}`;
  const first = tryParseJson(failure.body, AppleErrors)?.errors[0];
  const detail = first ? `${first.code} ${first.title ?? ''}`.trim() : '';
  const details = { status: failure.status };
  const personal = Object.keys(failure.request.headers).some((h) => h.toLowerCase() === 'music-user-token');
  if (failure.status === 400 && first?.code === APPLE_NO_SUBSCRIPTION_CODE) {
    return new ProviderError('apple', 'no_subscription', `${where}: no active Apple Music subscription (${detail})`, details);
  }
  if (failure.status === 403 && personal) {
    return new ProviderError('apple', 'relink_required', `${where}: Music User Token rejected (${detail || '403'})`, details);
  }
  if (failure.status === 401) {
    return new ProviderError('apple', 'unauthorized', `${where}: developer token rejected${detail ? ` (${detail})` : ''}`, details);
  }
  const base = classifyByStatus('apple', failure);
  return new ProviderError('apple', base.kind, detail ? `${base.message}: ${detail}` : base.message, details);
}
