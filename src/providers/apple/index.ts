export { createApple, type AppleProvider, type AppleProviderDeps } from './provider.js';
export { createAppleAuth, type AppleAuth, type AppleAuthDeps } from './auth.js';
export { createAppleApi, type AppleApi, type AppleApiDeps, type AppleCall } from './api.js';
export {
  createAppleDeveloperToken, createDeveloperTokenCache, APPLE_MAX_TOKEN_TTL_SECONDS,
  type AppleKeyConfig, type DeveloperToken, type DeveloperTokenCache, type DeveloperTokenCacheOptions, type DeveloperTokenInput,
} from './developer-token.js';
export { APPLE_RANGE_SOURCES, HEAVY_ROTATION_TRACKS_PER_ITEM, type AppleTasteSource } from './top-tracks.js';
export { APPLE_LIMITS } from './catalog.js';
export { classifyApple, APPLE_NO_SUBSCRIPTION_CODE } from './errors.js';
export { fillArtwork, appleTrackType, ARTWORK_SIZE } from './map-song.js';
