import type { Logger } from 'pino';
import { createApple, createAppleApi, createAppleAuth, createDeveloperTokenCache, classifyApple, type AppleAuth, type AppleProvider } from './apple/index.js';
import { createHttp, type ClassifyFailure } from './http.js';
import { createSpotify, createSpotifyAuth, classifySpotify, type SpotifyAuth, type SpotifyProvider } from './spotify/index.js';
import { undiciTransport, type Transport } from './transport.js';
import type { MusicProvider, ProviderId } from './types.js';

export interface ProvidersConfig {
  readonly spotify?: { readonly clientId: string; readonly clientSecret: string; readonly apiBase: string; readonly accountsBase: string };
  readonly apple?: { readonly teamId: string; readonly keyId: string; readonly privateKeyPem: string; readonly apiBase: string };
}

export interface ProvidersDeps {
  readonly log: Logger;
  /** Default: `undiciTransport` (undici's fetch + Agent with connect/headers/body timeouts). */
  readonly transport?: Transport;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly maxAttempts?: number;
}

export interface Providers {
  /** Only the enabled providers (configured credentials). */
  readonly providers: ReadonlyMap<ProviderId, MusicProvider>;
  readonly spotify?: SpotifyProvider;
  readonly apple?: AppleProvider;
  /** For the web role: authorize URL, code exchange, `/me`. */
  readonly spotifyAuth?: SpotifyAuth;
  /** For the web role: the MusicKit page's developer token, the user's storefront. */
  readonly appleAuth?: AppleAuth;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Builds the providers whose credentials are configured; each with its own retry policy instance. */
export function createProviders(config: ProvidersConfig, deps: ProvidersDeps): Providers {
  const now = deps.now ?? (() => new Date());
  const http = (provider: ProviderId, classify: ClassifyFailure) => createHttp({
    transport: deps.transport ?? undiciTransport, provider, classify, now,
    sleep: deps.sleep ?? realSleep, log: deps.log, random: deps.random, maxAttempts: deps.maxAttempts,
  });
  const map = new Map<ProviderId, MusicProvider>();
  const out: { -readonly [K in keyof Providers]: Providers[K] } = { providers: map };

  if (config.spotify) {
    const spotifyHttp = http('spotify', classifySpotify);
    out.spotifyAuth = createSpotifyAuth({ http: spotifyHttp, config: config.spotify, now });
    out.spotify = createSpotify({ http: spotifyHttp, auth: out.spotifyAuth, apiBase: config.spotify.apiBase, now });
    map.set('spotify', out.spotify);
  }
  if (config.apple) {
    const key = { teamId: config.apple.teamId, keyId: config.apple.keyId, privateKeyPem: config.apple.privateKeyPem };
    const serverToken = createDeveloperTokenCache({ ...key, now });
    out.apple = createApple({ api: createAppleApi({ http: http('apple', classifyApple), devToken: serverToken, apiBase: config.apple.apiBase }) });
    out.appleAuth = createAppleAuth({ key, serverToken, storefront: out.apple.storefront, now });
    map.set('apple', out.apple);
  }
  return out;
}

export * from './types.js';
export { ProviderError, isProviderError, PROVIDER_FAILURES, type ProviderFailure, type ProviderErrorDetails } from './errors.js';
export { createHttp, classifyByStatus, type Http, type HttpDeps, type HttpFailure, type ClassifyFailure, type RequestOptions } from './http.js';
export { retryDecision, backoffMs, parseRetryAfter, isQuotaExceeded, DEFAULT_RETRY_POLICY, type RetryDecision, type RetryPolicy, type AttemptOutcome, type AttemptContext } from './retry-decision.js';
export { undiciTransport, createUndiciTransport, TRANSPORT_TIMEOUTS, type Transport, type WireRequest, type WireResponse } from './transport.js';
export { createPkcePair, pkceChallenge, type PkcePair } from './pkce.js';
export { userHint } from './user-hints.js';
export * from './spotify/index.js';
export * from './apple/index.js';
