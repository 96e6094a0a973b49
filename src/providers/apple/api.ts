import type { z } from 'zod';
import { isProviderError, ProviderError } from '../errors.js';
import type { Http } from '../http.js';
import type { WireRequest } from '../transport.js';
import type { DeveloperTokenCache } from './developer-token.js';

export interface AppleApiDeps {
  readonly http: Http;
  readonly devToken: DeveloperTokenCache;
  /** e.g. `https://api.music.apple.com/v1`. */
  readonly apiBase: string;
}

export interface AppleCall {
  readonly method?: WireRequest['method'];
  /** Relative to the API base (`/catalog/us/songs?…`), or a `next` link (`/v1/…`). */
  readonly path: string;
  /** The Music User Token, for `/me/…` calls. */
  readonly mut?: string;
  readonly body?: unknown;
}

export interface AppleApi {
  json<S extends z.ZodType>(call: AppleCall, schema: S): Promise<z.output<S>>;
  /** For 201/204 responses whose body we do not need. */
  send(call: AppleCall): Promise<void>;
}

/** Adds the developer token (and the MUT); a 401 re-mints the developer token once. */
export function createAppleApi(deps: AppleApiDeps): AppleApi {
  async function withDevToken<T>(run: (devToken: string) => Promise<T>): Promise<T> {
    try {
      return await run(await deps.devToken.get());
    } catch (error) {
      if (!isProviderError(error, 'unauthorized')) throw error;
      deps.devToken.invalidate();
      return run(await deps.devToken.get());
    }
  }

  const request = (call: AppleCall, devToken: string): WireRequest => ({
    method: call.method ?? 'GET',
    url: resolve(deps.apiBase, call.path),
    headers: {
      authorization: `Bearer ${devToken}`,
      ...(call.mut ? { 'music-user-token': call.mut } : {}),
      ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });

  return {
    json: (call, schema) => withDevToken((t) => deps.http.json(request(call, t), schema)),
    send: (call) => withDevToken(async (t) => { await deps.http.send(request(call, t)); }),
  };
}

/** Apple's `next` links are `/v1/…` paths: re-root them on our (overridable) API base. */
export function resolve(apiBase: string, path: string): string {
  if (path.startsWith('/v1/')) return `${apiBase}${path.slice(3)}`;
  if (path.startsWith('/')) return `${apiBase}${path}`;
  throw new ProviderError('apple', 'bad_response', 'unexpected paging link from Apple Music');
}
