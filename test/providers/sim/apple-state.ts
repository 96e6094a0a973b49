import { randomBytes, type KeyObject } from 'node:crypto';
import { HttpResponse } from 'msw';
import { jwtVerify, decodeProtectedHeader } from 'jose';
import { appleErrors } from './apple-shapes.js';
import type { SimUser } from './users.js';

export interface AppleSimSettings {
  readonly apiBase: string;
  readonly teamId: string;
  readonly keyId: string;
  readonly publicKey: KeyObject;
  readonly now: () => Date;
}

export interface SimApplePlaylist {
  readonly id: string;
  readonly ownerKey: string;
  readonly name: string;
  readonly description: string;
  readonly isPublic: boolean;
  readonly tracks: { id: string; type: string }[];
}

export interface AppleSimState {
  readonly settings: AppleSimSettings;
  readonly users: readonly SimUser[];
  /** Active Music User Token → user key. */
  readonly muts: Map<string, string>;
  readonly subscribed: Map<string, boolean>;
  readonly playlists: Map<string, SimApplePlaylist>;
}

export const newMut = () => `Am${randomBytes(48).toString('base64')}`;

const MAX_TTL_SECONDS = 15_777_000;

/** Apple's 401 for a bad developer token carries no body. */
const unauthorized = () => new HttpResponse(null, { status: 401 });

/** The developer token: an ES256 JWT with our `kid`, `iss` = Team ID, unexpired, ≤ 6 months, origin-locked if it says so. */
export async function checkDeveloperToken(state: AppleSimState, request: Request): Promise<Response | undefined> {
  const header = request.headers.get('authorization');
  if (!header?.startsWith('Bearer ')) return unauthorized();
  const jwt = header.slice(7);
  try {
    if (decodeProtectedHeader(jwt).kid !== state.settings.keyId) return unauthorized();
    const { payload } = await jwtVerify(jwt, state.settings.publicKey, { algorithms: ['ES256'], issuer: state.settings.teamId, currentDate: state.settings.now() });
    if (typeof payload.iat !== 'number' || typeof payload.exp !== 'number' || payload.exp - payload.iat > MAX_TTL_SECONDS) return unauthorized();
    const origins = payload.origin;
    if (Array.isArray(origins) && !origins.includes(request.headers.get('origin') ?? '')) return unauthorized();
    return undefined;
  } catch {
    return unauthorized();
  }
}

/** The Music User Token: 403 when missing, unknown or revoked; 400/40015 without a subscription. */
export function checkUser(state: AppleSimState, request: Request, needsSubscription = true): { user: SimUser } | Response {
  const userKey = state.muts.get(request.headers.get('music-user-token') ?? '');
  if (!userKey) return HttpResponse.json(appleErrors(403, '40300', 'Invalid authentication'), { status: 403 });
  const user = state.users.find((u) => u.key === userKey) as SimUser;
  if (needsSubscription && !state.subscribed.get(userKey)) {
    return HttpResponse.json(appleErrors(400, '40015', 'Insufficient Privileges', `User ${userKey} does not have access to privilege: CloudLibrary`), { status: 400 });
  }
  return { user };
}

export const badParam = (detail: string) => HttpResponse.json(appleErrors(400, '40005', 'Invalid Parameter Value', detail), { status: 400 });
export const notFound = (detail = 'Resource Not Found') => HttpResponse.json(appleErrors(404, '40400', 'Resource Not Found', detail), { status: 404 });

/** `limit` within 1…max (a larger value is a 400, not a clamp) and `offset` ≥ 0. */
export function window(url: URL, defaultLimit: number, max: number): { limit: number; offset: number } | Response {
  const limit = Number(url.searchParams.get('limit') ?? defaultLimit);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) return badParam(`Value of 'limit' must be an integer between 1 and ${max}`);
  if (!Number.isInteger(offset) || offset < 0) return badParam('Value of \'offset\' must be a non-negative integer');
  return { limit, offset };
}

/** `next` as Apple writes it: a `/v1/…` path with the same query and the next offset. */
export function nextLink(url: URL, apiBase: string, offset: number, limit: number, total: number): string | undefined {
  if (offset + limit >= total) return undefined;
  const next = new URLSearchParams(url.searchParams);
  next.set('offset', String(offset + limit));
  const basePath = new URL(apiBase).pathname.replace(/\/v1$/, '');
  return `${url.pathname.slice(basePath.length)}?${decodeURIComponent(next.toString())}`;
}
