export { createSpotifyAuth, assertRedirectUri, SPOTIFY_SCOPES, type SpotifyAuth, type SpotifyAuthDeps, type SpotifyClientConfig, type SpotifyTokens, type AuthorizeParams } from './auth.js';
export { createSpotify, cleanDescription, SPOTIFY_LIMITS, SPOTIFY_TIME_RANGE, type SpotifyProvider, type SpotifyProviderDeps } from './provider.js';
export { classifySpotify } from './errors.js';
export { trackUri } from './map-track.js';
